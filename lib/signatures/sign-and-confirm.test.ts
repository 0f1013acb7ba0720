// Signing and confirming against a real SQLite file and a real SMTP server: what a supporter and an official
// would actually receive.
import crypto from "node:crypto";
import * as orm from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as schema from "@/db/schema";
import { createTestCase } from "@/tests/support/factories";
import { raceInProcesses } from "@/tests/support/race";
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from "@/tests/support/smtp-capture";
import { setEnv, useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { getSignatureCount } from "../cases/queries";
import { deliverDue } from "../outbox/deliver-outbox";
import Database from "better-sqlite3";
import { databaseFile } from "@/db/client";
import { onOutboxWake } from "../outbox/enqueue-message";
import { confirmSignature, confirmSignatureGrouped, getConfirmationByToken } from "./confirm-signature";
import { parseSignForm } from "./schemas";
import { submitSignature, submitSignatureGrouped } from "./submit-signature";

const APP_URL = "https://appeals.example.org";
const MAIL_FROM = "appeals@vigil.example.org";

let capture: SmtpCapture;
let database: TestDatabase;

beforeAll(async () => {
  capture = await startSmtpCapture();
  database = await useTestDatabase({ SMTP_URL: capture.url, APP_URL, MAIL_FROM, MAIL_FROM_NAME: "Vigil" });
});

afterAll(async () => {
  await database?.close();
  await capture?.close();
});

let counter = 0;
const uniqueEmail = (label = "supporter") => `${label}-${++counter}-${crypto.randomUUID().slice(0, 8)}@supporters.example.net`;
const hours = (h: number) => new Date(Date.now() + h * 3_600_000);
const uniqueClient = () => `198.51.100.${++counter % 250}-${crypto.randomUUID()}`;

type SignOptions = {
  slug: string;
  email: string;
  fullName?: string;
  country?: string;
  message?: string;
  initialsOnly?: boolean;
  allowReply?: boolean;
  clientAddress?: string;
  now?: Date;
};

/** Signs as the form would: through parseSignForm, so the input is what the server really gets. */
function sign({ slug, email, fullName = "Amira Haddad", country = "GB", message = "", initialsOnly, allowReply, clientAddress = uniqueClient(), now }: SignOptions) {
  const fields: [string, string][] = [["fullName", fullName], ["email", email], ["country", country], ["message", message]];
  if (initialsOnly) fields.push(["initialsOnly", "on"]);
  if (allowReply) fields.push(["allowReply", "on"]);
  const parsed = parseSignForm(fields);
  if (!parsed.ok) throw new Error(`the test's form was refused: ${JSON.stringify(parsed.errors)}`);
  return submitSignature({ slug, input: parsed.data, clientAddress, now });
}

/** Runs delivery passes until nothing is left to do now. */
async function deliverAll() {
  const total = { sent: 0, retry: 0, failed: 0, "lost-lease": 0 };
  for (let pass = 0; pass < 20; pass++) {
    const tally = await deliverDue();
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += tally[key];
    if (tally.sent + tally.retry + tally.failed + tally["lost-lease"] === 0) return total;
  }
  throw new Error("the outbox did not drain in 20 passes");
}

const mailTo = (address: string) => capture.messages.filter((m) => m.envelope.rcptTo.some((r) => r.toLowerCase() === address.toLowerCase()));

function tokenIn(mail: CapturedMail): string {
  const match = new RegExp(`^${APP_URL}/en/confirm/([A-Za-z0-9_-]+)$`, "m").exec(mail.text);
  if (!match?.[1]) throw new Error(`no confirmation link in "${mail.subject}":\n${mail.text}`);
  return match[1];
}

/** Delivers the outbox and returns the token from the newest confirmation mail to `email`. */
async function confirmationToken(email: string): Promise<string> {
  await deliverAll();
  const mails = mailTo(email).filter((m) => m.subject.startsWith("Please confirm"));
  const last = mails.at(-1);
  if (!last) throw new Error(`no confirmation mail to ${email}`);
  return tokenIn(last);
}

function signaturesOf(caseId: string) {
  const { signatures } = schema;
  return getDb().select().from(signatures).where(orm.eq(signatures.caseId, caseId)).all();
}

function appealsOf(caseId: string) {
  const { appeals } = schema;
  return getDb().select().from(appeals).where(orm.eq(appeals.caseId, caseId)).all();
}

function outboxTo(address: string) {
  const { outbox } = schema;
  return getDb().select().from(outbox).where(orm.eq(outbox.toAddress, address)).all();
}

function outboxById(id: string) {
  const { outbox } = schema;
  return getDb().select().from(outbox).where(orm.eq(outbox.id, id)).get();
}

/** Everything in a received letter a reader could see: the decoded text, every header, and the raw source. */
const everywhere = (mail: CapturedMail) => [mail.text, ...Object.values(mail.headers), mail.raw].join("\n").toLowerCase();

describe("signing and confirming", () => {
  it("sends the confirmation, counts only after confirming, then sends one letter per official with an email", async () => {
    const testCase = createTestCase({ targets: [{}, { email: null }, {}] });
    const [first, postOnly, third] = testCase.targets;
    const email = uniqueEmail();
    const fullName = "Seán O'Brien";

    expect(sign({ slug: testCase.slug, email, fullName, message: "Free her now." })).toEqual({ ok: true });
    const pending = signaturesOf(testCase.id);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ status: "pending", fullName, email, emailNormalized: email });
    const queued = outboxTo(email);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ kind: "confirmation", status: "queued" });
    expect(getSignatureCount({ caseId: testCase.id })).toBe(0);

    await deliverAll();
    const [confirmation, ...more] = mailTo(email);
    expect(more).toHaveLength(0);
    expect(confirmation?.to).toEqual([email]);
    expect(confirmation?.subject).toBe("Please confirm your appeal for Li Qiaochu");
    expect(confirmation?.fromAddress).toBe(MAIL_FROM);
    expect(confirmation?.headers["auto-submitted"]).toBe("auto-generated");
    expect(confirmation?.messageId).toBe(queued[0]?.messageId);
    const token = tokenIn(confirmation!);
    // the token is only in the mail: the database keeps its hash
    expect(JSON.stringify(signaturesOf(testCase.id))).not.toContain(token);

    // looking at the link (a mail scanner, the GET page) does not confirm
    expect(getConfirmationByToken({ token })).toMatchObject({ state: "ready", caseSlug: testCase.slug, personName: "Li Qiaochu" });
    expect(getConfirmationByToken({ token }).state).toBe("ready");
    expect(signaturesOf(testCase.id)[0]?.status).toBe("pending");
    expect(getSignatureCount({ caseId: testCase.id })).toBe(0);
    expect(appealsOf(testCase.id)).toHaveLength(0);

    expect(confirmSignature({ token })).toMatchObject({ state: "confirmed", appealsQueued: 2 });
    expect(getSignatureCount({ caseId: testCase.id })).toBe(1);
    const appeals = appealsOf(testCase.id);
    expect(appeals.map((a) => `${a.targetId} ${a.channel}`).toSorted()).toEqual(
      [`${first!.id} email`, `${postOnly!.id} post`, `${third!.id} email`].toSorted(),
    );
    expect(appeals.find((a) => a.channel === "post")?.outboxId).toBeNull();

    await deliverAll();
    for (const target of [first!, third!]) {
      const letters = mailTo(target.email!);
      expect(letters).toHaveLength(1);
      const letter = letters[0]!;
      const appeal = appeals.find((a) => a.targetId === target.id)!;
      const row = outboxById(appeal.outboxId!)!;
      expect(row).toMatchObject({ kind: "appeal", status: "sent", attempts: 1, lastError: null });
      expect(letter.messageId).toBe(row.messageId);
      expect(letter.to).toEqual([target.email]);
      expect(letter.envelope).toEqual({ mailFrom: expect.stringMatching(/^bounce\+[0-9a-f-]{36}-[0-9a-f]{20}@vigil\.example\.org$/), rcptTo: [target.email], smtpUtf8: false });
      expect(letter.fromAddress).toBe(MAIL_FROM);
      expect(letter.fromName).toBe(`${fullName} via Vigil`);
      expect(letter.replyTo).toBeNull();
      expect(everywhere(letter)).not.toContain(email.toLowerCase());
      expect(letter.subject).toBe(`Release Li Qiaochu (${testCase.reference})`);
      expect(letter.text.trimEnd()).toBe(appeal.body);
      expect(letter.text).toContain("Dear Minister,\n");
      expect(letter.text).toContain("\n\nFree her now.\n\n");
      expect(letter.text).toContain(`\n${fullName}\nUnited Kingdom\n`);
    }
    // nothing ever went to the post-only target's (non-existent) address or twice to anyone
    expect(capture.messages.filter((m) => m.subject.includes(testCase.reference))).toHaveLength(2);
  });

  it("lets officials reply to the supporter only when the supporter asked", async () => {
    const testCase = createTestCase({ targets: 1 });
    const official = testCase.targets[0]!.email!;
    const email = uniqueEmail("replies");
    sign({ slug: testCase.slug, email, fullName: "ليلى حداد", allowReply: true });
    expect(confirmSignature({ token: await confirmationToken(email) }).state).toBe("confirmed");
    await deliverAll();
    const [letter] = mailTo(official);
    expect(letter?.replyTo).toBe(email);
    // opting in to replies puts the address in Reply-To only: not in From, To or the letter itself
    expect(letter?.text).not.toContain(email);
    expect(letter?.from).not.toContain(email);
    expect(letter?.to).toEqual([official]);
    expect(letter?.fromName).toBe("ليلى حداد via Vigil");
    expect(letter?.fromAddress).toBe(MAIL_FROM);
    expect(letter?.envelope).toEqual({ mailFrom: expect.stringMatching(/^bounce\+[0-9a-f-]{36}-[0-9a-f]{20}@vigil\.example\.org$/), rcptTo: [official], smtpUtf8: false });
  });

  it("lets the owner of the address withdraw the reply opt-in when confirming, and shows what will be sent", async () => {
    const testCase = createTestCase({ targets: 1 });
    const official = testCase.targets[0]!.email!;
    const email = uniqueEmail("withdrawn");
    // whoever filled the form asked for replies; the address's owner sees that before confirming, and says no
    sign({ slug: testCase.slug, email, fullName: "Someone Else", allowReply: true });
    const token = await confirmationToken(email);
    const shown = getConfirmationByToken({ token });
    expect(shown.letter).toMatchObject({ signedAs: "Someone Else", allowReply: true });
    expect(confirmSignature({ token, allowReply: false }).state).toBe("confirmed");
    await deliverAll();
    const [letter] = mailTo(official);
    expect(letter?.replyTo ?? null).not.toBe(email);
    expect(everywhere(letter!)).not.toContain(email.toLowerCase());
  });

  it("sets the organisation's Reply-To, never the supporter's, when the supporter did not opt in", async () => {
    const restore = setEnv({ REPLY_TO: "campaigns@vigil.example.org" });
    try {
      const testCase = createTestCase({ targets: 1 });
      const official = testCase.targets[0]!.email!;
      const email = uniqueEmail("no-replies");
      sign({ slug: testCase.slug, email });
      expect(confirmSignature({ token: await confirmationToken(email) }).state).toBe("confirmed");
      await deliverAll();
      const [letter] = mailTo(official);
      expect(letter?.replyTo).toBe("campaigns@vigil.example.org");
      expect(everywhere(letter!)).not.toContain(email.toLowerCase());
    } finally {
      restore();
    }
  });

  it("signs with initials only and then shows the full name nowhere in the letter", async () => {
    const testCase = createTestCase({ targets: 1 });
    const email = uniqueEmail("initials");
    sign({ slug: testCase.slug, email, fullName: "Tashpolat Tiyip", initialsOnly: true });
    confirmSignature({ token: await confirmationToken(email) });
    await deliverAll();
    const [letter] = mailTo(testCase.targets[0]!.email!);
    expect(letter?.fromName).toBe("T. T. via Vigil");
    expect(letter?.text).toContain("\nT. T.\n");
    expect(everywhere(letter!)).not.toContain("tashpolat");
    expect(everywhere(letter!)).not.toContain("tiyip");
  });

  it("keeps a display name that looks like an address out of the From address and the recipients", async () => {
    const testCase = createTestCase({ targets: 1 });
    const official = testCase.targets[0]!.email!;
    const email = uniqueEmail("sneaky");
    const fullName = `Eve "<eve@attacker.example>", Mallory \\ <bcc@attacker.example>`;
    sign({ slug: testCase.slug, email, fullName });
    confirmSignature({ token: await confirmationToken(email) });
    await deliverAll();
    const letters = mailTo(official);
    expect(letters).toHaveLength(1);
    expect(letters[0]?.fromAddress).toBe(MAIL_FROM);
    expect(letters[0]?.fromName).toBe(`${fullName} via Vigil`);
    expect(letters[0]?.to).toEqual([official]);
    expect(letters[0]?.envelope.rcptTo).toEqual([official]);
    expect(capture.messages.filter((m) => m.envelope.rcptTo.some((r) => r.includes("attacker")))).toHaveLength(0);
  });

  it("delivers a confirmation to an address with an international domain, as punycode", async () => {
    const testCase = createTestCase({ targets: 1 });
    const local = `idn-${crypto.randomUUID().slice(0, 8)}`;
    expect(sign({ slug: testCase.slug, email: `${local}@müller.example` })).toEqual({ ok: true });
    await deliverAll();
    const received = mailTo(`${local}@müller.example`);
    expect(received).toHaveLength(1);
    // sent as ASCII, so it needs no SMTPUTF8 (which many receiving servers do not offer)
    expect(received[0]?.envelope.smtpUtf8).toBe(false);
    expect(received[0]?.headers.to).toBe(`${local}@xn--mller-kva.example`);
    expect(tokenIn(received[0]!)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("counts a supporter once however often they sign and confirm", async () => {
    const testCase = createTestCase({ targets: 2 });
    const email = uniqueEmail("twice");
    const shouted = email.toUpperCase();

    expect(sign({ slug: testCase.slug, email })).toEqual({ ok: true });
    const firstToken = await confirmationToken(email);
    expect(sign({ slug: testCase.slug, email: shouted, fullName: "Amira H." })).toEqual({ ok: true });
    const secondToken = await confirmationToken(email);
    expect(secondToken).not.toBe(firstToken);
    const rows = signaturesOf(testCase.id);
    expect(rows).toHaveLength(1);
    // issue 8 item 10: the pending signature is never written over; the second link offers what was typed
    expect(rows[0]).toMatchObject({ status: "pending", fullName: "Amira Haddad", emailNormalized: email });
    expect(getConfirmationByToken({ token: firstToken }).state).toBe("ready");
    expect(getConfirmationByToken({ token: secondToken }).letter?.signedAs).toBe("Amira H.");

    expect(confirmSignature({ token: secondToken })).toMatchObject({ state: "confirmed", appealsQueued: 2 });
    expect(signaturesOf(testCase.id)[0]).toMatchObject({ status: "confirmed", fullName: "Amira H." });
    const again = confirmSignature({ token: secondToken });
    expect(again.state).toBe("confirmed");
    expect(again.appealsQueued).toBeUndefined();
    expect(confirmSignature({ token: firstToken }).state).toBe("invalid");
    expect(getSignatureCount({ caseId: testCase.id })).toBe(1);
    expect(appealsOf(testCase.id)).toHaveLength(2);

    const before = outboxTo(shouted).length + outboxTo(email).length;
    expect(sign({ slug: testCase.slug, email: shouted })).toEqual({ ok: true });
    const after = [...outboxTo(shouted), ...outboxTo(email)];
    expect(after).toHaveLength(before + 1);
    expect(after.filter((r) => r.kind === "already_signed")).toHaveLength(1);
    expect(signaturesOf(testCase.id)).toHaveLength(1);
    expect(signaturesOf(testCase.id)[0]?.status).toBe("confirmed");
    expect(getSignatureCount({ caseId: testCase.id })).toBe(1);

    await deliverAll();
    const note = mailTo(email).filter((m) => m.subject === "You have already signed for Li Qiaochu");
    expect(note).toHaveLength(1);
    expect(note[0]?.text).not.toContain("/confirm/");
    expect(testCase.targets.map((t) => mailTo(t.email!).length)).toEqual([1, 1]);
    expect(appealsOf(testCase.id)).toHaveLength(2);
  });

  it("refuses an expired link and a forged one without confirming", async () => {
    const testCase = createTestCase({ targets: 1 });
    const email = uniqueEmail("late");
    sign({ slug: testCase.slug, email });
    const token = await confirmationToken(email);

    expect(getConfirmationByToken({ token, now: hours(71) }).state).toBe("ready");
    expect(getConfirmationByToken({ token, now: hours(73) }).state).toBe("expired");
    expect(confirmSignature({ token, now: hours(24 * 365) }).state).toBe("expired");
    const forgeries = [crypto.randomBytes(32).toString("base64url"), `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, "", "../../etc/passwd", token.toUpperCase()];
    expect(forgeries.map((forged) => getConfirmationByToken({ token: forged }).state)).toEqual(forgeries.map(() => "invalid"));
    expect(forgeries.map((forged) => confirmSignature({ token: forged }).state)).toEqual(forgeries.map(() => "invalid"));
    expect(signaturesOf(testCase.id)[0]?.status).toBe("pending");
    expect(appealsOf(testCase.id)).toHaveLength(0);
    expect(getSignatureCount({ caseId: testCase.id })).toBe(0);
    // still good within its lifetime
    expect(confirmSignature({ token }).state).toBe("confirmed");
  });

  it("takes signatures only for published cases before their deadline", () => {
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const expectations = [
      [createTestCase({ state: "draft" }).slug, "not_found"],
      [createTestCase({ state: "in_review" }).slug, "not_found"],
      ["no-such-case", "not_found"],
      [createTestCase({ state: "closed" }).slug, "closed"],
      [createTestCase({ actBefore: yesterday }).slug, "closed"],
      [createTestCase({ actBefore: "2020-01-01" }).slug, "closed"],
    ] as const;
    const outcomes = expectations.map(([slug]) => {
      const email = uniqueEmail("refused");
      const result = sign({ slug, email });
      return { slug, code: result.ok ? "ok" : result.code, mailQueued: outboxTo(email).length };
    });
    expect(outcomes).toEqual(expectations.map(([slug, code]) => ({ slug, code, mailQueued: 0 })));
    // the deadline day itself is still open
    expect(sign({ slug: createTestCase({ actBefore: today }).slug, email: uniqueEmail() })).toEqual({ ok: true });
  });

  it("does not confirm once the case has closed", async () => {
    const testCase = createTestCase({ targets: 1 });
    const email = uniqueEmail("closing");
    sign({ slug: testCase.slug, email });
    const token = await confirmationToken(email);
    const { cases } = schema;
    getDb().update(cases).set({ state: "closed" }).where(orm.eq(cases.id, testCase.id)).run();
    expect(confirmSignature({ token }).state).toBe("closed");
    expect(appealsOf(testCase.id)).toHaveLength(0);
    expect(getSignatureCount({ caseId: testCase.id })).toBe(0);
  });
});

describe("a pending signature is never overwritten (issue 8 item 10)", () => {
  it("keeps a stranger's second submission off the pending row until the owner confirms it", async () => {
    const testCase = createTestCase({ targets: 1 });
    const email = uniqueEmail("owner");
    sign({ slug: testCase.slug, email, fullName: "Real Owner", message: "Free her now" });
    const ownerToken = await confirmationToken(email);
    sign({ slug: testCase.slug, email, fullName: "Someone Else", message: "rewritten", allowReply: true, initialsOnly: true });
    const strangerToken = await confirmationToken(email);

    expect(signaturesOf(testCase.id)).toHaveLength(1);
    expect(signaturesOf(testCase.id)[0]).toMatchObject({ fullName: "Real Owner", message: "Free her now", allowReply: false, initialsOnly: false });
    expect(getConfirmationByToken({ token: ownerToken }).letter).toMatchObject({ signedAs: "Real Owner", allowReply: false });
    expect(getSignatureCount({ caseId: testCase.id })).toBe(0);

    expect(confirmSignature({ token: ownerToken })).toMatchObject({ state: "confirmed", appealsQueued: 1 });
    expect(signaturesOf(testCase.id)[0]).toMatchObject({ fullName: "Real Owner", message: "Free her now", allowReply: false });
    // the offer died with the owner's choice
    expect(confirmSignature({ token: strangerToken }).state).toBe("invalid");
    expect(getSignatureCount({ caseId: testCase.id })).toBe(1);
    expect(appealsOf(testCase.id)).toHaveLength(1);
  });
});

describe("deadline (issue 8 item 9)", () => {
  it("does not confirm once the case's deadline has passed, and says when it closed", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const testCase = createTestCase({ targets: 1, actBefore: today });
    const email = uniqueEmail("deadline");
    sign({ slug: testCase.slug, email });
    const token = await confirmationToken(email);
    expect(getConfirmationByToken({ token, now: hours(25) })).toMatchObject({ state: "closed", closedOn: today });
    expect(confirmSignature({ token, now: hours(25) }).state).toBe("closed");
    expect(appealsOf(testCase.id)).toHaveLength(0);
    expect(getSignatureCount({ caseId: testCase.id })).toBe(0);
  });
});

describe("queued appeals of a closed case (issue 8 item 9)", () => {
  it("fails queued appeals, with the reason, once the case closes or its deadline passes", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const closing = createTestCase({ targets: 1 });
    const lapsing = createTestCase({ targets: 1, actBefore: today });
    const tokens = [];
    for (const c of [closing, lapsing]) {
      const email = uniqueEmail("queued");
      sign({ slug: c.slug, email });
      tokens.push(await confirmationToken(email));
    }
    tokens.forEach((token) => expect(confirmSignature({ token }).state).toBe("confirmed"));
    const { cases } = schema;
    getDb().update(cases).set({ state: "closed" }).where(orm.eq(cases.id, closing.id)).run();
    const later = hours(25);
    await deliverDue({ now: later });
    await deliverDue({ now: later });
    for (const c of [closing, lapsing]) {
      const appeal = appealsOf(c.id)[0]!;
      expect(outboxById(appeal.outboxId!)).toMatchObject({ status: "failed", lastError: expect.stringContaining("not sent") });
      expect(mailTo(c.targets[0]!.email!)).toHaveLength(0);
    }
    expect(getSignatureCount({ caseId: closing.id })).toBe(1);
  });
});

describe("rate limits", () => {
  it("stops mailing an address after RATE_LIMIT_PER_EMAIL, while the page reads the same", () => {
    const restore = setEnv({ RATE_LIMIT_PER_EMAIL: "2" });
    try {
      const testCase = createTestCase();
      const email = uniqueEmail("bombed");
      // one fixed instant keeps all the submissions in the same rate-limit window
      const now = new Date();
      const results = [email, email, email.toUpperCase()].map((address) => sign({ slug: testCase.slug, email: address, now }));
      expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
      expect(outboxTo(email).filter((r) => r.kind === "confirmation")).toHaveLength(2);
      expect(outboxTo(email.toUpperCase())).toHaveLength(0);
      // another address is not affected
      const other = uniqueEmail("neighbour");
      expect(sign({ slug: testCase.slug, email: other, now })).toEqual({ ok: true });
      expect(outboxTo(other)).toHaveLength(1);
    } finally {
      restore();
    }
  });

  it("refuses the client after RATE_LIMIT_PER_CLIENT submissions", () => {
    const restore = setEnv({ RATE_LIMIT_PER_CLIENT: "3" });
    try {
      const testCase = createTestCase();
      const clientAddress = uniqueClient();
      const now = new Date();
      const results = Array.from({ length: 4 }, () => sign({ slug: testCase.slug, email: uniqueEmail("busy"), clientAddress, now }));
      expect(results.slice(0, 3)).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
      expect(results[3]).toMatchObject({ ok: false, code: "rate_limited" });
      const minutes = !results[3]!.ok && results[3]!.code === "rate_limited" ? results[3]!.retryAfterMinutes : 0;
      expect(minutes).toBeGreaterThanOrEqual(1);
      expect(minutes).toBeLessThanOrEqual(60);
      expect(signaturesOf(testCase.id)).toHaveLength(3);
      expect(sign({ slug: testCase.slug, email: uniqueEmail(), clientAddress: uniqueClient(), now })).toEqual({ ok: true });
    } finally {
      restore();
    }
  });

  it("states the configured window in the refusal, not a fixed hour", () => {
    const restore = setEnv({ RATE_LIMIT_PER_CLIENT: "1", RATE_LIMIT_WINDOW_SECONDS: "600" });
    try {
      const testCase = createTestCase();
      const clientAddress = uniqueClient();
      // 4 minutes into a 10-minute window: 6 minutes to wait
      const now = new Date(Math.floor(Date.now() / 600_000) * 600_000 + 4 * 60_000);
      expect(sign({ slug: testCase.slug, email: uniqueEmail("window"), clientAddress, now })).toEqual({ ok: true });
      expect(sign({ slug: testCase.slug, email: uniqueEmail("window"), clientAddress, now })).toEqual({
        ok: false,
        code: "rate_limited",
        retryAfterMinutes: 6,
        message: "Very many appeals have come from your network in the last 10 minutes. Please try again in 6 minutes.",
      });
    } finally {
      restore();
    }
  });

  it("lets a school network sign 30 times from one address with the default limit", () => {
    const testCase = createTestCase();
    const clientAddress = uniqueClient();
    const now = new Date();
    const emails = Array.from({ length: 30 }, () => uniqueEmail("pupil"));
    expect(emails.map((email) => sign({ slug: testCase.slug, email, clientAddress, now }))).toEqual(emails.map(() => ({ ok: true })));
    expect(signaturesOf(testCase.id)).toHaveLength(30);
    expect(emails.map((email) => outboxTo(email).length)).toEqual(emails.map(() => 1));
  });
});

describe("concurrent confirmation", () => {
  it("writes one set of appeals for 20 confirmations of the same link at once", async () => {
    const testCase = createTestCase({ targets: 3 });
    const email = uniqueEmail("clicker");
    sign({ slug: testCase.slug, email });
    const token = await confirmationToken(email);
    const results = await Promise.all(Array.from({ length: 20 }, () => Promise.resolve().then(() => confirmSignature({ token }))));
    expect(results.every((r) => r.state === "confirmed")).toBe(true);
    expect(results.filter((r) => r.appealsQueued === 3)).toHaveLength(1);
    expect(results.filter((r) => r.appealsQueued !== undefined)).toHaveLength(1);
    expect(appealsOf(testCase.id)).toHaveLength(3);
    expect(getSignatureCount({ caseId: testCase.id })).toBe(1);
  });

  it("writes one set of appeals when separate processes confirm the same link at the same instant", async () => {
    const testCase = createTestCase({ targets: 3 });
    const email = uniqueEmail("tabs");
    sign({ slug: testCase.slug, email });
    const token = await confirmationToken(email);
    // one process cannot race itself (better-sqlite3 is synchronous): these are 6 connections in 6 processes
    const results = (await raceInProcesses(Array.from({ length: 6 }, () => ["confirm", token]))) as { state: string; appealsQueued: number }[];
    expect(results.map((r) => r.state)).toEqual(Array(6).fill("confirmed"));
    expect(results.map((r) => r.appealsQueued).toSorted()).toEqual([0, 0, 0, 0, 0, 3]);
    expect(appealsOf(testCase.id)).toHaveLength(3);
    const { outbox, appeals } = schema;
    const rows = getDb().select({ id: outbox.id }).from(outbox).innerJoin(appeals, orm.eq(appeals.outboxId, outbox.id)).where(orm.eq(appeals.caseId, testCase.id)).all();
    expect(rows).toHaveLength(3);
    expect(getSignatureCount({ caseId: testCase.id })).toBe(1);
  });
});

/** Rows another connection sees: what the outbox worker (its own connection) would find when woken. */
function visibleElsewhere(caseId: string) {
  const other = new Database(databaseFile(), { readonly: true });
  try {
    const count = (status: string) =>
      (other.prepare("select count(*) as n from signatures where case_id = ? and status = ?").get(caseId, status) as { n: number }).n;
    return { pending: count("pending"), confirmed: count("confirmed") };
  } finally {
    other.close();
  }
}

describe("signing and confirming in a group commit (the POSTs' path)", () => {
  it("stores every signature of a burst, queues each confirmation, and wakes the outbox only after the commit", async () => {
    const testCase = createTestCase({ targets: [{}, {}] });
    const emails = Array.from({ length: 8 }, () => uniqueEmail("grouped"));
    const seenAtWake: { pending: number; confirmed: number }[] = [];
    onOutboxWake(() => seenAtWake.push(visibleElsewhere(testCase.id)));
    try {
      const inputs = emails.map((email) => {
        const parsed = parseSignForm([["fullName", "Amira Haddad"], ["email", email], ["country", "GB"], ["message", ""]]);
        if (!parsed.ok) throw new Error("the test's form was refused");
        return parsed.data;
      });
      const results = await Promise.all(inputs.map((input) => submitSignatureGrouped({ slug: testCase.slug, input, clientAddress: uniqueClient() })));
      expect(results).toEqual(emails.map(() => ({ ok: true })));
      // one wake per accepted signature, each after the group's commit: the worker finds all of them
      expect(seenAtWake).toEqual(emails.map(() => ({ pending: 8, confirmed: 0 })));
      for (const email of emails) expect(outboxTo(email)).toHaveLength(1);

      const tokens: string[] = [];
      for (const email of emails.slice(0, 3)) tokens.push(await confirmationToken(email));
      seenAtWake.length = 0;
      const confirmed = await Promise.all(tokens.map((token) => confirmSignatureGrouped({ token })));
      expect(confirmed.map((r) => [r.state, r.appealsQueued])).toEqual(tokens.map(() => ["confirmed", 2]));
      expect(seenAtWake).toEqual(tokens.map(() => ({ pending: 5, confirmed: 3 })));
      expect(appealsOf(testCase.id)).toHaveLength(6);
    } finally {
      onOutboxWake(undefined);
    }
  });
});
