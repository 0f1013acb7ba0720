// The targets editor's commands and schema against a real SQLite file: what a campaigner types, what is stored,
// what is refused, and what is never applied.
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appeals, auditLog, signatures, targets } from "@/db/schema";
import { inviteUser } from "../auth/commands/invite-user";
import { createTestCase } from "@/tests/support/factories";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { createTarget } from "./create-target";
import { deleteTarget } from "./delete-target";
import { getCaseForEditing, getTargetById, listTargetsByCase } from "./queries";
import { reorderTargets } from "./reorder-targets";
import { checkFax, formatFax, languageChoices, normalizeFax, parseTargetForm, type TargetInput } from "./schemas";
import { updateTarget } from "./update-target";

let database: TestDatabase;
let actorId: string;
let adminId: string;
beforeAll(async () => {
  database = await useTestDatabase();
  actorId = inviteUser({ email: `targets-${Date.now()}@staff.example.org`, role: "campaigner" }).userId;
  adminId = inviteUser({ email: `targets-admin-${Date.now()}@staff.example.org`, role: "admin" }).userId;
});
afterAll(() => database.close());

const LANGUAGES = languageChoices(["en", "zh"]);
const VALID = {
  role: "primary",
  title: "Minister of Public Security",
  name: "Wang Xiaohong",
  office: "Ministry of Public Security",
  postalAddress: "14 Dongchang'an Street\r\nDongcheng District\nBeijing 100741",
  country: "CN",
  email: "gazette@example.org",
  fax: "+86 10 6529 2345",
  salutation: "Your Excellency",
  language: "zh",
};
/** A target added directly (the case is not live): its id. */
function added(result: ReturnType<typeof createTarget>): { targetId: string } {
  if (result?.result !== "added") throw new Error(`not added: ${JSON.stringify(result)}`);
  return result;
}

const parse = (fields: Record<string, string>) => parseTargetForm((name) => fields[name], LANGUAGES);
function input(fields: Record<string, string> = {}): TargetInput {
  const parsed = parse({ ...VALID, ...fields });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
}
const auditFor = (caseId: string) => getDb().select().from(auditLog).where(and(eq(auditLog.subjectId, caseId), eq(auditLog.action, "targets.edit"))).all();

describe("parseTargetForm", () => {
  it("accepts a complete target, normalising the fax to E.164 and the address's line breaks", () => {
    const parsed = parse(VALID);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data).toMatchObject({ fax: "+861065292345", postalAddress: "14 Dongchang'an Street\nDongcheng District\nBeijing 100741", email: "gazette@example.org", role: "primary", language: "zh" });
  });

  it.each([
    ["a@example.org, b@example.org", /one email address only/i],
    ["a@example.org\nBcc: x@example.org", /line break/i],
    ["a@example.org\r\nBcc: x@example.org", /line break/i],
    ["Boss <boss@example.org>", /without a name or angle brackets/i],
    ["a@example.org; b@example.org", /one email address only/i],
    ["not-an-address", /like name@example.org/i],
  ])("refuses the email %j with a specific message", (email, message) => {
    const parsed = parse({ ...VALID, email });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.email?.[0]).toMatch(message);
    expect(Object.keys(parsed.errors)).toEqual(["email"]);
    // what was typed comes back as typed
    expect(parsed.values.email).toBe(email);
  });

  it("refuses a short fax number and accepts an international one with spaces and hyphens", () => {
    expect(checkFax("12345")).toMatch(/Start the fax number with \+/);
    expect(checkFax("+12345")).toMatch(/7 to 15 digits/);
    expect(checkFax("+1 234 567 890 123 456")).toMatch(/7 to 15 digits/);
    expect(checkFax("+86 10 6529 2345")).toBeNull();
    expect(checkFax("+44-20-7946-0000")).toBeNull();
    expect(normalizeFax("+86 10 6529 2345")).toBe("+861065292345");
    const refused = parse({ ...VALID, fax: "12345" });
    expect(refused.ok ? null : refused.errors.fax?.[0]).toMatch(/\+/);
    expect(formatFax("+861065292345")).toBe("+86 106 529 2345");
    expect(formatFax("+12025550123")).toBe("+1 202 555 0123");
    expect(formatFax("+3544000000")).toBe("+354 400 0000");
  });

  it("returns every field's error at once, and refuses a language not offered", () => {
    const parsed = parse({ role: "boss", title: "", postalAddress: "  ", country: "ZZ", email: "x", fax: "12", salutation: "", language: "xx" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(["country", "email", "fax", "language", "postalAddress", "role", "salutation", "title"]);
  });

  it("reads only its own fields: caseId, ownerId and position in the form are not in the result", () => {
    const parsed = parse({ ...VALID, caseId: "someone-else", ownerId: "x", position: "-1", id: "y" });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(Object.keys(parsed.data).sort()).toEqual([
      "country",
      "deliveryMode",
      "digestFormat",
      "digestHour",
      "email",
      "fax",
      "language",
      "name",
      "office",
      "officeDays",
      "officeHoursEnd",
      "officeHoursStart",
      "pacePerHour",
      "postalAddress",
      "role",
      "salutation",
      "timeZone",
      "title",
    ]);
  });

  it("keeps one email per supporter unless a digest is chosen, and refuses an hour or a choice not offered", () => {
    const plain = parse(VALID);
    expect(plain.ok && [plain.data.deliveryMode, plain.data.digestHour, plain.data.digestFormat]).toEqual(["each", 9, "inline"]);
    const digest = parse({ ...VALID, deliveryMode: "digest", digestHour: "0", digestFormat: "pdf" });
    expect(digest.ok && [digest.data.deliveryMode, digest.data.digestHour, digest.data.digestFormat]).toEqual(["digest", 0, "pdf"]);
    const bad = parse({ ...VALID, deliveryMode: "hourly", digestHour: "24", digestFormat: "html" });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.deliveryMode).toEqual(["Choose how this official gets the letters: one email per supporter, or one digest a day."]);
    expect(bad.errors.digestHour).toEqual(["Choose the hour the digest is sent, from 0 to 23 on the official’s clock."]);
    expect(bad.errors.digestFormat).toEqual(["Choose whether the letters are in the email itself or in one attached PDF."]);
    for (const hour of ["-1", "9.5", "09:00", "１"]) expect(parse({ ...VALID, digestHour: hour }).ok).toBe(false);
  });

  it("reads the pacing fields: a rate, office hours and an IANA zone, or empty for the defaults", () => {
    expect(input()).toMatchObject({ pacePerHour: null, officeHoursStart: null, officeHoursEnd: null, officeDays: null, timeZone: null });
    expect(input({ pacePerHour: " 30 ", officeHoursStart: "9", officeHoursEnd: "17", officeDays: "12345", timeZone: "Asia/Shanghai" })).toMatchObject({
      pacePerHour: 30,
      officeHoursStart: 9,
      officeHoursEnd: 17,
      // Monday to Friday is the default, kept as null
      officeDays: null,
      timeZone: "Asia/Shanghai",
    });
    expect(input({ officeHoursStart: "0", officeHoursEnd: "24", officeDays: "71234" })).toMatchObject({ officeHoursStart: 0, officeHoursEnd: 24, officeDays: "71234" });
  });

  it.each([
    [{ pacePerHour: "0" }, "pacePerHour", "whole number of 1 or more"],
    [{ pacePerHour: "2.5" }, "pacePerHour", "whole number of 1 or more"],
    [{ pacePerHour: "-3" }, "pacePerHour", "whole number of 1 or more"],
    [{ pacePerHour: "twenty" }, "pacePerHour", "whole number of 1 or more"],
    [{ pacePerHour: "5000" }, "pacePerHour", "At most 3600"],
    [{ timeZone: "+08:00" }, "timeZone", "IANA name"],
    [{ timeZone: "CET" }, "timeZone", "IANA name"],
    [{ timeZone: "Mars/Olympus_Mons" }, "timeZone", "IANA name"],
    [{ officeHoursStart: "9" }, "officeHoursEnd", "closes too"],
    [{ officeHoursEnd: "17" }, "officeHoursStart", "opens too"],
    [{ officeHoursStart: "17", officeHoursEnd: "9" }, "officeHoursEnd", "close after it opens"],
    [{ officeHoursStart: "25", officeHoursEnd: "17" }, "officeHoursStart", "from the list"],
    [{ officeDays: "67" }, "officeDays", "from the list"],
  ])("refuses %j next to %s", (fields, field, message) => {
    const parsed = parse({ ...VALID, ...fields });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors)).toEqual([field]);
    expect(parsed.errors[field as keyof typeof parsed.errors]?.[0]).toContain(message);
  });
});

describe("target commands", () => {
  it("adds targets at the end, edits, moves and removes them, auditing each change with the old and new address", () => {
    const theCase = createTestCase({ targets: 0, state: "draft" });
    const a = added(createTarget({ caseId: theCase.id, input: input({ title: "A" }), actorId }));
    const b = added(createTarget({ caseId: theCase.id, input: input({ title: "B", role: "copy", email: "", fax: "" }), actorId }));
    const c = added(createTarget({ caseId: theCase.id, input: input({ title: "C" }), actorId }));
    expect(listTargetsByCase({ caseId: theCase.id }).map((t) => [t.title, t.position])).toEqual([["A", 0], ["B", 1], ["C", 2]]);
    expect(getTargetById({ caseId: theCase.id, targetId: b.targetId })).toMatchObject({ role: "copy", email: null, fax: null });

    expect(updateTarget({ caseId: theCase.id, targetId: a.targetId, input: input({ title: "A2", email: "new@example.org" }), actorId })).toBe("saved");
    expect(getTargetById({ caseId: theCase.id, targetId: a.targetId })).toMatchObject({ title: "A2", email: "new@example.org", position: 0 });

    expect(reorderTargets({ caseId: theCase.id, targetId: c.targetId, direction: "up", actorId })).toBe("saved");
    expect(reorderTargets({ caseId: theCase.id, targetId: a.targetId, direction: "up", actorId })).toBe("saved"); // already first: no change, no audit
    expect(listTargetsByCase({ caseId: theCase.id }).map((t) => t.title)).toEqual(["A2", "C", "B"]);

    expect(deleteTarget({ caseId: theCase.id, targetId: c.targetId, actorId }).result).toBe("deleted");
    expect(listTargetsByCase({ caseId: theCase.id }).map((t) => [t.title, t.position])).toEqual([["A2", 0], ["B", 1]]);

    const entries = auditFor(theCase.id);
    expect(entries.map((e) => JSON.parse(e.details!).change)).toEqual(["add", "add", "add", "edit", "reorder", "remove"]);
    for (const e of entries) expect(e.actorUserId).toBe(actorId);
    // issue 8: every address field's old and new value, so a redirect and its undoing can both be seen later
    expect(JSON.parse(entries[3]!.details!)).toMatchObject({ "before.title": "A", "after.title": "A2", "before.email": "gazette@example.org", "after.email": "new@example.org" });
    expect(JSON.parse(entries[5]!.details!)).toMatchObject({ "before.title": "C", "before.postalAddress": "14 Dongchang'an Street\nDongcheng District\nBeijing 100741" });
  });

  it("never touches another case's target through this case's id, and writes nothing for an unknown case", () => {
    const mine = createTestCase({ targets: 1, state: "draft" });
    const theirs = createTestCase({ targets: 2, state: "published" });
    const theirTarget = theirs.targets[0]!.id;
    const before = getTargetById({ caseId: theirs.id, targetId: theirTarget });

    expect(updateTarget({ caseId: mine.id, targetId: theirTarget, input: input({ title: "Hijacked" }), actorId })).toBe(false);
    expect(reorderTargets({ caseId: mine.id, targetId: theirTarget, direction: "down", actorId })).toBe(false);
    expect(deleteTarget({ caseId: mine.id, targetId: theirTarget, actorId }).result).toBe("not_found");
    expect(getTargetById({ caseId: theirs.id, targetId: theirTarget })).toEqual(before);
    expect(listTargetsByCase({ caseId: theirs.id })).toHaveLength(2);

    expect(createTarget({ caseId: "no-such-case", input: input(), actorId })).toBeNull();
    expect(getDb().select().from(targets).where(eq(targets.caseId, "no-such-case")).all()).toHaveLength(0);
  });

  // issue 8: a campaigner's edit of a published case waits for an admin (lib/revisions); an admin's applies
  it("edits the targets of a published case directly for an admin only, recording the case's state", () => {
    const published = createTestCase({ targets: 1, state: "published" });
    expect(updateTarget({ caseId: published.id, targetId: published.targets[0]!.id, input: input({ salutation: "Dear Minister" }), actorId })).toBe("proposed");
    expect(auditFor(published.id)).toHaveLength(0);
    expect(updateTarget({ caseId: published.id, targetId: published.targets[0]!.id, input: input({ salutation: "Dear Minister" }), actorId: adminId })).toBe("saved");
    expect(JSON.parse(auditFor(published.id)[0]!.details!)).toMatchObject({ change: "edit", caseState: "published" });
  });

  it("refuses to remove a target that appeals were already written to", () => {
    const theCase = createTestCase({ targets: 1, state: "published" });
    const targetId = theCase.targets[0]!.id;
    const now = new Date();
    const signatureId = crypto.randomUUID();
    getDb()
      .insert(signatures)
      .values({ id: signatureId, caseId: theCase.id, fullName: "S", email: "s@example.net", emailNormalized: "s@example.net", country: "FR", status: "confirmed", tokenHash: crypto.randomUUID(), tokenExpiresAt: now, createdAt: now, updatedAt: now, confirmedAt: now })
      .run();
    getDb().insert(appeals).values({ id: crypto.randomUUID(), signatureId, targetId, caseId: theCase.id, channel: "post", subject: "s", body: "b", createdAt: now }).run();
    expect(deleteTarget({ caseId: theCase.id, targetId, actorId })).toEqual({ result: "has_appeals", appeals: 1 });
    expect(getDb().select().from(targets).where(eq(targets.caseId, theCase.id)).orderBy(asc(targets.position)).all()).toHaveLength(1);
  });

  it("getCaseForEditing finds any case for campaigners and admins, and nothing for an unknown id", () => {
    const theCase = createTestCase({ targets: 0, state: "draft", languages: "en,zh" });
    expect(getCaseForEditing({ caseId: theCase.id, user: { role: "campaigner" } })).toMatchObject({ id: theCase.id, languages: ["en", "zh"] });
    expect(getCaseForEditing({ caseId: theCase.id, user: { role: "admin" } })).not.toBeNull();
    expect(getCaseForEditing({ caseId: "nope", user: { role: "admin" } })).toBeNull();
  });
});
