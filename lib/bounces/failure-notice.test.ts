// When a letter fails for good, on real SQLite and real SMTP servers: the outbox sends through a relay that returns
// delivery status notifications to Vigil's bounce listener (tests/support/bounce-relay.ts), or refuses at RCPT
// (smtp-capture). The supporter hears once per case with a copy of their letter; a letter that goes on by fax or
// post is not a failure; fax comes before post; an erased supporter gets nothing.
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appeals, outbox, signatures } from "@/db/schema";
import { deliveryStatusNotification, sendReport, startBouncingRelay, type BouncingRelay, type RelayVerdict } from "@/tests/support/bounce-relay";
import { createTestCase } from "@/tests/support/factories";
import { startSmtpCapture } from "@/tests/support/smtp-capture";
import { signAndConfirm } from "@/tests/support/supporters";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { getFailedLetterSummary } from "../appeals/failed-letters";
import { eraseSupporter } from "../erasure/erase-supporter";
import { deliverDue } from "../outbox/deliver-outbox";
import { startBounceListener } from "./listener";
import { listBounceReports } from "./queries";
import type { BounceListener } from "./running-listener";

const verdicts = new Map<string, RelayVerdict>();
let relay: BouncingRelay;
let listener: BounceListener | null = null;
let database: TestDatabase | null = null;

const HARD = { dsn: { action: "failed", status: "5.1.1", diagnostic: "550 5.1.1 Recipient address rejected: User unknown" } } as const;
const APP_URL = "http://localhost:3997";
// not a React hook: vitest tests, each opening its own database with its own settings
const startTestDatabase = useTestDatabase;

beforeAll(async () => {
  relay = await startBouncingRelay({ listenerPort: () => listener!.port, verdict: (rcpt) => verdicts.get(rcpt.toLowerCase()) ?? null });
});
afterAll(async () => {
  await relay?.close();
});
afterEach(async () => {
  await listener?.close();
  listener = null;
  verdicts.clear();
  relay.messages.length = 0;
  await database?.close();
  database = null;
});

async function openDatabase(vars: Record<string, string> = {}) {
  database = await startTestDatabase({
    SMTP_URL: relay.url,
    APP_URL,
    MAIL_FROM: "appeals@vigil.example.org",
    BOUNCE_DOMAIN: "bounces.vigil.example.org",
    BOUNCE_SWITCH_AFTER: "10",
    FAX_GAP_SECONDS: "0",
    ...vars,
  });
  listener = await startBounceListener({ port: 0, host: "127.0.0.1" });
}

/** Delivers until nothing is due. */
async function drain() {
  for (let i = 0; i < 8; i++) {
    const t = await deliverDue();
    if (t.sent + t.failed + t.retry === 0) return;
  }
}

const notices = () => getDb().select().from(outbox).where(eq(outbox.kind, "failure_notice")).all();
const letters = (caseId: string) =>
  getDb().select({ appeal: appeals, row: outbox }).from(appeals).leftJoin(outbox, eq(outbox.id, appeals.outboxId)).where(eq(appeals.caseId, caseId)).all();
const signatureOf = (email: string) => getDb().select().from(signatures).where(eq(signatures.email, email)).get()!;

describe("the supporter's failure notice", () => {
  it("is one email per supporter per case, even with letters to two officials failing and a DSN repeated, with their letter and how to send it", async () => {
    await openDatabase();
    const theCase = createTestCase({ targets: [{ email: "first@example.org" }, { email: "second@example.org" }] });
    verdicts.set("first@example.org", HARD);
    verdicts.set("second@example.org", HARD);
    const amira = signAndConfirm({ slug: theCase.slug, fullName: "Amira Haddad" });
    const other = signAndConfirm({ slug: theCase.slug, fullName: "Келли Смит" });
    await drain();
    const appealMails = relay.messages.filter((m) => m.envelope.rcptTo[0]?.endsWith("@example.org"));
    expect(appealMails).toHaveLength(4);
    expect((await relay.flush()).every((r) => r.accepted)).toBe(true);
    // the same DSN again, as relays retry: kept, counted nowhere, no second notice
    const again = await sendReport({ port: listener!.port, to: appealMails[0]!.envelope.mailFrom, raw: deliveryStatusNotification(appealMails[0]!, HARD.dsn) });
    expect(again.accepted).toBe(true);

    expect(letters(theCase.id).map((l) => l.row?.status)).toEqual(["bounced", "bounced", "bounced", "bounced"]);
    expect(notices().map((n) => n.toAddress).sort()).toEqual([amira.email, other.email].sort());
    expect(signatureOf(amira.email).failureNoticeAt).toBeInstanceOf(Date);

    const notice = notices().find((n) => n.toAddress === amira.email)!;
    expect(notice.subject).toBe(`Your letter for ${theCase.personName} did not arrive`);
    // the first of their letters to fail: a copy of it, the official's postal address, a mailto with the letter
    const office = /Office ([12]), Capital City/.exec(notice.textBody)?.[1];
    const failed = letters(theCase.id).find((l) => l.appeal.signatureId === signatureOf(amira.email).id && l.appeal.targetId === theCase.targets[Number(office) - 1]?.id)!;
    expect(notice.textBody).toContain(`Subject: ${failed.appeal.subject}\n\n${failed.appeal.body}`);
    const mailto = /mailto:[^\s]+/.exec(notice.textBody)?.[0];
    expect(mailto && new URL(mailto).pathname).toBe(failed.appeal.deliveryAddress);
    expect(mailto && new URL(mailto).searchParams.get("body")).toBe(failed.appeal.body.replaceAll("\n", "\r\n"));
    expect(notice.textBody).toContain(`${APP_URL}/en/cases/${theCase.slug}/thanks?s=${signatureOf(amira.email).id}&k=`);
    expect(notice.htmlBody).toContain("Open my letters");
    // another notice in the Cyrillic name, intact
    expect(notices().find((n) => n.toAddress === other.email)!.textBody).toMatch(/^Dear Келли Смит,/);

    // delivered to the supporter through the relay, once
    await drain();
    expect(relay.messages.filter((m) => m.to.includes(amira.email))).toHaveLength(2); // the confirmation and the notice
    expect(relay.messages.filter((m) => m.subject.endsWith("did not arrive"))).toHaveLength(2);

    // the case's statistics: four letters failed for good, two supporters, both told
    expect(getFailedLetterSummary({ caseId: theCase.id })).toEqual({ letters: 4, supporters: 2, told: 2 });
  });

  it("follows a refusal at send time (a 5xx to RCPT), which staff see on the bounce reports", async () => {
    const refusing = await startSmtpCapture({ rejectWith: (rcpt) => (rcpt === "refused@example.org" ? { code: 550, message: "5.1.1 No such user" } : null) });
    try {
      await openDatabase({ SMTP_URL: refusing.url });
      const theCase = createTestCase({ targets: [{ email: "refused@example.org" }] });
      const amira = signAndConfirm({ slug: theCase.slug });
      await drain();
      expect(letters(theCase.id)[0]!.row).toMatchObject({ status: "failed" });
      expect(notices().map((n) => n.toAddress)).toEqual([amira.email]);
      expect(listBounceReports()).toMatchObject([{ kind: "hard", status: "5.1.1", reason: "refused at send time (RCPT)", outboxId: letters(theCase.id)[0]!.row!.id }]);
      expect(listBounceReports()[0]!.diagnostic).toContain("No such user");
    } finally {
      await refusing.close();
    }
  });

  it("is not sent when the letter goes on by post: the switch carries the bounced letters and the waiting ones", async () => {
    await openDatabase({ BOUNCE_SWITCH_AFTER: "2" });
    const theCase = createTestCase({ targets: [{ email: "gone@example.org", fax: null }] });
    verdicts.set("gone@example.org", HARD);
    const first = signAndConfirm({ slug: theCase.slug });
    const second = signAndConfirm({ slug: theCase.slug });
    await drain();
    const waiting = signAndConfirm({ slug: theCase.slug });
    const [one, two] = await relay.flush();
    expect(one?.accepted && two?.accepted).toBe(true);
    const rows = letters(theCase.id);
    // every letter is on its way by post: the two that bounced (the first one's supporter was told when it bounced,
    // before the switch) and the one that was waiting
    expect(rows.map((l) => l.appeal.channel)).toEqual(["post", "post", "post"]);
    expect(rows.map((l) => l.row?.status)).toEqual(["bounced", "bounced", "failed"]);
    expect(rows[2]!.row!.lastError).toBe("not emailed: the official's address bounced; sent by post instead");
    // the supporter of the letter that bounced first was told then; the one whose bounce switched the address, and
    // the one whose letter was waiting, are not: theirs went on by post
    expect(notices()).toHaveLength(1);
    expect([first.email, second.email]).toContain(notices()[0]!.toAddress);
    expect(notices()[0]!.toAddress).not.toBe(waiting.email);
    // nothing counts as failed for good now: each letter goes on by post
    expect(getFailedLetterSummary({ caseId: theCase.id })).toEqual({ letters: 0, supporters: 0, told: 0 });
  });

  it("is not sent for a refusal at send time that switches the address: that letter goes by post", async () => {
    const refusing = await startSmtpCapture({ rejectWith: (rcpt) => (rcpt === "refused@example.org" ? { code: 550, message: "5.1.1 No such user" } : null) });
    try {
      await openDatabase({ SMTP_URL: refusing.url, BOUNCE_SWITCH_AFTER: "1" });
      const theCase = createTestCase({ targets: [{ email: "refused@example.org" }] });
      signAndConfirm({ slug: theCase.slug });
      await drain();
      expect(letters(theCase.id)[0]!.appeal.channel).toBe("post");
      expect(notices()).toHaveLength(0);
    } finally {
      await refusing.close();
    }
  });

  it("is not sent to a supporter who erased themselves, though the bounce is recorded", async () => {
    await openDatabase();
    const theCase = createTestCase({ targets: [{ email: "gone@example.org" }] });
    verdicts.set("gone@example.org", HARD);
    const amira = signAndConfirm({ slug: theCase.slug });
    await drain();
    eraseSupporter({ email: amira.email, actorUserId: null });
    expect((await relay.flush())[0]!.accepted).toBe(true);
    expect(letters(theCase.id)[0]!.row!.status).toBe("bounced");
    expect(notices()).toHaveLength(0);
    expect(getFailedLetterSummary({ caseId: theCase.id })).toEqual({ letters: 1, supporters: 1, told: 0 });
  });
});

describe("fax before post", () => {
  it("a bouncing official with a fax number gets the bounced and the waiting letters by fax when a gateway is configured", async () => {
    await openDatabase({ BOUNCE_SWITCH_AFTER: "1", FAX_GATEWAY: "{number}@fax.example.net" });
    const theCase = createTestCase({ targets: [{ email: "gone@example.org", fax: "+442079460123" }] });
    verdicts.set("gone@example.org", HARD);
    signAndConfirm({ slug: theCase.slug });
    await drain();
    signAndConfirm({ slug: theCase.slug });
    expect((await relay.flush())[0]!.accepted).toBe(true);
    const rows = letters(theCase.id);
    expect(rows.map((l) => [l.appeal.channel, l.appeal.deliveryAddress, l.row?.kind, l.row?.status])).toEqual([
      ["fax", "+442079460123", "fax", "queued"],
      ["fax", "+442079460123", "fax", "queued"],
    ]);
    expect(notices()).toHaveLength(0);
    // the old email rows keep what happened to them
    expect(getDb().select({ status: outbox.status }).from(outbox).where(and(eq(outbox.kind, "appeal"), eq(outbox.toAddress, "gone@example.org"))).all().map((r) => r.status).sort()).toEqual(["bounced", "failed"]);
    await drain();
    const faxes = relay.messages.filter((m) => m.envelope.rcptTo[0] === "442079460123@fax.example.net");
    expect(faxes).toHaveLength(2);
    expect(faxes[0]!.raw).toMatch(/Content-Type: application\/pdf/);
    expect(letters(theCase.id).map((l) => l.row?.status)).toEqual(["sent", "sent"]);
  });

  it("without a gateway the same official's letters go by post", async () => {
    await openDatabase({ BOUNCE_SWITCH_AFTER: "1" });
    const theCase = createTestCase({ targets: [{ email: "gone@example.org", fax: "+442079460123" }] });
    verdicts.set("gone@example.org", HARD);
    signAndConfirm({ slug: theCase.slug });
    await drain();
    expect((await relay.flush())[0]!.accepted).toBe(true);
    expect(letters(theCase.id).map((l) => l.appeal.channel)).toEqual(["post"]);
    expect(notices()).toHaveLength(0);
  });
});
