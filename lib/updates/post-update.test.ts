// Posting an update against a real SQLite file and a real SMTP server: who is told, what they receive, and
// that the one-click unsubscribe in it works (and a forged one does not).
import crypto from "node:crypto";
import * as orm from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as schema from "@/db/schema";
import { createTestCase } from "@/tests/support/factories";
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from "@/tests/support/smtp-capture";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { getPublicCaseBySlug } from "../cases/queries";
import { deliverDue } from "../outbox/deliver-outbox";
import { confirmSignature } from "../signatures/confirm-signature";
import { parseSignForm } from "../signatures/schemas";
import { submitSignature } from "../signatures/submit-signature";
import { postUpdate } from "./post-update";
import { getCaseForUpdates, listUpdates } from "./queries";
import { parseUpdateForm } from "./schemas";
import { getUnsubscribeByToken, unsubscribeFollower } from "./unsubscribe-follower";
import { unsubscribeToken } from "./unsubscribe-token";

const APP_URL = "https://appeals.example.org";

let capture: SmtpCapture;
let database: TestDatabase;
let actorId: string;

beforeAll(async () => {
  capture = await startSmtpCapture();
  database = await useTestDatabase({ SMTP_URL: capture.url, APP_URL, MAIL_FROM: "appeals@vigil.example.org" });
  actorId = crypto.randomUUID();
  // an admin: on a published case a campaigner's change waits for approval (issue 8; lib/revisions/revisions.test.ts)
  getDb().insert(schema.users).values({ id: actorId, email: "admin@staff.example.org", role: "admin" }).run();
});

afterAll(async () => {
  await database?.close();
  await capture?.close();
});

let counter = 0;
const uniqueEmail = (label: string) => `${label}-${++counter}-${crypto.randomUUID().slice(0, 8)}@supporters.example.net`;
const mailTo = (address: string) => capture.messages.filter((m) => m.envelope.rcptTo.some((r) => r.toLowerCase() === address.toLowerCase()));

async function deliverAll() {
  for (let pass = 0; pass < 20; pass++) {
    const tally = await deliverDue();
    if (tally.sent + tally.retry + tally.failed + tally["lost-lease"] === 0) return;
  }
  throw new Error("the outbox did not drain in 20 passes");
}

/** Signs through the real form parser and submitSignature; confirms with the token from the real mail. */
async function sign(slug: string, email: string, { follow, confirm, fullName = "Amira Haddad" }: { follow: boolean; confirm: boolean; fullName?: string }) {
  const fields: [string, string][] = [["fullName", fullName], ["email", email], ["country", "GB"], ["message", ""]];
  if (follow) fields.push(["followUpdates", "on"]);
  const parsed = parseSignForm(fields);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  expect(submitSignature({ slug, input: parsed.data, clientAddress: `client-${crypto.randomUUID()}` }).ok).toBe(true);
  if (!confirm) return;
  await deliverAll();
  const mail = mailTo(email).findLast((m) => m.subject.startsWith("Please confirm"));
  const token = new RegExp(`^${APP_URL}/en/confirm/([A-Za-z0-9_-]+)$`, "m").exec(mail?.text ?? "")?.[1];
  if (!token) throw new Error(`no confirmation link to ${email}`);
  expect(confirmSignature({ token }).state).toBe("confirmed");
}

function signatureId(caseId: string, email: string): string {
  const { signatures } = schema;
  const { and, eq } = orm;
  return getDb().select({ id: signatures.id }).from(signatures).where(and(eq(signatures.caseId, caseId), eq(signatures.email, email))).get()!.id;
}

const today = () => new Date().toISOString().slice(0, 10);

function input(fields: Record<string, string> = {}) {
  const values: Record<string, string> = { kind: "further_information", title: "Moved to a detention centre", body: "She was moved on **Monday**.", happenedOn: today(), riskStatus: "", ...fields };
  const parsed = parseUpdateForm((name) => values[name]);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
}

const notices = (address: string) => mailTo(address).filter((m) => m.subject.startsWith("Update:") || m.subject.startsWith("Outcome:"));

function unsubscribeLinks(mail: CapturedMail) {
  const header = /^<(https:\/\/appeals\.example\.org\/api\/unsubscribe\/([^/]+)\/([A-Za-z0-9_-]+))>$/.exec(mail.headers["list-unsubscribe"] ?? "");
  const page = new RegExp(`^${APP_URL}/en/unsubscribe/([^/\\s]+)/([A-Za-z0-9_-]+)$`, "m").exec(mail.text);
  return { header, page };
}

describe("postUpdate", () => {
  it("emails exactly the confirmed followers who have not unsubscribed, once, with one-click unsubscribe headers", async () => {
    const theCase = createTestCase({ personName: "Gao Zhen" });
    const follower = uniqueEmail("follower");
    const second = uniqueEmail("follower-two");
    const notFollowing = uniqueEmail("not-following");
    const pending = uniqueEmail("pending");
    const unsubscribed = uniqueEmail("unsubscribed");
    await sign(theCase.slug, follower, { follow: true, confirm: true, fullName: "李明" });
    await sign(theCase.slug, second, { follow: true, confirm: true });
    await sign(theCase.slug, notFollowing, { follow: false, confirm: true });
    await sign(theCase.slug, pending, { follow: true, confirm: false });
    await sign(theCase.slug, unsubscribed, { follow: true, confirm: true });
    const gone = signatureId(theCase.id, unsubscribed);
    expect(unsubscribeFollower({ signatureId: gone, token: unsubscribeToken({ signatureId: gone }) }).changed).toBe(true);
    await deliverAll();
    expect(getCaseForUpdates({ caseId: theCase.id })?.followers).toBe(2);

    const result = postUpdate({ caseId: theCase.id, input: input({ title: "Moved to a detention centre" }), actorId });
    expect(result).toMatchObject({ caseSlug: theCase.slug, notified: 2 });
    await deliverAll();
    await deliverAll();

    for (const address of [follower, second]) {
      const [mail, ...extra] = notices(address);
      expect(extra).toHaveLength(0);
      expect(mail!.subject).toBe("Update: Gao Zhen: Moved to a detention centre");
      expect(mail!.text).toContain("She was moved on **Monday**.");
      expect(mail!.text).toContain(`${APP_URL}/en/cases/${theCase.slug}`);
      expect(mail!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
      const { header, page } = unsubscribeLinks(mail!);
      const id = signatureId(theCase.id, address);
      expect(header?.[2]).toBe(id);
      expect(header?.[3]).toBe(unsubscribeToken({ signatureId: id }));
      expect(page?.[1]).toBe(id);
      expect(page?.[2]).toBe(header?.[3]);
    }
    expect(notices(follower)[0]!.text).toContain("Dear 李明");
    for (const address of [notFollowing, pending, unsubscribed]) expect(notices(address)).toHaveLength(0);

    // the outbox holds exactly two notices, both sent, and the update says when they were queued
    const { outbox } = schema;
    const rows = getDb().select().from(outbox).where(orm.eq(outbox.kind, "update_notice")).all().filter((r) => r.subject.includes("Gao Zhen"));
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent"]);
    const [posted] = listUpdates({ caseId: theCase.id });
    expect(posted).toMatchObject({ id: result!.updateId, title: "Moved to a detention centre", authorEmail: "admin@staff.example.org" });
    expect(posted!.notifiedAt).toBeInstanceOf(Date);
  });

  it("shows on the public timeline and changes the risk status when given, in the same transaction", () => {
    const theCase = createTestCase();
    expect(getPublicCaseBySlug({ slug: theCase.slug })?.riskStatus).toBe("detained");
    postUpdate({ caseId: theCase.id, input: input({ kind: "outcome", title: "Released on bail", riskStatus: "released" }), actorId });
    const page = getPublicCaseBySlug({ slug: theCase.slug })!;
    expect(page.riskStatus).toBe("released");
    expect(page.updates[0]).toMatchObject({ kind: "outcome", title: "Released on bail", riskStatus: "released", happenedOn: today() });

    // no status given: the case keeps the one it has
    postUpdate({ caseId: theCase.id, input: input({ title: "Family visit allowed" }), actorId });
    expect(getPublicCaseBySlug({ slug: theCase.slug })!.riskStatus).toBe("released");
    expect(getPublicCaseBySlug({ slug: theCase.slug })!.updates).toHaveLength(2);
  });

  it("records the act in the audit log with ids only", () => {
    const theCase = createTestCase();
    const result = postUpdate({ caseId: theCase.id, input: input(), actorId })!;
    const { auditLog } = schema;
    const entry = getDb().select().from(auditLog).where(orm.eq(auditLog.subjectId, theCase.id)).get();
    expect(entry).toMatchObject({ actorUserId: actorId, action: "update.post", subjectType: "case" });
    expect(JSON.parse(entry!.details!)).toMatchObject({ updateId: result.updateId, notified: 0 });
  });

  it("returns null for an unknown case and writes nothing", () => {
    const before = getDb().select().from(schema.caseUpdates).all().length;
    expect(postUpdate({ caseId: crypto.randomUUID(), input: input(), actorId })).toBeNull();
    expect(getDb().select().from(schema.caseUpdates).all()).toHaveLength(before);
  });
});

describe("one-click unsubscribe", () => {
  it("works with the token from the mail, once; a forged token is refused; the next update skips them", async () => {
    const theCase = createTestCase({ personName: "Ilham Tohti" });
    const leaver = uniqueEmail("leaver");
    const stayer = uniqueEmail("stayer");
    await sign(theCase.slug, leaver, { follow: true, confirm: true });
    await sign(theCase.slug, stayer, { follow: true, confirm: true });
    postUpdate({ caseId: theCase.id, input: input({ title: "First news" }), actorId });
    await deliverAll();
    const { header } = unsubscribeLinks(notices(leaver)[0]!);
    const [, , id, token] = header!;

    // forged: the right id with a made-up token, a token of another signature, a truncated one
    const stayerId = signatureId(theCase.id, stayer);
    for (const forged of [crypto.randomBytes(32).toString("base64url"), unsubscribeToken({ signatureId: stayerId }), token!.slice(0, -1)]) {
      expect(unsubscribeFollower({ signatureId: id!, token: forged })).toEqual({ state: "invalid", changed: false });
    }
    expect(getUnsubscribeByToken({ signatureId: id!, token: token! })).toMatchObject({ state: "subscribed", personName: "Ilham Tohti" });

    expect(unsubscribeFollower({ signatureId: id!, token: token! })).toMatchObject({ state: "unsubscribed", changed: true });
    // a second press changes nothing and says it is done
    expect(unsubscribeFollower({ signatureId: id!, token: token! })).toMatchObject({ state: "unsubscribed", changed: false });
    expect(getUnsubscribeByToken({ signatureId: stayerId, token: unsubscribeToken({ signatureId: stayerId }) }).state).toBe("subscribed");

    const second = postUpdate({ caseId: theCase.id, input: input({ title: "Second news" }), actorId });
    expect(second?.notified).toBe(1);
    await deliverAll();
    expect(notices(leaver).map((m) => m.subject)).toEqual(["Update: Ilham Tohti: First news"]);
    expect(notices(stayer).map((m) => m.subject)).toEqual(["Update: Ilham Tohti: First news", "Update: Ilham Tohti: Second news"]);
  });
});

const parse = (fields: Record<string, string>, now = new Date("2025-03-14T12:00:00Z")) =>
  parseUpdateForm((name) => ({ kind: "outcome", title: "Released", body: "Good news.", happenedOn: "2025-03-14", riskStatus: "", ...fields })[name], now);

describe("parseUpdateForm", () => {

  it("returns every field's error at once and what was typed", () => {
    const result = parse({ kind: "rumour", title: "x".repeat(151), body: "", happenedOn: "2025-02-30", riskStatus: "fine" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).toSorted()).toEqual(["body", "happenedOn", "kind", "riskStatus", "title"]);
    expect(result.values.title).toBe("x".repeat(151));
  });

  it("refuses a date in the future, allows today anywhere on Earth", () => {
    expect(parse({ happenedOn: "2025-03-16" }).ok).toBe(false);
    expect(parse({ happenedOn: "2025-03-15" }).ok).toBe(true); // already the 15th in UTC+14
    expect(parse({ happenedOn: "1025-03-14" }).ok).toBe(false);
    expect(parse({ happenedOn: "14/03/2025" }).ok).toBe(false);
  });

  it("accepts 150 and 5,000 code points, refuses one more", () => {
    expect(parse({ title: "😀".repeat(150), body: "b".repeat(5000) }).ok).toBe(true);
    expect(parse({ title: "t".repeat(151) }).ok).toBe(false);
    expect(parse({ body: "b".repeat(5001) }).ok).toBe(false);
  });

  it("refuses a line break in the title and keeps Markdown in the body", () => {
    expect(parse({ title: "Released\nBcc: x@example.org" }).ok).toBe(false);
    const ok = parse({ body: "Line one\r\n\r\n[link](https://example.org)" });
    expect(ok.ok && ok.data.body).toBe("Line one\n\n[link](https://example.org)");
  });

  it("only reads its own fields: an extra createdBy or caseId is never applied", () => {
    const result = parseUpdateForm((name) => ({ kind: "outcome", title: "T", body: "B", happenedOn: "2025-03-14", createdBy: "someone", caseId: "other" })[name], new Date("2025-03-14T12:00:00Z"));
    expect(result.ok && Object.keys(result.data).toSorted()).toEqual(["body", "happenedOn", "kind", "riskStatus", "title"]);
  });
});
