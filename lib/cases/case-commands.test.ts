// createCase, updateCase and the editor queries against a real SQLite file: valid input, hostile input, and
// every refusal coming back as a field error with nothing written.
import { eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, cases } from "@/db/schema";
import { RichText } from "@/components/rich-text";
import type { CurrentUser } from "../auth/queries";
import { inviteUser } from "../auth/commands/invite-user";
import { createTestCase } from "@/tests/support/factories";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { caseContentVersion } from "./content-version";
import { getCaseForEditor, getCaseForPreview, listCasesForStaff } from "./admin-queries";
import { createCase } from "./create-case";
import { publishCase } from "./publish-case";
import { todayIso } from "./queries";
import { updateCase } from "./update-case";

let database: TestDatabase;
/** The version the review page would show: what an admin publishing it has read. */
const reviewed = (caseId: string) => caseContentVersion({ db: getDb(), caseId }) ?? "";
let campaigner: CurrentUser;
let admin: CurrentUser;
let n = 0;

beforeAll(async () => {
  database = await useTestDatabase();
  const c = inviteUser({ email: `campaigner-${Date.now()}@staff.example.org`, role: "campaigner" });
  const a = inviteUser({ email: `admin-${Date.now()}@staff.example.org`, role: "admin" });
  campaigner = { id: c.userId, email: c.email, role: "campaigner" };
  admin = { id: a.userId, email: a.email, role: "admin" };
});
afterAll(() => database.close());

const day = (offset: number) => todayIso(new Date(Date.now() + offset * 86_400_000));

function validInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  n += 1;
  return {
    slug: `new-case-${Date.now()}-${n}`,
    reference: `UA ${n}/26`,
    title: "Jailed for exposing torture",
    personName: "Amina Diallo",
    personNameLocal: "",
    pronouns: "she/her",
    country: "ml",
    tags: "Africa, human rights defenders , africa",
    riskStatus: "detained",
    summary: "A lawyer was arrested at her office.",
    story: "## What happened\n\nShe was arrested on **Monday**.",
    actBefore: day(30),
    languages: "en, FR",
    goal: "5,000",
    ...overrides,
  };
}

const row = (id: string) => getDb().select().from(cases).where(eq(cases.id, id)).get()!;

describe("createCase", () => {
  it("creates a draft owned by the user, normalising tags, languages, country and goal, with an audit entry", () => {
    const result = createCase({ input: validInput(), user: campaigner });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const saved = row(result.id);
    expect(saved).toMatchObject({ state: "draft", createdBy: campaigner.id, country: "ML", tags: "africa,human-rights-defenders", languages: "en,fr", goal: 5000, publishedAt: null });
    const [entry] = getDb().select().from(auditLog).where(eq(auditLog.subjectId, result.id)).all();
    expect(entry).toMatchObject({ action: "case.create", actorUserId: campaigner.id });
  });

  it("ignores fields the editor does not have: role, ownerId, state, createdBy, id, publishedAt", () => {
    const result = createCase({
      input: validInput({ role: "admin", ownerId: admin.id, state: "published", createdBy: admin.id, id: "chosen-id", publishedAt: "2020-01-01", goal: "10" }),
      user: campaigner,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.id).not.toBe("chosen-id");
    expect(row(result.id)).toMatchObject({ state: "draft", createdBy: campaigner.id, publishedAt: null, goal: 10 });
  });

  it("keeps script and event-handler HTML in the story as text, and the page renders it inert", () => {
    const story = `<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[click](javascript:alert(3))`;
    const result = createCase({ input: validInput({ story }), user: campaigner });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(row(result.id).story).toBe(story);
    const html = renderToStaticMarkup(createElement(RichText, null, story));
    expect(html).not.toMatch(/<script|<img|onerror|javascript:/i);
    expect(html).toContain("click");
  });

  it("returns every field error at once and writes nothing", () => {
    const before = getDb().select().from(cases).all().length;
    const result = createCase({ input: { story: "Typed and kept" }, user: campaigner });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(
      // no slug error: an empty address is made from the name, and the missing name is the error to fix
      ["actBefore", "country", "goal", "languages", "personName", "reference", "riskStatus", "summary", "title"].sort(),
    );
    expect(getDb().select().from(cases).all()).toHaveLength(before);
  });

  it.each([
    ["0", "between 1 and 10,000,000"],
    ["-5", "whole number"],
    ["10000001", "between 1 and 10,000,000"],
    ["99999999999999999999", "between 1 and 10,000,000"],
    ["1e9", "whole number"],
    ["12.5", "whole number"],
    ["lots", "whole number"],
  ])("refuses the goal %j", (goal, message) => {
    const result = createCase({ input: validInput({ goal }), user: campaigner });
    expect(result).toMatchObject({ ok: false, errors: { goal: [expect.stringContaining(message)] } });
  });

  it.each([
    ["2026-02-30", "real date"],
    ["14/03/2026", "real date"],
    ["9999-12-31", "within 2 years"],
    [day(800), "within 2 years"],
    [day(-1), "today or a later date"],
  ])("refuses the deadline %j", (actBefore, message) => {
    const result = createCase({ input: validInput({ actBefore }), user: campaigner });
    expect(result).toMatchObject({ ok: false, errors: { actBefore: [expect.stringContaining(message)] } });
  });

  it.each([
    ["slug", "Has Spaces"],
    ["slug", "ab"],
    ["slug", "x".repeat(81)],
    ["slug", "trailing-"],
    ["reference", "R".repeat(21)],
    ["summary", "s".repeat(401)],
    ["story", "s".repeat(20_001)],
    ["country", "ZZ"],
    ["riskStatus", "on_holiday"],
    ["pronouns", "p".repeat(41)],
    ["languages", "english!"],
    ["tags", "<b>bold</b>"],
  ])("refuses %s = %j with a message for that field", (field, value) => {
    const result = createCase({ input: validInput({ [field]: value }), user: campaigner });
    expect(result).toMatchObject({ ok: false, errors: { [field]: [expect.any(String)] } });
  });

  it("refuses a slug another case uses, as a field error", () => {
    const first = createCase({ input: validInput({ slug: `taken-${Date.now()}` }), user: campaigner });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const again = createCase({ input: validInput({ slug: first.slug.toUpperCase() }), user: admin });
    expect(again).toEqual({ ok: false, errors: { slug: ["Another case already uses this web address. Choose a different one."] } });
  });

  it("makes the address from the person's name when it is left empty, numbered when taken", () => {
    const name = `Ilham Tohti ${Date.now()}`;
    const made = [1, 2, 3].map(() => createCase({ input: validInput({ slug: "", personName: name }), user: campaigner }));
    const base = `ilham-tohti-${name.split(" ")[2]}`;
    expect(made.map((r) => (r.ok ? r.slug : null))).toEqual([base, `${base}-2`, `${base}-3`]);
    expect(made.map((r) => (r.ok ? row(r.id).slug : null))).toEqual([base, `${base}-2`, `${base}-3`]);
  });

  it("makes an ASCII address from a name in Chinese, Uyghur or Cyrillic script", () => {
    const slugs = ["李翘楚", "ئىلھام توختى", "Ильхам Тохти"].map((personName) => {
      const result = createCase({ input: validInput({ slug: "  ", personName }), user: campaigner });
      return result.ok ? result.slug : `refused: ${JSON.stringify(result.errors)}`;
    });
    expect(slugs[0]).toMatch(/^li-qiao-chu(-\d+)?$/);
    expect(slugs[2]).toMatch(/^ilkham-tokhti(-\d+)?$/);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it("refuses a photo path it did not store, and a photo without a description", () => {
    const forged = createCase({ input: validInput({ photoPath: "https://evil.example/x.png", photoAlt: "x" }), user: campaigner });
    expect(forged).toMatchObject({ ok: false, errors: { photoPath: [expect.any(String)] } });
    const missing = createCase({ input: validInput({ photoPath: `/photos/${"a".repeat(32)}.webp`, photoAlt: "" }), user: campaigner });
    expect(missing).toMatchObject({
      ok: false,
      errors: { photo: [expect.stringContaining("not found")], photoAlt: [expect.stringContaining("Describe the photo")] },
    });
  });

  it("reports a refused upload together with the other field errors", () => {
    const result = createCase({ input: validInput({ goal: "0" }), user: campaigner, photoError: "This file is not a PNG, JPEG or WebP image." });
    expect(result).toEqual({ ok: false, errors: { goal: [expect.any(String)], photo: ["This file is not a PNG, JPEG or WebP image."] } });
  });
});

describe("updateCase", () => {
  it("saves the editor's fields, records the changed field names only, and ignores state", () => {
    const created = createCase({ input: validInput(), user: campaigner });
    if (!created.ok) throw new Error("setup");
    const result = updateCase({ id: created.id, input: validInput({ slug: created.slug, title: "A new headline", state: "published", createdBy: admin.id }), user: campaigner });
    expect(result).toMatchObject({ ok: true, changed: expect.arrayContaining(["title"]) });
    expect(row(created.id)).toMatchObject({ title: "A new headline", state: "draft", createdBy: campaigner.id });
    const edit = getDb().select().from(auditLog).where(eq(auditLog.subjectId, created.id)).all().find((e) => e.action === "case.edit");
    expect(edit!.details).not.toContain("A new headline");
    expect(JSON.parse(edit!.details!).fields).toContain("title");
  });

  it("refuses to move a public case to another address, but allows its other edits", () => {
    const c = createTestCase({ state: "published" });
    const base = validInput({ slug: c.slug });
    expect(updateCase({ id: c.id, input: { ...base, slug: `${c.slug}-moved` }, user: campaigner })).toMatchObject({ ok: false, errors: { slug: [expect.stringContaining("cannot change")] } });
    expect(updateCase({ id: c.id, input: base, user: campaigner })).toMatchObject({ ok: true, state: "published" });
  });

  it("makes a draft's address from the name when it is emptied, but never changes a public case's by itself", () => {
    const name = `Tashpolat Tiyip ${Date.now()}`;
    const draft = createCase({ input: validInput({ personName: name }), user: campaigner });
    if (!draft.ok) throw new Error("setup");
    const base = `tashpolat-tiyip-${name.split(" ")[2]}`;
    // its own address does not count as taken
    for (let i = 0; i < 2; i++) expect(updateCase({ id: draft.id, input: validInput({ slug: "", personName: name }), user: campaigner })).toMatchObject({ ok: true, slug: base });
    expect(row(draft.id).slug).toBe(base);

    const c = createTestCase({ state: "published" });
    expect(updateCase({ id: c.id, input: validInput({ slug: "" }), user: admin })).toMatchObject({ ok: false, errors: { slug: [expect.stringContaining("cannot change")] } });
    expect(row(c.id).slug).toBe(c.slug);
  });

  it("keeps a deadline that has already passed when it is not changed", () => {
    const c = createTestCase({ state: "published", actBefore: day(-3) });
    expect(updateCase({ id: c.id, input: validInput({ slug: c.slug, actBefore: day(-3) }), user: admin }).ok).toBe(true);
    expect(updateCase({ id: c.id, input: validInput({ slug: c.slug, actBefore: day(-2) }), user: admin }).ok).toBe(false);
  });

  it("is a not-found for an unknown id", () => {
    expect(updateCase({ id: "no-such-case", input: validInput(), user: admin })).toMatchObject({ ok: false, notFound: true });
  });
});

describe("editor queries", () => {
  it("show every case to campaigners and admins, and nothing to anyone else", () => {
    const c = createTestCase({ state: "draft" });
    expect(getCaseForEditor({ id: c.id, user: campaigner })).toMatchObject({ id: c.id, state: "draft" });
    expect(getCaseForEditor({ id: c.id, user: null })).toBeNull();
    expect(getCaseForEditor({ id: c.id, user: { ...campaigner, role: "guest" as never } })).toBeNull();
    expect(getCaseForEditor({ id: "nope", user: admin })).toBeNull();
    expect(listCasesForStaff({ user: admin }).some((r) => r.id === c.id)).toBe(true);
    expect(listCasesForStaff({ user: null })).toEqual([]);
  });

  it("preview an unpublished case for staff only", () => {
    const c = createTestCase({ state: "in_review" });
    expect(getCaseForPreview({ slug: c.slug, user: campaigner })).toMatchObject({ slug: c.slug, state: "in_review", targets: expect.any(Array) });
    expect(getCaseForPreview({ slug: c.slug, user: null })).toBeNull();
  });

  it("a published case is then public; the editor still reads it", () => {
    const created = createCase({ input: validInput(), user: campaigner });
    if (!created.ok) throw new Error("setup");
    expect(publishCase({ id: created.id, user: admin, reviewedVersion: reviewed(created.id) }).ok).toBe(false); // no targets, no letter
  });
});
