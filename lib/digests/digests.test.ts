// Digests against a real SQLite file and a real SMTP server: letters wait, are gathered once, go once, and the
// official receives every one of them (in the body or in the PDF, read back with pdftotext).
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as orm from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, writeTransaction } from "@/db/client";
import * as schema from "@/db/schema";
import { createTestCase, type CreatedTestCase } from "@/tests/support/factories";
import { raceInProcesses } from "@/tests/support/race";
import { startSmtpCapture, type SmtpCapture } from "@/tests/support/smtp-capture";
import { signAndConfirm, uniqueSupporterEmail } from "@/tests/support/supporters";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { getDeliveryCounts } from "../appeals/delivery-counts";
import { formatDigestDay } from "@/emails/digest";
import { eraseSupporter } from "../erasure/erase-supporter";
import { recordOfficialHardBounce } from "../bounces/email-health";
import { deliverDue } from "../outbox/deliver-outbox";
import { parseSignForm } from "../signatures/schemas";
import { submitSignature } from "../signatures/submit-signature";
import { prepareCaseDigestsNow, prepareDueDigests } from "./prepare-digests";
import { getDigestPreview } from "./queries";
import { runDigests } from "./run-digests";
import { sendDigestNow, sendDueDigests } from "./send-digests";

const APP_URL = "https://appeals.example.org";
let capture: SmtpCapture;
let database: TestDatabase;

beforeAll(async () => {
  capture = await startSmtpCapture();
});

// a database per test: preparation takes every official's waiting letters, so another test's must not be there
beforeEach(async () => {
  capture.messages.length = 0;
  database = await useTestDatabase({ SMTP_URL: capture.url, APP_URL, MAIL_FROM: "appeals@vigil.example.org", MAIL_FROM_NAME: "Vigil", BOUNCE_SWITCH_AFTER: "1" });
});

afterEach(async () => {
  await database?.close();
});

afterAll(async () => {
  await capture?.close();
});

const { appeals, digests, outbox, targets } = schema;

/** A case whose first official is in digest mode at `hour` in `timeZone` (the second stays one email each). */
function digestCase({ hour = 9, timeZone = "Asia/Shanghai", format = "inline" as "inline" | "pdf" } = {}): CreatedTestCase & { digestTarget: string; address: string } {
  const c = createTestCase({ personName: "Gao Zhisheng" });
  const target = c.targets[0]!;
  getDb().update(targets).set({ deliveryMode: "digest", digestHour: hour, timeZone, digestFormat: format }).where(orm.eq(targets.id, target.id)).run();
  return { ...c, digestTarget: target.id, address: target.email!.toLowerCase() };
}

/** A campaigner who presses "Prepare now". */
function staff(): string {
  const id = crypto.randomUUID();
  getDb().insert(schema.users).values({ id, email: `campaigner-${id.slice(0, 8)}@vigil.example.org`, role: "campaigner" }).run();
  return id;
}

const lettersTo = (targetId: string) => getDb().select().from(appeals).where(orm.eq(appeals.targetId, targetId)).all();
const digestsOf = (targetId: string) => getDb().select().from(digests).where(orm.eq(digests.targetId, targetId)).orderBy(digests.day, digests.sequence).all();
const mailTo = (address: string) => capture.messages.filter((m) => m.envelope.rcptTo.some((r) => r.toLowerCase() === address));

async function deliverAll() {
  for (let i = 0; i < 20; i++) {
    // a little ahead, for digests due tomorrow; well inside the case's deadline (30 days)
    const tally = await deliverDue({ now: new Date(Date.now() + 3 * 86_400_000) });
    if (tally.sent + tally.retry + tally.failed === 0) return;
  }
}

describe("a letter to an official in digest mode", () => {
  it("waits with no outbox row of its own; the other official's letter goes as before", async () => {
    const c = digestCase();
    signAndConfirm({ slug: c.slug });
    const [waiting] = lettersTo(c.digestTarget);
    expect(waiting).toMatchObject({ channel: "email", outboxId: null, digestId: null });
    expect(lettersTo(c.targets[1]!.id)[0]!.outboxId).not.toBeNull();
    await deliverAll();
    expect(mailTo(c.address)).toHaveLength(0);
    expect(getDeliveryCounts({ caseId: c.id }).emailed).toBe(1);
  });
});

describe("preparing and sending", () => {
  it("prepares 15 minutes ahead of the hour in the official's zone, sends at it, and counts each letter as emailed once", async () => {
    // 9:00 in Shanghai is 01:00 UTC
    const c = digestCase({ hour: 9, timeZone: "Asia/Shanghai" });
    const countries = ["NO", "CA", "NO", "FR"];
    for (const country of countries) signAndConfirm({ slug: c.slug, country });

    expect(runDigests({ now: new Date("2026-12-02T00:40:00Z") })).toEqual({ prepared: 0, queued: 0 });
    expect(runDigests({ now: new Date("2026-12-02T00:46:00Z") })).toEqual({ prepared: 1, queued: 0 });
    const [digest] = digestsOf(c.digestTarget);
    expect(digest).toMatchObject({ day: "2026-12-02", status: "prepared", letterCount: 4, countryCount: 3, sendAt: new Date("2026-12-02T01:00:00Z") });
    // prepared, previewable, not sent
    const preview = getDigestPreview({ caseId: c.id, digestId: digest!.id })!;
    expect(preview.subject).toBe("4 appeals for Gao Zhisheng from 3 countries — 2 December 2026");
    await deliverAll();
    expect(mailTo(c.address)).toHaveLength(0);

    expect(runDigests({ now: new Date("2026-12-02T01:00:00Z") })).toEqual({ prepared: 0, queued: 1 });
    await deliverAll();
    const mails = mailTo(c.address);
    expect(mails).toHaveLength(1);
    const parsed = await simpleParser(mails[0]!.raw);
    // the preview was the exact message
    expect(parsed.subject).toBe(preview.subject);
    expect(parsed.text?.trim()).toBe(preview.text.trim());
    expect(parsed.text).toContain("This email holds 4 letters about Gao Zhisheng");
    for (const letter of lettersTo(c.digestTarget)) expect(parsed.text).toContain(letter.body.trim().split("\n").at(-1)!);
    expect(mails[0]!.raw).not.toMatch(/^(List-Unsubscribe|Precedence):/im);
    expect(mails[0]!.messageId).toBe(`<digest-${digest!.id}@vigil.example.org>`);
    // VERP like every message
    expect(mails[0]!.envelope.mailFrom).toMatch(/^bounce\+/);
    // the digest's four letters and the other official's four: each once
    expect(getDeliveryCounts({ caseId: c.id }).emailed).toBe(8);
    // the next tick prepares nothing more that day
    expect(runDigests({ now: new Date("2026-12-02T01:10:00Z") })).toEqual({ prepared: 0, queued: 0 });
  });

  it("puts a letter confirmed after preparation into the next digest, and none into two", async () => {
    const c = digestCase({ hour: 9, timeZone: "UTC" });
    signAndConfirm({ slug: c.slug });
    signAndConfirm({ slug: c.slug });
    expect(prepareDueDigests({ now: new Date("2026-12-02T08:50:00Z") })).toHaveLength(1);
    // arrives while the first is prepared, not yet sent
    signAndConfirm({ slug: c.slug });
    expect(sendDueDigests({ now: new Date("2026-12-02T09:00:00Z") })).toBe(1);
    expect(prepareDueDigests({ now: new Date("2026-12-03T08:50:00Z") })).toHaveLength(1);
    expect(sendDueDigests({ now: new Date("2026-12-03T09:00:00Z") })).toBe(1);
    const [first, second] = digestsOf(c.digestTarget);
    expect([first?.day, first?.letterCount, second?.day, second?.letterCount]).toEqual(["2026-12-02", 2, "2026-12-03", 1]);
    const letters = lettersTo(c.digestTarget);
    expect(letters.every((l) => l.digestId && l.outboxId)).toBe(true);
    await deliverAll();
    expect(mailTo(c.address).map((m) => m.subject).toSorted()).toEqual([
      "1 appeal for Gao Zhisheng from 1 country — 3 December 2026",
      "2 appeals for Gao Zhisheng from 1 country — 2 December 2026",
    ]);
  });

  it("gathers letters confirmed in other processes during preparation exactly once", async () => {
    const c = digestCase({ hour: 9, timeZone: "UTC" });
    const pending = Array.from({ length: 6 }, () => pendingToken(c.slug));
    signAndConfirm({ slug: c.slug });
    const now = new Date("2026-12-02T08:50:00Z").getTime();
    // confirmations and two preparing servers, released at the same instant
    await raceInProcesses([...pending.map((token) => ["confirm", token]), ["digests", String(now)], ["digests", String(now)]]);
    const letters = lettersTo(c.digestTarget);
    expect(letters).toHaveLength(7);
    const [today] = digestsOf(c.digestTarget);
    expect(digestsOf(c.digestTarget)).toHaveLength(1);
    // the rest go tomorrow
    prepareDueDigests({ now: new Date("2026-12-03T08:50:00Z") });
    sendDueDigests({ now: new Date("2026-12-03T09:00:00Z") });
    sendDueDigests({ now: new Date("2026-12-02T09:00:00Z") });
    const all = digestsOf(c.digestTarget);
    expect(all.reduce((n, d) => n + d.letterCount, 0)).toBe(7);
    expect(lettersTo(c.digestTarget).every((l) => l.digestId !== null && l.outboxId !== null)).toBe(true);
    expect(today?.letterCount).toBeGreaterThanOrEqual(1);
    await deliverAll();
    const bodies = (await Promise.all(mailTo(c.address).map((m) => simpleParser(m.raw)))).map((p) => p.text ?? "");
    // every letter in exactly one message
    const counts = bodies.map((b) => (b.match(/^Letter \d+ of \d+$/gm) ?? []).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(7);
  }, 90_000);

  it("sends a digest once when two servers (and staff) send it at the same moment", async () => {
    const c = digestCase({ hour: 9, timeZone: "UTC" });
    for (let i = 0; i < 3; i++) signAndConfirm({ slug: c.slug });
    prepareDueDigests({ now: new Date("2026-12-02T08:50:00Z") });
    const [digest] = digestsOf(c.digestTarget);
    const at = String(new Date("2026-12-02T09:00:00Z").getTime());
    const results = (await raceInProcesses([["digests", at], ["digests", at], ["digests", at]])) as { queued: number; sent: number }[];
    expect(results.reduce((n, r) => n + r.queued, 0)).toBe(1);
    expect(sendDigestNow({ caseId: c.id, digestId: digest!.id })).toBe("not-prepared");
    await deliverAll();
    expect(mailTo(c.address)).toHaveLength(1);
    expect(getDb().select().from(outbox).where(orm.eq(outbox.kind, "digest")).all().filter((r) => r.toAddress === c.address)).toHaveLength(1);
  }, 90_000);

  it("loses nothing when the server dies between preparing and sending", async () => {
    const c = digestCase({ hour: 9, timeZone: "UTC" });
    for (let i = 0; i < 2; i++) signAndConfirm({ slug: c.slug });
    // the process that prepared is gone; everything it knew is in the database
    prepareDueDigests({ now: new Date("2026-12-02T08:50:00Z") });
    // a fresh start, an hour late
    expect(runDigests({ now: new Date("2026-12-02T10:00:00Z") })).toEqual({ prepared: 0, queued: 1 });
    await deliverAll();
    expect(mailTo(c.address)).toHaveLength(1);
    expect(getDeliveryCounts({ caseId: c.id }).emailed).toBe(4);
  });

  it("staff can prepare and send now; a closed case sends nothing that waits", async () => {
    const c = digestCase({ hour: 9, timeZone: "UTC" });
    signAndConfirm({ slug: c.slug });
    const made = prepareCaseDigestsNow({ caseId: c.id, actorId: staff(), now: new Date() });
    expect(made).toHaveLength(1);
    expect(sendDigestNow({ caseId: c.id, digestId: made[0]! })).toBe("queued");
    await deliverAll();
    expect(mailTo(c.address)).toHaveLength(1);

    // waiting when the case closes: gathered and failed with the reason, never sent
    signAndConfirm({ slug: c.slug });
    getDb().update(schema.cases).set({ state: "closed" }).where(orm.eq(schema.cases.id, c.id)).run();
    expect(runDigests({ now: new Date() })).toEqual({ prepared: 1, queued: 1 });
    await deliverAll();
    expect(mailTo(c.address)).toHaveLength(1);
    const failed = getDb().select().from(outbox).where(orm.and(orm.eq(outbox.toAddress, c.address), orm.eq(outbox.status, "failed"))).all();
    expect(failed.map((r) => r.lastError)).toEqual(["not sent: the case closed before delivery"]);
    // prepared before the close, queued after: the outbox fails it with the reason, as it does a single letter
    const late = digestCase({ hour: 9, timeZone: "UTC" });
    signAndConfirm({ slug: late.slug });
    const [id] = prepareCaseDigestsNow({ caseId: late.id, actorId: staff() });
    getDb().update(schema.cases).set({ state: "closed" }).where(orm.eq(schema.cases.id, late.id)).run();
    sendDigestNow({ caseId: late.id, digestId: id! });
    await deliverAll();
    expect(mailTo(late.address)).toHaveLength(0);
    const row = getDb().select().from(outbox).where(orm.eq(outbox.toAddress, late.address)).get();
    expect(row).toMatchObject({ kind: "digest", status: "failed", lastError: "not sent: the case closed before delivery" });
  });

  it("sends waiting digest letters by post when the address turns bouncing", () => {
    const c = digestCase({ hour: 9, timeZone: "UTC" });
    signAndConfirm({ slug: c.slug });
    signAndConfirm({ slug: c.slug });
    const [id] = prepareCaseDigestsNow({ caseId: c.id, actorId: staff() });
    signAndConfirm({ slug: c.slug });
    writeTransaction((tx) => recordOfficialHardBounce(tx, c.address, new Date()));
    expect(lettersTo(c.digestTarget).map((l) => [l.channel, l.digestId])).toEqual([
      ["post", null],
      ["post", null],
      ["post", null],
    ]);
    expect(sendDigestNow({ caseId: c.id, digestId: id! })).toBe("empty");
  });
});

describe("erasure", () => {
  it("takes an erased supporter's letter out of a queued digest and sends the others", async () => {
    const c = digestCase({ hour: 9, timeZone: "UTC" });
    signAndConfirm({ slug: c.slug, fullName: "Ingrid Solberg", country: "NO" });
    const erased = signAndConfirm({ slug: c.slug, fullName: "Zhang Erased", country: "CA" });
    // and one still waiting for the next digest
    const [id] = prepareCaseDigestsNow({ caseId: c.id, actorId: staff() });
    expect(sendDigestNow({ caseId: c.id, digestId: id! })).toBe("queued");
    signAndConfirm({ slug: c.slug, fullName: "Liu Wei", country: "FR" });
    eraseSupporter({ email: erased.email, actorUserId: null });
    await deliverAll();
    const [mail] = mailTo(c.address);
    const parsed = await simpleParser(mail!.raw);
    expect(parsed.subject).toBe(`1 appeal for Gao Zhisheng from 1 country — ${formatDigestDay(digestsOf(c.digestTarget)[0]!.day)}`);
    expect(parsed.text).toContain("Ingrid Solberg");
    expect(parsed.text).not.toContain("Zhang Erased");
    expect(mailTo(c.address)).toHaveLength(1);
    // the letter confirmed later still waits for its digest
    expect(lettersTo(c.digestTarget).filter((l) => l.digestId === null)).toHaveLength(1);
  });
});

describe("the PDF digest", () => {
  it("attaches one PDF that holds every letter (read back with pdftotext)", async () => {
    const c = digestCase({ hour: 9, timeZone: "UTC", format: "pdf" });
    const names = ["Amira Haddad", "Liu Wei", "Ingrid Solberg"];
    for (const fullName of names) signAndConfirm({ slug: c.slug, fullName });
    const [id] = prepareCaseDigestsNow({ caseId: c.id, actorId: staff() });
    sendDigestNow({ caseId: c.id, digestId: id! });
    await deliverAll();
    const [mail] = mailTo(c.address);
    const parsed = await simpleParser(mail!.raw);
    expect(parsed.text).toContain("They are in the attached PDF");
    expect(parsed.text).not.toContain("Letter 1 of");
    const pdf = parsed.attachments.find((a) => a.contentType === "application/pdf")!;
    expect(pdf.filename).toMatch(/^appeals-UA-[A-Za-z0-9-]+-\d{4}-\d{2}-\d{2}\.pdf$/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "digest-pdf-"));
    const file = path.join(dir, "digest.pdf");
    fs.writeFileSync(file, pdf.content);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    fs.rmSync(dir, { recursive: true });
    for (const name of names) expect(text).toContain(name);
    expect(text.match(/Gao Zhisheng/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
  }, 60_000);
});

/** Signs through the form's parser and command without confirming: the token from the queued confirmation,
 * for a confirmation run in another process. */
function pendingToken(slug: string): string {
  const email = uniqueSupporterEmail();
  const parsed = parseSignForm([["fullName", "Liu Wei"], ["email", email], ["country", "CA"], ["message", ""]]);
  if (!parsed.ok) throw new Error("the test's form was refused");
  const submitted = submitSignature({ slug, input: parsed.data, clientAddress: `198.51.100.7-${email}` });
  if (!submitted.ok) throw new Error("signing was refused");
  const confirmation = getDb().select().from(outbox).where(orm.eq(outbox.toAddress, email)).get();
  const token = /\/confirm\/([A-Za-z0-9_-]+)/.exec(confirmation?.textBody ?? "")?.[1];
  if (!token) throw new Error("no confirmation link queued");
  return token;
}
