// The model-letter editor's schema, save command and preview against a real SQLite file.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, letterTemplates } from "@/db/schema";
import { inviteUser } from "../auth/commands/invite-user";
import { languageChoices } from "../targets/schemas";
import { createTestCase } from "@/tests/support/factories";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { pickTemplate, previewLetters, textLength, withDraft } from "./preview";
import { listLetterTemplatesByCase } from "./queries";
import { LetterTemplateError } from "./render";
import { saveLetterTemplate } from "./save-letter-template";
import { parseLetterForm } from "./schemas";

let database: TestDatabase;
let actorId: string;
beforeAll(async () => {
  database = await useTestDatabase();
  // an admin: on a published case a campaigner's change waits for approval (issue 8; lib/revisions/revisions.test.ts)
  actorId = inviteUser({ email: `letters-${Date.now()}@staff.example.org`, role: "admin" }).userId;
});
afterAll(() => database.close());

const LANGUAGES = languageChoices(["en"]);
const parse = (fields: Record<string, string>) => parseLetterForm((name) => fields[name], LANGUAGES);

describe("parseLetterForm", () => {
  it("refuses an unknown merge field on save, naming it, and keeps the typed text", () => {
    const body = "{{target.salutation}},\n\nCall me on {{supporter.phone}}.\n\n{{supporter.name}}";
    const parsed = parse({ language: "en", subject: "Free {{case.personName}}", body });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.body?.[0]).toContain("{{supporter.phone}}");
    expect(parsed.errors.subject).toBeUndefined();
    expect(parsed.values.body).toBe(body);
  });

  it("names unknown fields in the subject too, and unbalanced braces", () => {
    const parsed = parse({ language: "en", subject: "Free {{case.name}}", body: "Dear {{target.salutation}," });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.subject?.[0]).toContain("{{case.name}}");
    expect(parsed.errors.body?.[0]).toContain("unmatched");
  });

  it("refuses an empty letter, a subject with a hidden control and a language not offered, all at once", () => {
    const parsed = parse({ language: "xx-evil", subject: "Hello\u202Egro.elpmaxe", body: "   " });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(["body", "language", "subject"]);
  });

  it("reads only its own fields", () => {
    const parsed = parse({ language: "en", subject: "S", body: "B\n\n{{supporter.message}}", caseId: "other", id: "x" });
    expect(parsed.ok && Object.keys(parsed.data).sort()).toEqual(["body", "language", "subject"]);
  });
});

describe("saveLetterTemplate", () => {
  it("creates a template for a new language, then replaces it, auditing ids and the language only", () => {
    const theCase = createTestCase({ targets: 1, state: "published" });
    const first = saveLetterTemplate({ caseId: theCase.id, input: { language: "fr", subject: "Libérez {{case.personName}}", body: "{{target.salutation}},\n\nLibérez-le.\n\n{{supporter.name}}" }, actorId });
    expect(first).toMatchObject({ created: true });
    const second = saveLetterTemplate({ caseId: theCase.id, input: { language: "fr", subject: "Libérez {{case.personName}} !", body: "Texte" }, actorId });
    expect(second).toEqual({ templateId: first!.templateId, created: false, revisionId: null });
    const rows = listLetterTemplatesByCase({ caseId: theCase.id });
    expect(rows.map((r) => r.language)).toEqual(["en", "fr"]);
    expect(rows.find((r) => r.language === "fr")).toMatchObject({ subject: "Libérez {{case.personName}} !", body: "Texte" });
    const audit = getDb().select().from(auditLog).where(and(eq(auditLog.subjectId, theCase.id), eq(auditLog.action, "letter.edit"))).all();
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.details!)).toEqual({ templateId: first!.templateId, language: "fr", created: true, caseState: "published" });
  });

  it("refuses an unknown field even when called directly, writing nothing", () => {
    const theCase = createTestCase({ targets: 1, state: "draft" });
    expect(() => saveLetterTemplate({ caseId: theCase.id, input: { language: "en", subject: "S", body: "{{supporter.phone}}" }, actorId })).toThrow(LetterTemplateError);
    expect(getDb().select().from(letterTemplates).where(eq(letterTemplates.caseId, theCase.id)).get()?.body).not.toContain("phone");
  });

  it("returns null for an unknown case", () => {
    expect(saveLetterTemplate({ caseId: "no-such-case", input: { language: "en", subject: "S", body: "B" }, actorId })).toBeNull();
  });
});

describe("previewLetters", () => {
  const targets = [
    { id: "t1", role: "primary" as const, title: "President", name: "Xi Jinping", office: null, salutation: "Your Excellency", language: "zh" },
    { id: "t2", role: "copy" as const, title: "Ambassador", name: null, office: "Embassy", salutation: "Dear Ambassador", language: "de" },
  ];
  const templates = [
    { language: "en", subject: "Free {{case.personName}}", body: "{{target.salutation}},\n\n{{supporter.message}}\n\n{{supporter.name}}, {{supporter.country}}" },
    { language: "zh", subject: "释放{{case.personName}}", body: "{{target.salutation}}：\n\n{{supporter.name}}" },
  ];

  it("renders each target's letter from the template the real appeal would use, signed by the sample supporter", () => {
    const letters = previewLetters({ templates, targets, caseInfo: { personName: "Li Qiaochu", reference: "UA 1/25" }, preferred: ["en"], date: new Date("2025-03-14T12:00:00Z") });
    expect(letters.map((l) => [l.targetId, l.language, l.subject])).toEqual([
      ["t1", "zh", "释放Li Qiaochu"],
      ["t2", "en", "Free Li Qiaochu"],
    ]);
    expect(letters[1]!.body).toContain("Dear Ambassador,");
    expect(letters[1]!.body).toContain("Amira Haddad, Lebanon");
    expect(letters[1]!.body).toContain("I am writing from Beirut");
  });

  it("shows the draft in place of the saved letter, and a problem instead of a letter for an unknown field", () => {
    const draft = { language: "en", subject: "S", body: "{{supporter.phone}}" };
    const letters = previewLetters({ templates: withDraft(templates, draft), targets, caseInfo: { personName: "L", reference: "R" }, preferred: ["en"], date: new Date() });
    expect(letters[0]!.problem).toBeUndefined();
    expect(letters[1]!.problem).toContain("{{supporter.phone}}");
  });

  it("chooses the target's language, then the case's preferred languages in order, then any", () => {
    const fr = { language: "fr", subject: "", body: "" };
    const [en, zh] = [templates.find((t) => t.language === "en")!, templates.find((t) => t.language === "zh")!];
    expect(pickTemplate([en, zh, fr], "zh", ["en"])).toBe(zh);
    expect(pickTemplate([en, zh, fr], "ar", ["fr", "zh"])).toBe(fr);
    expect(pickTemplate([zh, fr], "ar", ["en"])).toBe(zh);
    expect(pickTemplate([], "en", ["en"])).toBeUndefined();
  });

  it("counts characters and words in any script", () => {
    expect(textLength("Dear Minister, free him.")).toEqual({ characters: 24, words: 4 });
    expect(textLength("")).toEqual({ characters: 0, words: 0 });
    expect(textLength("👋🏽 ok").characters).toBe(5);
    expect(textLength("Dear {{target.salutation}}, don't wait.")).toEqual({ characters: 39, words: 4 });
    expect(textLength("释放李乔楚 now").words).toBe(6);
    expect(textLength("Сергей, освободите его").words).toBe(3);
  });
});
