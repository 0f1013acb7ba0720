// Bounces end to end, on real SQLite and real SMTP servers: the outbox sends through a relay that later returns
// delivery status notifications (RFC 3464) and abuse reports (RFC 5965) for some recipients, by nodemailer, to
// Vigil's bounce listener at the letter's VERP address. The rows, the official's address status and the switch
// to post follow; forged, unmatched and unreadable reports change nothing and are kept with the reason.
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appeals, auditLog, bounceReports, emailHealth, outbox, users } from "@/db/schema";
import { startBouncingRelay, sendReport, type BouncingRelay, type RelayVerdict } from "@/tests/support/bounce-relay";
import { createTestCase } from "@/tests/support/factories";
import { signAndConfirm } from "@/tests/support/supporters";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { getDeliveryCounts } from "../appeals/delivery-counts";
import { bounceAddress } from "../mail/verp";
import { deliverDue } from "../outbox/deliver-outbox";
import { startBounceListener } from "./listener";
import { getCaseEmailProblems, listBounceReports, resetEmailHealth } from "./queries";
import type { BounceListener } from "./running-listener";

const verdicts = new Map<string, RelayVerdict>();
let relay: BouncingRelay;
let listener: BounceListener | null = null;
let database: TestDatabase;

const HARD = { dsn: { action: "failed", status: "5.1.1", diagnostic: "550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown" } } as const;
const SOFT = { dsn: { action: "delayed", status: "4.2.2", diagnostic: "452 4.2.2 Mailbox full" } } as const;

beforeAll(async () => {
  relay = await startBouncingRelay({ listenerPort: () => listener!.port, verdict: (rcpt) => verdicts.get(rcpt.toLowerCase()) ?? null });
});
afterAll(async () => {
  await relay?.close();
});
beforeEach(async () => {
  database = await useTestDatabase({
    SMTP_URL: relay.url,
    APP_URL: "http://localhost:3998",
    MAIL_FROM: "appeals@vigil.example.org",
    BOUNCE_DOMAIN: "bounces.vigil.example.org",
    BOUNCE_SWITCH_AFTER: "3",
    ADMIN_EMAILS: "admin@vigil.example.org",
    OUTBOX_RETRY_BASE_MS: "60000",
  });
  listener = await startBounceListener({ port: 0, host: "127.0.0.1" });
});
afterEach(async () => {
  await listener?.close();
  listener = null;
  verdicts.clear();
  relay.messages.length = 0;
  await database?.close();
});

/** Delivers until nothing is due (confirmations, then appeals). */
async function drain() {
  for (let i = 0; i < 5; i++) {
    const t = await deliverDue();
    if (t.sent + t.failed + t.retry === 0) return;
  }
}

const appealRows = (caseId: string) =>
  getDb().select({ appeal: appeals, row: outbox }).from(appeals).leftJoin(outbox, eq(outbox.id, appeals.outboxId)).where(eq(appeals.caseId, caseId)).all();
const reports = () => getDb().select().from(bounceReports).all();
const alerts = () => getDb().select().from(outbox).where(eq(outbox.kind, "staff_alert")).all();
const health = (address: string) => getDb().select().from(emailHealth).where(eq(emailHealth.address, address)).get();

describe("hard bounces", () => {
  it("make sent letters 'bounced' (no longer counted as sent), and after three in a row the official's waiting and future letters go by post, with one alert to staff", async () => {
    const theCase = createTestCase({ targets: [{ email: "Gone@Example.org" }] });
    verdicts.set("gone@example.org", HARD);
    for (let i = 0; i < 3; i++) signAndConfirm({ slug: theCase.slug });
    await drain();
    expect(appealRows(theCase.id).map((r) => r.row?.status)).toEqual(["sent", "sent", "sent"]);
    expect(getDeliveryCounts({ caseId: theCase.id }).emailed).toBe(3);
    // a fourth letter is waiting when the bounces arrive
    signAndConfirm({ slug: theCase.slug });

    const results = await relay.flush();
    expect(results).toHaveLength(3);
    expect(results.every((r) => r.accepted)).toBe(true);

    const rows = appealRows(theCase.id);
    const bounced = rows.filter((r) => r.row?.status === "bounced");
    expect(bounced).toHaveLength(3);
    for (const r of bounced) expect(r.row!.lastError).toBe("bounced: 5.1.1 550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown");
    const waiting = rows.find((r) => r.row?.status !== "bounced")!;
    expect(waiting.appeal.channel).toBe("post");
    expect(waiting.row).toMatchObject({ status: "failed", lastError: expect.stringContaining("sent by post instead") });
    expect(health("gone@example.org")).toMatchObject({ status: "bouncing", hardBounces: 3, hardInRow: 3, softBounces: 0, complaints: 0 });
    expect(reports().map((r) => [r.kind, r.status])).toEqual([["hard", "5.1.1"], ["hard", "5.1.1"], ["hard", "5.1.1"]]);

    // a letter confirmed now goes by post from the start: no email is queued to the address
    signAndConfirm({ slug: theCase.slug });
    // and the three that bounced went on by post at the switch, with the waiting one (decision 023): five
    expect(appealRows(theCase.id).filter((r) => r.appeal.channel === "post")).toHaveLength(5);
    expect(getDb().select().from(outbox).where(and(eq(outbox.kind, "appeal"), eq(outbox.status, "queued"))).all()).toHaveLength(0);

    // counted only for what happened: nothing emailed
    expect(getDeliveryCounts({ caseId: theCase.id }).emailed).toBe(0);

    // one alert, to the admins, however many bounces follow
    expect(alerts().map((a) => a.toAddress)).toEqual(["admin@vigil.example.org"]);
    expect(alerts()[0]!.textBody).toContain("gone@example.org has bounced 3 letters in a row");

    // a second report about a letter already bounced changes nothing
    const again = await sendReport({
      port: listener!.port,
      to: bounceAddress(bounced[0]!.row!.id),
      raw: (await import("@/tests/support/bounce-relay")).deliveryStatusNotification(
        { envelope: { mailFrom: bounceAddress(bounced[0]!.row!.id), rcptTo: ["gone@example.org"], smtpUtf8: false }, messageId: "<x@y>", subject: "x" },
        HARD.dsn,
      ),
    });
    expect(again.accepted).toBe(true);
    expect(health("gone@example.org")).toMatchObject({ hardBounces: 3 });
    expect(reports().at(-1)).toMatchObject({ kind: "hard", reason: "the letter had already bounced" });
    expect(alerts()).toHaveLength(1);

    // the case page's banner lists the official; a campaigner resets the status (audited), only from a case that
    // names the address, and the next letter is emailed again
    expect(getCaseEmailProblems({ caseId: theCase.id })).toMatchObject([{ address: "gone@example.org", status: "bouncing", hardBounces: 3, hardInRow: 3 }]);
    expect(listBounceReports({ kind: "hard" })).toHaveLength(4);
    const staffId = crypto.randomUUID();
    getDb().insert(users).values({ id: staffId, email: `campaigner-${staffId}@staff.example.org`, role: "campaigner" }).run();
    const elsewhere = createTestCase({ targets: 1 });
    expect(resetEmailHealth({ caseId: elsewhere.id, address: "gone@example.org", actorId: staffId })).toBe(false);
    expect(resetEmailHealth({ caseId: theCase.id, address: "GONE@example.org", actorId: staffId })).toBe(true);
    expect(health("gone@example.org")).toMatchObject({ status: "ok", hardInRow: 0, hardBounces: 3, alertedAt: null });
    expect(getCaseEmailProblems({ caseId: theCase.id })).toEqual([]);
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, "email_health.reset")).all()).toMatchObject([{ actorUserId: staffId, subjectType: "target" }]);
    signAndConfirm({ slug: theCase.slug });
    expect(appealRows(theCase.id).at(-1)!.appeal.channel).toBe("email");
  });

  it("at send time (a 5xx to RCPT) count towards the same switch, as before", async () => {
    const { rejectingRelay } = await startRejecting();
    try {
      await database.close();
      database = await useTestDatabase({ SMTP_URL: rejectingRelay.url, APP_URL: "http://localhost:3998", BOUNCE_SWITCH_AFTER: "2" });
      const again = createTestCase({ targets: [{ email: "refused@example.org" }] });
      for (let i = 0; i < 2; i++) signAndConfirm({ slug: again.slug });
      await drain();
      expect(appealRows(again.id).map((r) => r.row?.status)).toEqual(["failed", "failed"]);
      expect(health("refused@example.org")).toMatchObject({ status: "bouncing", hardBounces: 2 });
      signAndConfirm({ slug: again.slug });
      expect(appealRows(again.id).at(-1)!.appeal.channel).toBe("post");
    } finally {
      await rejectingRelay.close();
    }
  });
});

async function startRejecting() {
  const { startSmtpCapture } = await import("@/tests/support/smtp-capture");
  const rejectingRelay = await startSmtpCapture({ rejectWith: (rcpt) => (rcpt === "refused@example.org" ? { code: 550, message: "5.1.1 No such user" } : null) });
  return { rejectingRelay };
}

describe("soft bounces and complaints", () => {
  it("a soft bounce puts the letter back in the queue under the retry policy; the address is soft-bouncing", async () => {
    const theCase = createTestCase({ targets: [{ email: "full@example.org" }] });
    verdicts.set("full@example.org", SOFT);
    signAndConfirm({ slug: theCase.slug });
    await drain();
    const before = Date.now();
    expect((await relay.flush())[0]!.accepted).toBe(true);
    const row = appealRows(theCase.id)[0]!.row!;
    expect(row).toMatchObject({ status: "queued", attempts: 1, lastError: "bounced: 4.2.2 452 4.2.2 Mailbox full" });
    // OUTBOX_RETRY_BASE_MS is a minute: ±20% jitter
    expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 48_000);
    expect(health("full@example.org")).toMatchObject({ status: "soft-bouncing", softBounces: 1, hardBounces: 0 });
    expect(getDeliveryCounts({ caseId: theCase.id }).emailed).toBe(0);
  });

  it("an abuse report is recorded as a complaint against the address; the letter stays sent", async () => {
    const theCase = createTestCase({ targets: [{ email: "annoyed@example.org" }] });
    verdicts.set("annoyed@example.org", { complaint: "abuse" });
    signAndConfirm({ slug: theCase.slug });
    await drain();
    expect((await relay.flush())[0]!.accepted).toBe(true);
    expect(appealRows(theCase.id)[0]!.row!.status).toBe("sent");
    expect(health("annoyed@example.org")).toMatchObject({ status: "complained", complaints: 1 });
    expect(reports()).toMatchObject([{ kind: "complaint", status: "abuse" }]);
  });
});

describe("reports that change nothing", () => {
  it("a forged address (another row's signature) is refused at RCPT and kept with the reason; a well-signed address for no row, and a message that is no report, are kept as ignored", async () => {
    const theCase = createTestCase({ targets: [{ email: "fine@example.org" }] });
    signAndConfirm({ slug: theCase.slug });
    await drain();
    const row = appealRows(theCase.id)[0]!.row!;
    const real = bounceAddress(row.id);
    const other = bounceAddress(crypto.randomUUID());
    const forged = `${real.slice(0, real.lastIndexOf("-"))}-${other.slice(other.lastIndexOf("-") + 1)}`;
    const dsn = (await import("@/tests/support/bounce-relay")).deliveryStatusNotification(
      { envelope: { mailFrom: forged, rcptTo: ["fine@example.org"], smtpUtf8: false }, messageId: row.messageId, subject: row.subject },
      HARD.dsn,
    );
    const refused = await sendReport({ port: listener!.port, to: forged, raw: dsn });
    expect(refused.accepted).toBe(false);
    expect(refused.response).toMatch(/^550/);
    // not one of our addresses at all: refused, and not kept
    expect((await sendReport({ port: listener!.port, to: "someone@bounces.vigil.example.org", raw: dsn })).accepted).toBe(false);

    const unknown = await sendReport({ port: listener!.port, to: other, raw: dsn });
    expect(unknown.accepted).toBe(true);
    const junk = await sendReport({ port: listener!.port, to: real, raw: "From: x@example.net\r\nSubject: out of office\r\n\r\nI am away.\r\n" });
    expect(junk.accepted).toBe(true);

    expect(reports().map((r) => [r.kind, r.reason])).toEqual([
      ["ignored", "refused at RCPT: bad signature"],
      ["ignored", "no such outbox row"],
      ["ignored", "not a report (no Content-Type)"],
    ]);
    expect(appealRows(theCase.id)[0]!.row!.status).toBe("sent");
    expect(health("fine@example.org")).toBeUndefined();
  });

  it("refuses a message over 1 MB", async () => {
    const theCase = createTestCase({ targets: [{ email: "big@example.org" }] });
    signAndConfirm({ slug: theCase.slug });
    await drain();
    const row = appealRows(theCase.id)[0]!.row!;
    const big = await sendReport({ port: listener!.port, to: bounceAddress(row.id), raw: `Subject: big\r\n\r\n${"x".repeat(76).concat("\r\n").repeat(15_000)}` });
    expect(big.accepted).toBe(false);
    expect(big.response).toMatch(/^552/);
    expect(reports()).toHaveLength(0);
  });
});
