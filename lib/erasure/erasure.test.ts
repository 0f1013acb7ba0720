// Erasure against a real SQLite file and a real SMTP server: request → mail → link → confirm, and by an admin.
import fs from "node:fs";
import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseFile, getDb } from "@/db/client";
import { appeals, auditLog, erasureRequests, mailboxMessages, outbox, signatureOffers, signatures } from "@/db/schema";
import { createTestCase } from "@/tests/support/factories";
import { startSmtpCapture, type SmtpCapture } from "@/tests/support/smtp-capture";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { getDeliveryCounts } from "../appeals/delivery-counts";
import { inviteUser } from "../auth/commands/invite-user";
import { getSignatureCount } from "../cases/queries";
import { getCountsByCountryForCase } from "../dashboard/queries";
import { deliverDue } from "../outbox/deliver-outbox";
import { confirmSignature } from "../signatures/confirm-signature";
import { parseSignForm } from "../signatures/schemas";
import { submitSignature } from "../signatures/submit-signature";
import { confirmErasure, getErasureByToken } from "./confirm-erasure";
import { CANCELLED_BY_ERASURE, eraseSupporter } from "./erase-supporter";
import { requestErasure } from "./request-erasure";

const APP_URL = "https://appeals.example.org";
let capture: SmtpCapture;
let database: TestDatabase;

beforeAll(async () => {
  capture = await startSmtpCapture();
  database = await useTestDatabase({ SMTP_URL: capture.url, APP_URL });
});
afterAll(async () => {
  await database?.close();
  await capture?.close();
});

let counter = 0;
const client = () => `198.51.100.${++counter % 250}-${crypto.randomUUID()}`;

async function deliverAll() {
  for (let pass = 0; pass < 20; pass++) {
    const tally = await deliverDue();
    if (tally.sent + tally.retry + tally.failed + tally["lost-lease"] === 0) return;
  }
  throw new Error("the outbox did not drain");
}

const linkIn = (text: string, path: string) => new RegExp(`${APP_URL}/en/${path}/([A-Za-z0-9_-]+)`).exec(text)?.[1];

/** Signs through the form's parser and command; returns the confirmation token from the queued mail. */
function sign({ slug, email, fullName, message = "", follow = false, allowReply = false }: { slug: string; email: string; fullName: string; message?: string; follow?: boolean; allowReply?: boolean }) {
  const fields: [string, string][] = [["fullName", fullName], ["email", email], ["country", "NO"], ["message", message]];
  if (follow) fields.push(["followUpdates", "on"]);
  if (allowReply) fields.push(["allowReply", "on"]);
  const parsed = parseSignForm(fields);
  if (!parsed.ok) throw new Error("the test's form was refused");
  expect(submitSignature({ slug, input: parsed.data, clientAddress: client() })).toEqual({ ok: true });
  const rows = getDb().select().from(outbox).where(eq(outbox.toAddress, email)).all();
  const token = rows.map((r) => linkIn(r.textBody, "confirm")).findLast(Boolean);
  if (!token) throw new Error("no confirmation queued");
  return token;
}

function fileBytes(): Buffer {
  getDb().all(sql`pragma wal_checkpoint(TRUNCATE)`);
  const file = databaseFile();
  return Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

/** Every text column of every row that could hold a person's details, as one string per row. */
function rowsMentioning(needle: string): string[] {
  const lowered = needle.toLowerCase();
  const tables = [signatures, signatureOffers, outbox, appeals, mailboxMessages, erasureRequests, auditLog];
  return tables.flatMap((t) => getDb().select().from(t).all().map((r) => JSON.stringify(r))).filter((s) => s.toLowerCase().includes(lowered));
}

describe("erasure by email link", () => {
  it("mails a one-time link; confirming removes the person from every case, keeps every count, cancels unsent letters", async () => {
    const sent = createTestCase();
    const waiting = createTestCase();
    const byPost = createTestCase({ targets: [{ email: null }] });
    const pendingCase = createTestCase();
    const email = `Wilhelmina.Featherstonehaugh-${crypto.randomUUID().slice(0, 6)}@Supporters.example.net`;
    const name = "Wilhelmina Featherstonehaugh";
    const message = "Kaleidoscope porcupine orchestra";

    confirmSignature({ token: sign({ slug: sent.slug, email, fullName: name, message, follow: true, allowReply: true }) });

    // the request: mailed to the address as typed, with the link
    expect(requestErasure({ email: email.toUpperCase(), clientAddress: client() })).toEqual({ ok: true });
    await deliverAll();
    const erasureMail = capture.messages.find((m) => m.subject.startsWith("Erase your details") && m.envelope.rcptTo.some((r) => r.toLowerCase() === email.toLowerCase()))!;
    expect(erasureMail).toBeDefined();
    const token = linkIn(erasureMail.text, "erase");
    expect(token).toBeDefined();
    // only the token's hash is stored
    expect(getDb().select().from(erasureRequests).all().some((r) => r.tokenHash === token)).toBe(false);

    // before they open it, more signatures: one whose letters are still queued, one by post, one pending
    confirmSignature({ token: sign({ slug: waiting.slug, email: email.toLowerCase(), fullName: name, message }) });
    confirmSignature({ token: sign({ slug: byPost.slug, email, fullName: name }) });
    sign({ slug: pendingCase.slug, email, fullName: name });
    const stillQueued = getDb()
      .select({ id: outbox.id })
      .from(outbox)
      .innerJoin(appeals, eq(appeals.outboxId, outbox.id))
      .where(sql`${appeals.caseId} = ${waiting.id} and ${outbox.status} = 'queued'`)
      .all();
    expect(stillQueued.length).toBe(2);

    const countsBefore = [sent, waiting, byPost].map((c) => ({ n: getSignatureCount({ caseId: c.id }), byCountry: getCountsByCountryForCase({ caseId: c.id }), delivery: getDeliveryCounts({ caseId: c.id }) }));

    const lookup = getErasureByToken({ token: token! });
    expect(lookup).toEqual({ state: "ready", preview: { confirmed: 3, pending: 1, unsentLetters: stillQueued.length + 1, following: 1 } });

    const result = confirmErasure({ token: token! });
    expect(result.state).toBe("erased");
    if (result.state !== "erased") return;
    expect(result.counts).toMatchObject({ signaturesErased: 3, pendingDeleted: 1, lettersCancelled: stillQueued.length + 1 });

    // no row holds the address, the name or the message, in any spelling
    expect(rowsMentioning(email)).toEqual([]);
    expect(rowsMentioning("Featherstonehaugh")).toEqual([]);
    expect(rowsMentioning(message)).toEqual([]);
    const bytes = fileBytes();
    expect(bytes.includes("Featherstonehaugh")).toBe(false);
    expect(bytes.includes(message)).toBe(false);

    // unsent letters cancelled, with the reason, and never sent afterwards
    for (const { id } of stillQueued) expect(getDb().select().from(outbox).where(eq(outbox.id, id)).get()).toMatchObject({ status: "failed", lastError: CANCELLED_BY_ERASURE });
    expect(getDb().select().from(appeals).where(eq(appeals.caseId, byPost.id)).all()).toEqual([]);
    const before = capture.messages.length;
    await deliverAll();
    expect(capture.messages.slice(before).filter((m) => m.text.includes(name))).toEqual([]);

    // counts unchanged; letters not yet sent stop counting as waiting, the ones delivered stay delivered
    const countsAfter = [sent, waiting, byPost].map((c) => ({ n: getSignatureCount({ caseId: c.id }), byCountry: getCountsByCountryForCase({ caseId: c.id }), delivery: getDeliveryCounts({ caseId: c.id }) }));
    expect(countsAfter.map((c) => c.n)).toEqual(countsBefore.map((c) => c.n));
    expect(countsAfter.map((c) => c.byCountry)).toEqual(countsBefore.map((c) => c.byCountry));
    expect(countsAfter[0]!.delivery).toEqual(countsBefore[0]!.delivery);
    expect(countsAfter[2]!.delivery.waitingForPost).toBe(0);

    // no more updates: the signature no longer follows
    const kept = getDb().select().from(signatures).where(eq(signatures.caseId, sent.id)).get()!;
    expect(kept).toMatchObject({ status: "confirmed", fullName: "", message: null, followUpdates: false, allowReply: false, country: "NO" });
    expect(kept.email).toMatch(/@erased\.invalid$/);

    // the link works once
    expect(confirmErasure({ token: token! })).toEqual({ state: "invalid" });
    expect(getErasureByToken({ token: token! })).toEqual({ state: "invalid" });

    // audited with counts, never the address
    const audit = getDb().select().from(auditLog).where(eq(auditLog.action, "supporter.erase")).all();
    expect(audit.length).toBe(1);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ via: "link", signaturesErased: 3 });

    // the person can sign again, as anyone can
    sign({ slug: sent.slug, email, fullName: name });
  });

  it("an expired link is refused", async () => {
    const email = `expired-${crypto.randomUUID().slice(0, 6)}@supporters.example.net`;
    const now = new Date();
    requestErasure({ email, clientAddress: client(), now });
    const row = getDb().select().from(outbox).where(eq(outbox.toAddress, email)).get()!;
    const token = linkIn(row.textBody, "erase")!;
    expect(getErasureByToken({ token, now: new Date(now.getTime() + 23 * 3_600_000) }).state).toBe("ready");
    expect(confirmErasure({ token, now: new Date(now.getTime() + 25 * 3_600_000) })).toEqual({ state: "invalid" });
  });

  it("answers the same for an address that signed and one that never did, and does the same work", async () => {
    const theCase = createTestCase();
    const known = `known-${crypto.randomUUID().slice(0, 6)}@supporters.example.net`;
    const unknown = `unknown-${crypto.randomUUID().slice(0, 6)}@supporters.example.net`;
    confirmSignature({ token: sign({ slug: theCase.slug, email: known, fullName: "Known Person" }) });
    const answers = [known, unknown].map((email) => requestErasure({ email, clientAddress: client() }));
    expect(answers[0]).toEqual(answers[1]);
    const queued = [known, unknown].map((email) => getDb().select().from(outbox).where(eq(outbox.toAddress, email)).all().filter((r) => r.kind === "erasure_link"));
    expect(queued.map((rows) => rows.length)).toEqual([1, 1]);
    expect(queued[0]![0]!.subject).toBe(queued[1]![0]!.subject);
    expect(getDb().select().from(erasureRequests).all().filter((r) => r.email === known || r.email === unknown).length).toBe(2);
  });

  it("stops mailing one address after a few requests, and still answers the same", () => {
    const email = `flood-${crypto.randomUUID().slice(0, 6)}@supporters.example.net`;
    const answers = Array.from({ length: 6 }, () => requestErasure({ email, clientAddress: client() }));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(getDb().select().from(outbox).where(eq(outbox.toAddress, email)).all().length).toBe(3);
  });
});

describe("erasure by an admin", () => {
  it("erases by address with the same code, audited with counts and no address", async () => {
    const theCase = createTestCase();
    const email = `admin-erase-${crypto.randomUUID().slice(0, 6)}@supporters.example.net`;
    confirmSignature({ token: sign({ slug: theCase.slug, email, fullName: "Bartholomew Quincewood" }) });
    await deliverAll();
    const count = getSignatureCount({ caseId: theCase.id });
    const { userId } = inviteUser({ email: `admin-${crypto.randomUUID().slice(0, 6)}@staff.example.org`, role: "admin" });

    const counts = eraseSupporter({ email, actorUserId: userId });
    expect(counts.signaturesErased).toBe(1);
    expect(rowsMentioning(email)).toEqual([]);
    expect(rowsMentioning("Quincewood")).toEqual([]);
    expect(getSignatureCount({ caseId: theCase.id })).toBe(count);
    const audit = getDb().select().from(auditLog).where(eq(auditLog.actorUserId, userId)).all();
    expect(audit.map((a) => a.action)).toContain("supporter.erase");
    expect(JSON.stringify(audit)).not.toContain(email);
  });
  it("finds a signature by any spelling of the same mailbox (one person, one count: the canonical address)", async () => {
    const theCase = createTestCase();
    const local = `qu.in.ce${crypto.randomUUID().slice(0, 6)}`;
    const typed = `${local}+ua@googlemail.com`;
    confirmSignature({ token: sign({ slug: theCase.slug, email: typed, fullName: "Philippa Quincewood-Spelling" }) });
    await deliverAll();
    const { userId } = inviteUser({ email: `admin-${crypto.randomUUID().slice(0, 6)}@staff.example.org`, role: "admin" });

    const counts = eraseSupporter({ email: `${local.replaceAll(".", "")}@gmail.com`, actorUserId: userId });
    expect(counts.signaturesErased).toBe(1);
    expect(rowsMentioning(typed)).toEqual([]);
    expect(rowsMentioning("Quincewood-Spelling")).toEqual([]);
  });
});
