// "Send me a test" through the real outbox to a real SMTP server: the campaigner gets every target's letter,
// marked [TEST]; no official gets anything; no signature or appeal is written; public counts do not move.
import * as orm from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as schema from "@/db/schema";
import { createTestCase } from "@/tests/support/factories";
import { startSmtpCapture, type SmtpCapture } from "@/tests/support/smtp-capture";
import { setEnv, useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { inviteUser } from "../auth/commands/invite-user";
import { getSignatureCount } from "../cases/queries";
import { deliverDue } from "../outbox/deliver-outbox";
import { rateLimitPolicy } from "../security/rate-limits";
import { sendTestLetter } from "./send-test-letter";

let capture: SmtpCapture;
let database: TestDatabase;

beforeAll(async () => {
  capture = await startSmtpCapture();
  database = await useTestDatabase({ SMTP_URL: capture.url, MAIL_FROM: "appeals@vigil.example.org", MAIL_FROM_NAME: "Vigil", REPLY_TO: "replies@vigil.example.org", FAX_GATEWAY: "{number}@fax.example.net" });
});

afterAll(async () => {
  await database?.close();
  await capture?.close();
});

let n = 0;
const campaigner = () => {
  const email = `tester-${Date.now()}-${n++}@staff.example.org`;
  return { id: inviteUser({ email, role: "campaigner" }).userId, email };
};
const count = (table: typeof schema.signatures | typeof schema.appeals) =>
  getDb().select({ n: orm.sql<number>`count(*)` }).from(table).get()!.n;

describe("sendTestLetter", () => {
  it("delivers each target's rendered letter to the campaigner only, marked TEST, counting nothing", async () => {
    const user = campaigner();
    const theCase = createTestCase({
      state: "published",
      targets: [{ name: "Wang Xiaohong", title: "Minister of Public Security", salutation: "Your Excellency" }, { role: "copy", email: null, fax: "+861065292345", title: "Ambassador" }],
    });
    const officials = theCase.targets.map((t) => t.email).filter(Boolean);
    const before = { signatures: count(schema.signatures), appeals: count(schema.appeals), count: getSignatureCount({ caseId: theCase.id }) };

    expect(sendTestLetter({ caseId: theCase.id, user })).toEqual({ ok: true, queued: 2 });
    await deliverDue();
    const mails = await capture.waitFor((m) => m.filter((x) => x.to.includes(user.email)).length >= 2);
    const mine = mails.filter((m) => m.to.includes(user.email));

    expect(mine).toHaveLength(2);
    for (const mail of mine) {
      expect(mail.to).toEqual([user.email]);
      expect(mail.envelope.rcptTo).toEqual([user.email]);
      expect(mail.subject).toBe(`[TEST] Release Li Qiaochu (${theCase.reference})`);
      expect(mail.text.split("\n")[0]).toMatch(/^TEST: this is a test of the model letter for/);
      expect(mail.text).toContain("Amira Haddad");
      // the From and Reply-To of a real appeal: the supporter's name via the organisation, the organisation's reply address
      expect(mail.fromName).toBe("Amira Haddad via Vigil");
      expect(mail.fromAddress).toBe("appeals@vigil.example.org");
      expect(mail.replyTo).toBe("replies@vigil.example.org");
    }
    expect(mine.map((m) => m.text).join("\n")).toContain("Your Excellency,");
    expect(mine.filter((m) => m.text.includes("would receive by fax to +86 106 529 2345"))).toHaveLength(1);
    // nobody else got anything
    expect(capture.messages.filter((m) => m.envelope.rcptTo.some((r) => officials.includes(r)))).toHaveLength(0);
    expect(count(schema.signatures)).toBe(before.signatures);
    expect(count(schema.appeals)).toBe(before.appeals);
    expect(getSignatureCount({ caseId: theCase.id })).toBe(before.count);

    const outboxRows = getDb().select().from(schema.outbox).where(orm.eq(schema.outbox.kind, "test_letter")).all();
    expect(outboxRows.every((r) => r.toAddress === user.email || !officials.includes(r.toAddress))).toBe(true);
    const audit = getDb().select().from(schema.auditLog).where(orm.eq(schema.auditLog.action, "letter.test_send")).all().filter((e) => e.subjectId === theCase.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).not.toContain("@");
  });

  it("says a fax-only official's letter goes by post when no fax gateway is set", async () => {
    const restore = setEnv({ FAX_GATEWAY: undefined });
    try {
      const user = campaigner();
      const theCase = createTestCase({ targets: [{ email: null, fax: "+861065292345", title: "Ambassador" }] });
      expect(sendTestLetter({ caseId: theCase.id, user })).toEqual({ ok: true, queued: 1 });
      await deliverDue();
      const [mail] = (await capture.waitFor((m) => m.some((x) => x.to.includes(user.email)))).filter((m) => m.to.includes(user.email));
      expect(mail!.text).toContain("would receive by post, signed by a sample supporter");
    } finally {
      restore();
    }
  });

  it(`allows 5 tests per user in ten minutes, then refuses without queuing`, () => {
    const user = campaigner();
    const theCase = createTestCase({ targets: 1, state: "draft" });
    const now = new Date("2030-01-01T10:00:00Z");
    const policy = rateLimitPolicy("testLetter");
    expect(policy).toMatchObject({ count: 5, windowMs: 10 * 60_000 });
    for (let i = 0; i < policy.count; i++) expect(sendTestLetter({ caseId: theCase.id, user, now }).ok).toBe(true);
    const queued = getDb().select().from(schema.outbox).all().length;
    // the refusal names the real window and the wait: `now` is the start of a window, so all ten minutes remain
    expect(sendTestLetter({ caseId: theCase.id, user, now })).toMatchObject({
      ok: false,
      reason: "rate_limited",
      message: "You have sent several tests in the last 10 minutes. Try again in 10 minutes.",
    });
    expect(getDb().select().from(schema.outbox).all()).toHaveLength(queued);
    // another campaigner is not held back by the first one's tests
    expect(sendTestLetter({ caseId: theCase.id, user: campaigner(), now }).ok).toBe(true);
    // and the next window is open again
    expect(sendTestLetter({ caseId: theCase.id, user, now: new Date(now.getTime() + 10 * 60_000) }).ok).toBe(true);
  });

  it("says why when there is nothing to test", () => {
    const user = campaigner();
    expect(sendTestLetter({ caseId: "no-such-case", user })).toEqual({ ok: false, reason: "not_found" });
    expect(sendTestLetter({ caseId: createTestCase({ targets: 0, state: "draft" }).id, user })).toEqual({ ok: false, reason: "no_targets" });
  });
});
