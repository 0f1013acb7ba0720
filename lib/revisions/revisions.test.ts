// A live case changes only through a reviewed revision (issue 8, item 1), against a real SQLite file and a real
// SMTP server: a campaigner's edit leaves the live rows and what supporters' letters say as they were, until an
// admin approves it; approval is refused when the rows changed since; publishing applies the reviewed version.
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, caseRevisions, caseUpdates, cases, letterTemplates, signatures, targets } from "@/db/schema";
import { createTestCase } from "@/tests/support/factories";
import { startSmtpCapture, type SmtpCapture } from "@/tests/support/smtp-capture";
import { signAndConfirm } from "@/tests/support/supporters";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import type { CurrentUser } from "../auth/queries";
import { inviteUser } from "../auth/commands/invite-user";
import { caseContentVersion } from "../cases/content-version";
import { publishCase } from "../cases/publish-case";
import { publishDueCases } from "../cases/publish-due-cases";
import { updateCase } from "../cases/update-case";
import { saveLetterTemplate } from "../letters/save-letter-template";
import { deliverDue } from "../outbox/deliver-outbox";
import { addRoutedCopy } from "../targets/add-routed-copy";
import { createTarget } from "../targets/create-target";
import { parseTargetForm, languageChoices, MAX_TARGETS_PER_CASE, type TargetInput } from "../targets/schemas";
import { updateTarget } from "../targets/update-target";
import { postUpdate } from "../updates/post-update";
import { parseUpdateForm } from "../updates/schemas";
import { approveRevision } from "./approve-revision";
import { listCaseRevisions } from "./queries";
import { rejectRevision } from "./reject-revision";
import { withdrawRevision } from "./withdraw-revision";

const APP_URL = "https://appeals.example.org";
let capture: SmtpCapture;
let database: TestDatabase;
let campaigner: CurrentUser;
let admin: CurrentUser;

beforeAll(async () => {
  capture = await startSmtpCapture();
  database = await useTestDatabase({ SMTP_URL: capture.url, APP_URL, MAIL_FROM: "appeals@vigil.example.org" });
  const c = inviteUser({ email: `rev-campaigner-${Date.now()}@staff.example.org`, role: "campaigner" });
  const a = inviteUser({ email: `rev-admin-${Date.now()}@staff.example.org`, role: "admin" });
  campaigner = { id: c.userId, email: c.email, role: "campaigner" };
  admin = { id: a.userId, email: a.email, role: "admin" };
});
afterAll(async () => {
  await database?.close();
  await capture?.close();
});

async function deliverAll() {
  for (let pass = 0; pass < 20; pass++) {
    const tally = await deliverDue();
    if (tally.sent + tally.retry + tally.failed + tally["lost-lease"] === 0) return;
  }
  throw new Error("the outbox did not drain in 20 passes");
}
const mailTo = (address: string) => capture.messages.filter((m) => m.envelope.rcptTo.some((r) => r.toLowerCase() === address.toLowerCase()));
const officialAddress = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}@officials.example.org`;
const targetRow = (id: string) => getDb().select().from(targets).where(eq(targets.id, id)).get()!;
const pending = (caseId: string) => getDb().select().from(caseRevisions).where(and(eq(caseRevisions.caseId, caseId), eq(caseRevisions.status, "pending"))).all();
const audits = (caseId: string, action: string) =>
  getDb().select().from(auditLog).where(and(eq(auditLog.subjectId, caseId), eq(auditLog.action, action))).all().map((a) => JSON.parse(a.details ?? "{}") as Record<string, unknown>);

/** The official's form as a campaigner would post it, with the email replaced. */
function officialInput(fields: Record<string, string>): TargetInput {
  const all: Record<string, string> = {
    role: "primary",
    title: "Minister 1",
    name: "Official 1",
    office: "",
    postalAddress: "Office 1, Capital City",
    country: "CN",
    email: "",
    fax: "",
    salutation: "Dear Minister",
    language: "en",
    ...fields,
  };
  const parsed = parseTargetForm((name) => all[name], languageChoices(["en"]));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
}

function updateInput(title: string) {
  const parsed = parseUpdateForm((name) => ({ kind: "further_information", title, body: "Moved to a detention centre.", happenedOn: "2026-11-30", riskStatus: "" })[name]);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
}

function follow(caseId: string) {
  const email = `follower-${crypto.randomUUID().slice(0, 8)}@supporters.example.net`;
  const now = new Date();
  getDb()
    .insert(signatures)
    .values({ id: crypto.randomUUID(), caseId, fullName: "Follower", email, emailNormalized: email, country: "GB", status: "confirmed", followUpdates: true, tokenHash: crypto.randomUUID(), tokenExpiresAt: now, createdAt: now, updatedAt: now, confirmedAt: now })
    .run();
  return email;
}

describe("a campaigner's change to a published case's official", () => {
  it("leaves the row and the letters as they were until an admin approves; then the next appeal goes to the new address", async () => {
    const theCase = createTestCase({ targets: 1, state: "published" });
    const target = theCase.targets[0]!;
    const oldEmail = target.email!;
    const attacker = officialAddress("redirected");

    expect(updateTarget({ caseId: theCase.id, targetId: target.id, input: officialInput({ email: attacker }), actorId: campaigner.id })).toBe("proposed");
    expect(targetRow(target.id).email).toBe(oldEmail);

    // a supporter who confirms now writes to the official the case had, not to the proposed address
    const first = signAndConfirm({ slug: theCase.slug });
    expect(first.state).toBe("confirmed");
    await deliverAll();
    expect(mailTo(oldEmail)).toHaveLength(1);
    expect(mailTo(attacker)).toHaveLength(0);

    const [revision] = pending(theCase.id);
    expect(revision).toMatchObject({ kind: "target_update", subjectId: target.id, authorId: campaigner.id, status: "pending" });
    // the workspace shows what, who, and old → new
    const [view] = listCaseRevisions({ caseId: theCase.id });
    expect(view).toMatchObject({ id: revision!.id, status: "pending", author: campaigner.email });
    expect(view!.changes).toContainEqual({ label: "Email", before: oldEmail, after: attacker, changed: true });

    expect(approveRevision({ revisionId: revision!.id, user: admin })).toMatchObject({ ok: true, caseId: theCase.id });
    expect(targetRow(target.id).email).toBe(attacker);
    expect(pending(theCase.id)).toHaveLength(0);

    const second = signAndConfirm({ slug: theCase.slug });
    expect(second.state).toBe("confirmed");
    await deliverAll();
    expect(mailTo(attacker)).toHaveLength(1);
    expect(mailTo(oldEmail)).toHaveLength(1);

    // the audit log keeps the old and the new address, for the proposal and for the approved edit, and the decision
    const proposed = audits(theCase.id, "revision.create");
    expect(proposed).toEqual([expect.objectContaining({ revisionId: revision!.id, "before.email": oldEmail, "after.email": attacker })]);
    const edits = audits(theCase.id, "targets.edit");
    expect(edits).toEqual([expect.objectContaining({ change: "edit", revisionId: revision!.id, proposedBy: campaigner.id, "before.email": oldEmail, "after.email": attacker, "before.postalAddress": "Office 1, Capital City" })]);
    expect(audits(theCase.id, "revision.approve")).toEqual([expect.objectContaining({ revisionId: revision!.id })]);
    // and nothing about supporters
    const all = getDb().select().from(auditLog).where(eq(auditLog.subjectId, theCase.id)).all();
    for (const entry of all) expect(entry.details ?? "").not.toMatch(/supporters\.example\.net|Amira/);
  });

  it("refuses the approval when the row changed since the change was proposed", () => {
    const theCase = createTestCase({ targets: 1, state: "published" });
    const target = theCase.targets[0]!;
    expect(updateTarget({ caseId: theCase.id, targetId: target.id, input: officialInput({ email: officialAddress("proposed") }), actorId: campaigner.id })).toBe("proposed");
    const [revision] = pending(theCase.id);
    // an admin's own edit applies directly, audited in full
    const adminsChoice = officialAddress("admin");
    expect(updateTarget({ caseId: theCase.id, targetId: target.id, input: officialInput({ email: adminsChoice }), actorId: admin.id })).toBe("saved");
    expect(audits(theCase.id, "targets.edit")).toEqual([expect.objectContaining({ "before.email": target.email, "after.email": adminsChoice })]);

    expect(approveRevision({ revisionId: revision!.id, user: admin })).toMatchObject({ ok: false, code: "changed", message: expect.stringContaining("changed since") });
    expect(targetRow(target.id).email).toBe(adminsChoice);
    expect(pending(theCase.id)).toHaveLength(1);
    expect(rejectRevision({ revisionId: revision!.id, user: admin })).toMatchObject({ ok: true });
    expect(pending(theCase.id)).toHaveLength(0);
    expect(audits(theCase.id, "revision.reject")).toEqual([expect.objectContaining({ revisionId: revision!.id })]);
  });

  it("cannot be approved or rejected by a campaigner", () => {
    const theCase = createTestCase({ targets: 1, state: "published" });
    const target = theCase.targets[0]!;
    updateTarget({ caseId: theCase.id, targetId: target.id, input: officialInput({ email: officialAddress("x") }), actorId: campaigner.id });
    const [revision] = pending(theCase.id);
    expect(approveRevision({ revisionId: revision!.id, user: campaigner })).toMatchObject({ ok: false, code: "forbidden" });
    // a campaigner object that claims to be an admin is refused too: the role is read from the database
    expect(approveRevision({ revisionId: revision!.id, user: { ...campaigner, role: "admin" } })).toMatchObject({ ok: false, code: "forbidden" });
    expect(rejectRevision({ revisionId: revision!.id, user: campaigner })).toMatchObject({ ok: false, code: "forbidden" });
    expect(targetRow(target.id).email).toBe(target.email);
    expect(pending(theCase.id)).toHaveLength(1);
  });

  it("can be withdrawn by its author only, and is then never applied", () => {
    const theCase = createTestCase({ targets: 1, state: "published" });
    const target = theCase.targets[0]!;
    updateTarget({ caseId: theCase.id, targetId: target.id, input: officialInput({ email: officialAddress("oops") }), actorId: campaigner.id });
    const [revision] = pending(theCase.id);
    expect(withdrawRevision({ revisionId: revision!.id, user: admin })).toMatchObject({ ok: false, code: "forbidden" });
    expect(withdrawRevision({ revisionId: revision!.id, user: campaigner })).toMatchObject({ ok: true });
    expect(approveRevision({ revisionId: revision!.id, user: admin })).toMatchObject({ ok: false, code: "decided" });
    expect(targetRow(target.id).email).toBe(target.email);
    expect(audits(theCase.id, "revision.withdraw")).toEqual([expect.objectContaining({ revisionId: revision!.id })]);
  });

  it("covers a scheduled case too, and leaves drafts and unscheduled cases in review to change directly", () => {
    const scheduled = createTestCase({ targets: 1, state: "in_review" });
    getDb().update(cases).set({ publishAt: new Date(Date.now() + 86_400_000) }).where(eq(cases.id, scheduled.id)).run();
    expect(updateTarget({ caseId: scheduled.id, targetId: scheduled.targets[0]!.id, input: officialInput({ email: officialAddress("s") }), actorId: campaigner.id })).toBe("proposed");
    expect(targetRow(scheduled.targets[0]!.id).email).toBe(scheduled.targets[0]!.email);

    for (const state of ["draft", "in_review"] as const) {
      const c = createTestCase({ targets: 1, state });
      const email = officialAddress(state);
      expect(updateTarget({ caseId: c.id, targetId: c.targets[0]!.id, input: officialInput({ email }), actorId: campaigner.id })).toBe("saved");
      expect(targetRow(c.targets[0]!.id).email).toBe(email);
      expect(pending(c.id)).toHaveLength(0);
    }
  });

  it("adds an official to a live case only on approval, and caps officials per case", () => {
    const theCase = createTestCase({ targets: 1, state: "published" });
    const added = createTarget({ caseId: theCase.id, input: officialInput({ title: "Ambassador", email: officialAddress("new") }), actorId: campaigner.id });
    expect(added).toMatchObject({ result: "proposed" });
    expect(getDb().select().from(targets).where(eq(targets.caseId, theCase.id)).all()).toHaveLength(1);
    const [revision] = pending(theCase.id);
    expect(approveRevision({ revisionId: revision!.id, user: admin }).ok).toBe(true);
    expect(getDb().select().from(targets).where(eq(targets.caseId, theCase.id)).all().map((t) => t.title)).toEqual(["Minister 1", "Ambassador"]);

    const full = createTestCase({ targets: MAX_TARGETS_PER_CASE, state: "draft" });
    expect(createTarget({ caseId: full.id, input: officialInput({ title: "One too many" }), actorId: admin.id })).toEqual({ result: "too_many", max: MAX_TARGETS_PER_CASE });
    expect(addRoutedCopy({ caseId: full.id, missionOf: "CN", actorId: admin.id })).toEqual({ result: "too_many", max: MAX_TARGETS_PER_CASE });
    expect(getDb().select().from(targets).where(eq(targets.caseId, full.id)).all()).toHaveLength(MAX_TARGETS_PER_CASE);
  });
});

describe("a campaigner's letter and update on a live case", () => {
  it("keeps the letter supporters get until an admin approves the new one", async () => {
    const theCase = createTestCase({ targets: 1, state: "published", template: { subject: "Release her", body: "{{target.salutation}},\n\nRelease her.\n\n{{supporter.name}}" } });
    const saved = saveLetterTemplate({ caseId: theCase.id, input: { language: "en", subject: "Send your details", body: "{{target.salutation}},\n\nA new text.\n\n{{supporter.name}}" }, actorId: campaigner.id });
    expect(saved?.revisionId).toEqual(expect.any(String));
    expect(getDb().select().from(letterTemplates).where(eq(letterTemplates.caseId, theCase.id)).get()).toMatchObject({ subject: "Release her" });

    expect(signAndConfirm({ slug: theCase.slug }).state).toBe("confirmed");
    await deliverAll();
    expect(mailTo(theCase.targets[0]!.email!).map((m) => m.subject)).toEqual(["Release her"]);

    expect(approveRevision({ revisionId: saved!.revisionId!, user: admin }).ok).toBe(true);
    expect(getDb().select().from(letterTemplates).where(eq(letterTemplates.caseId, theCase.id)).get()).toMatchObject({ subject: "Send your details" });
    expect(audits(theCase.id, "letter.edit")).toEqual([expect.objectContaining({ revisionId: saved!.revisionId, proposedBy: campaigner.id })]);
  });

  it("mails followers no notice before an admin approves the update, and one after", async () => {
    const theCase = createTestCase({ targets: 1, state: "published" });
    const follower = follow(theCase.id);
    const posted = postUpdate({ caseId: theCase.id, input: updateInput("Moved"), actorId: campaigner.id, formKey: crypto.randomUUID() });
    expect(posted).toMatchObject({ revisionId: expect.any(String), notified: 0 });
    expect(getDb().select().from(caseUpdates).where(eq(caseUpdates.caseId, theCase.id)).all()).toHaveLength(0);
    await deliverAll();
    expect(mailTo(follower)).toHaveLength(0);

    expect(approveRevision({ revisionId: posted!.revisionId!, user: admin }).ok).toBe(true);
    expect(getDb().select().from(caseUpdates).where(eq(caseUpdates.caseId, theCase.id)).all().map((u) => u.title)).toEqual(["Moved"]);
    await deliverAll();
    expect(mailTo(follower)).toHaveLength(1);
    // approving twice does nothing more
    expect(approveRevision({ revisionId: posted!.revisionId!, user: admin })).toMatchObject({ ok: false, code: "decided" });
  });
});

describe("a campaigner's edit of a live case's details", () => {
  it("is stored as a revision and applied on approval, field by field old → new", () => {
    const theCase = createTestCase({ targets: 1, state: "published" });
    const live = getDb().select().from(cases).where(eq(cases.id, theCase.id)).get()!;
    const input = {
      slug: live.slug,
      reference: live.reference,
      title: "A headline nobody reviewed",
      personName: live.personName,
      personNameLocal: "",
      pronouns: "",
      country: "cn",
      tags: "",
      riskStatus: live.riskStatus,
      summary: live.summary,
      story: live.story,
      actBefore: live.actBefore,
      languages: live.languages,
      goal: String(live.goal),
    };
    const result = updateCase({ id: theCase.id, input, user: campaigner });
    expect(result).toMatchObject({ ok: true, changed: ["title"], revisionId: expect.any(String) });
    expect(getDb().select().from(cases).where(eq(cases.id, theCase.id)).get()!.title).toBe(live.title);
    const [view] = listCaseRevisions({ caseId: theCase.id });
    expect(view!.changes).toEqual([{ label: "Headline", before: live.title, after: "A headline nobody reviewed", changed: true }]);
    expect(approveRevision({ revisionId: view!.id, user: admin }).ok).toBe(true);
    expect(getDb().select().from(cases).where(eq(cases.id, theCase.id)).get()!.title).toBe("A headline nobody reviewed");
  });
});

describe("a double Post update", () => {
  it("creates one update and one notice per follower, and answers the second submit as the first", async () => {
    const theCase = createTestCase({ targets: 1, state: "published" });
    const followers = [follow(theCase.id), follow(theCase.id)];
    const formKey = crypto.randomUUID();
    const first = postUpdate({ caseId: theCase.id, input: updateInput("Family visit allowed"), actorId: admin.id, formKey });
    const again = postUpdate({ caseId: theCase.id, input: updateInput("Family visit allowed"), actorId: admin.id, formKey });
    expect(first).toMatchObject({ notified: 2, replayed: false, revisionId: null });
    expect(again).toEqual({ ...first, replayed: true });
    expect(getDb().select().from(caseUpdates).where(eq(caseUpdates.caseId, theCase.id)).all()).toHaveLength(1);
    await deliverAll();
    for (const f of followers) expect(mailTo(f)).toHaveLength(1);

    // a campaigner's double submit on a live case proposes once
    const key = crypto.randomUUID();
    const proposed = postUpdate({ caseId: theCase.id, input: updateInput("Trial date set"), actorId: campaigner.id, formKey: key });
    expect(postUpdate({ caseId: theCase.id, input: updateInput("Trial date set"), actorId: campaigner.id, formKey: key })).toMatchObject({ revisionId: proposed!.revisionId, replayed: true });
    expect(pending(theCase.id)).toHaveLength(1);
  });
});

describe("publishing applies exactly the reviewed version", () => {
  it("refuses to publish or schedule when the case changed since the admin reviewed it", () => {
    const theCase = createTestCase({ targets: 1, state: "in_review" });
    const reviewed = caseContentVersion({ db: getDb(), caseId: theCase.id })!;
    expect(updateTarget({ caseId: theCase.id, targetId: theCase.targets[0]!.id, input: officialInput({ email: officialAddress("late") }), actorId: campaigner.id })).toBe("saved");
    expect(publishCase({ id: theCase.id, user: admin, reviewedVersion: reviewed })).toMatchObject({ ok: false, code: "changed", message: expect.stringContaining("changed since you reviewed it") });
    expect(publishCase({ id: theCase.id, user: admin, reviewedVersion: reviewed, publishAt: new Date(Date.now() + 3_600_000) })).toMatchObject({ ok: false, code: "changed" });
    expect(getDb().select().from(cases).where(eq(cases.id, theCase.id)).get()).toMatchObject({ state: "in_review", publishAt: null });
    expect(publishCase({ id: theCase.id, user: admin, reviewedVersion: caseContentVersion({ db: getDb(), caseId: theCase.id })! })).toMatchObject({ ok: true, scheduled: false });
  });

  it("holds a scheduled case whose content changed after it was scheduled", () => {
    const theCase = createTestCase({ targets: 1, state: "in_review" });
    const at = new Date(Date.now() + 3_600_000);
    expect(publishCase({ id: theCase.id, user: admin, reviewedVersion: caseContentVersion({ db: getDb(), caseId: theCase.id })!, publishAt: at }).ok).toBe(true);
    // an admin's own edit applies directly, but the schedule was for the version before it
    expect(updateTarget({ caseId: theCase.id, targetId: theCase.targets[0]!.id, input: officialInput({ email: officialAddress("after") }), actorId: admin.id })).toBe("saved");
    const result = publishDueCases({ now: new Date(at.getTime() + 1000) });
    expect(result.published).not.toContain(theCase.slug);
    expect(result.held).toContainEqual({ slug: theCase.slug, reasons: [expect.stringContaining("changed since it was scheduled")] });
    expect(getDb().select().from(cases).where(eq(cases.id, theCase.id)).get()).toMatchObject({ state: "in_review", publishAt: at });
  });
});
