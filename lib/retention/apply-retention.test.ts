// The retention job against a real SQLite file: each rule with a `now` before and past its period.
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appeals, erasureRequests, mailboxMessages, outbox, printRuns, signatureOffers, signatures } from "@/db/schema";
import { createTestAppeal } from "@/tests/support/appeals";
import { createTestCase } from "@/tests/support/factories";
import { createPendingSignature } from "@/tests/support/supporter-factories";
import { setEnv, useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { getDeliveryCounts } from "../appeals/delivery-counts";
import { enqueueMessage } from "../outbox/enqueue-message";
import { writeTransaction } from "@/db/client";
import { runRetention } from "./apply-retention";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase({ APP_URL: "https://appeals.example.org" });
});
afterAll(() => database.close());

const DAY = 86_400_000;
const at = (base: Date, days: number) => new Date(base.getTime() + days * DAY);

function insertOffer({ signatureId, expiresAt }: { signatureId: string; expiresAt: Date }): string {
  const id = crypto.randomUUID();
  getDb()
    .insert(signatureOffers)
    .values({ id, signatureId, fullName: "Someone Else", email: "x@supporters.example.net", country: "GB", tokenHash: crypto.randomUUID(), tokenExpiresAt: expiresAt, createdAt: expiresAt })
    .run();
  return id;
}

describe("runRetention: pending signatures", () => {
  it("deletes a pending signature (and its offers) only once its link expired more than RETAIN_PENDING_DAYS ago", async () => {
    const theCase = createTestCase();
    const pending = createPendingSignature({ caseId: theCase.id, fullName: "Pending Person" });
    const expiry = getDb().select().from(signatures).where(eq(signatures.id, pending.signatureId)).get()!.tokenExpiresAt;
    const offerId = insertOffer({ signatureId: pending.signatureId, expiresAt: at(expiry, 30) });

    await runRetention({ now: at(expiry, 7 - 0.01) });
    expect(getDb().select().from(signatures).where(eq(signatures.id, pending.signatureId)).get()).toBeDefined();

    const done = await runRetention({ now: at(expiry, 7.01) });
    expect(done.pendingSignatures).toBeGreaterThanOrEqual(1);
    expect(getDb().select().from(signatures).where(eq(signatures.id, pending.signatureId)).get()).toBeUndefined();
    expect(getDb().select().from(signatureOffers).where(eq(signatureOffers.id, offerId)).get()).toBeUndefined();
  });

  it("never deletes a confirmed signature, however old", async () => {
    const theCase = createTestCase();
    const { signatureId } = createTestAppeal({ caseId: theCase.id, targetId: theCase.targets[0]!.id, channel: "email", outboxStatus: "sent", createdAt: at(new Date(), -400) });
    await runRetention({ now: at(new Date(), 400) });
    expect(getDb().select().from(signatures).where(eq(signatures.id, signatureId)).get()?.status).toBe("confirmed");
  });

  it("deletes an expired offer after the same grace, while its pending signature is still live", async () => {
    const theCase = createTestCase();
    const pending = createPendingSignature({ caseId: theCase.id });
    const now = new Date();
    const old = insertOffer({ signatureId: pending.signatureId, expiresAt: at(now, -7.5) });
    const recent = insertOffer({ signatureId: pending.signatureId, expiresAt: at(now, -6.5) });
    await runRetention({ now });
    expect(getDb().select().from(signatureOffers).where(eq(signatureOffers.id, old)).get()).toBeUndefined();
    expect(getDb().select().from(signatureOffers).where(eq(signatureOffers.id, recent)).get()).toBeDefined();
    expect(getDb().select().from(signatures).where(eq(signatures.id, pending.signatureId)).get()).toBeDefined();
  });
});

describe("runRetention: letters and the outbox", () => {
  it("empties sent and failed letters RETAIN_LETTER_DAYS after delivery, keeping what counts", async () => {
    const theCase = createTestCase();
    const sentAt = new Date();
    const [target] = theCase.targets;
    const sent = createTestAppeal({ caseId: theCase.id, targetId: target!.id, channel: "email", outboxStatus: "sent", body: "Dear Minister, from Ottoline Brackenbury", createdAt: sentAt });
    const failed = createTestAppeal({ caseId: theCase.id, targetId: target!.id, channel: "email", outboxStatus: "failed", createdAt: sentAt });
    const queued = createTestAppeal({ caseId: theCase.id, targetId: target!.id, channel: "email", outboxStatus: "queued", createdAt: sentAt });
    getDb().update(outbox).set({ fromName: "Ottoline Brackenbury via Vigil", replyTo: "ottoline@supporters.example.net" }).where(eq(outbox.id, sent.outboxId!)).run();
    const countsBefore = getDeliveryCounts({ caseId: theCase.id });

    await runRetention({ now: at(sentAt, 29.9) });
    expect(getDb().select().from(appeals).where(eq(appeals.id, sent.appealId)).get()?.body).toContain("Ottoline");

    await runRetention({ now: at(sentAt, 30.1) });
    for (const { appealId, outboxId } of [sent, failed]) {
      const letter = getDb().select().from(appeals).where(eq(appeals.id, appealId)).get()!;
      expect(letter.body).toBe("");
      expect(letter.redactedAt).not.toBeNull();
      const row = getDb().select().from(outbox).where(eq(outbox.id, outboxId!)).get()!;
      expect(row).toMatchObject({ textBody: "", htmlBody: null, replyTo: null, fromName: null, headers: null });
      // the official's address stays: staff need to see where the letter went
      expect(row.toAddress).toMatch(/@example\.org$/);
    }
    expect(getDb().select().from(outbox).where(eq(outbox.id, sent.outboxId!)).get()?.status).toBe("sent");
    // a letter still waiting to go keeps its text
    expect(getDb().select().from(appeals).where(eq(appeals.id, queued.appealId)).get()?.body).not.toBe("");
    expect(getDeliveryCounts({ caseId: theCase.id })).toEqual(countsBefore);
  });

  it("empties post letters RETAIN_LETTER_DAYS after their print run was marked posted, not while it waits", async () => {
    const theCase = createTestCase({ targets: [{ email: null }] });
    const postedAt = new Date();
    const inPosted = createTestAppeal({ caseId: theCase.id, targetId: theCase.targets[0]!.id, channel: "post" });
    const inUnposted = createTestAppeal({ caseId: theCase.id, targetId: theCase.targets[0]!.id, channel: "post" });
    const postedRun = crypto.randomUUID();
    const openRun = crypto.randomUUID();
    getDb()
      .insert(printRuns)
      .values([
        { id: postedRun, caseId: theCase.id, createdAt: postedAt, letterCount: 1, postedOn: postedAt.toISOString().slice(0, 10), postedAt },
        { id: openRun, caseId: theCase.id, createdAt: postedAt, letterCount: 1 },
      ])
      .run();
    getDb().update(appeals).set({ printRunId: postedRun }).where(eq(appeals.id, inPosted.appealId)).run();
    getDb().update(appeals).set({ printRunId: openRun }).where(eq(appeals.id, inUnposted.appealId)).run();
    const countsBefore = getDeliveryCounts({ caseId: theCase.id });

    await runRetention({ now: at(postedAt, 29) });
    expect(getDb().select().from(appeals).where(eq(appeals.id, inPosted.appealId)).get()?.body).not.toBe("");
    await runRetention({ now: at(postedAt, 31) });
    expect(getDb().select().from(appeals).where(eq(appeals.id, inPosted.appealId)).get()?.body).toBe("");
    expect(getDb().select().from(appeals).where(eq(appeals.id, inUnposted.appealId)).get()?.body).not.toBe("");
    expect(getDeliveryCounts({ caseId: theCase.id })).toEqual(countsBefore);
  });

  it("empties a sent confirmation, address included, once its link expired more than RETAIN_PENDING_DAYS ago", async () => {
    const sentAt = new Date();
    const id = writeTransaction((tx) =>
      enqueueMessage(tx, { kind: "confirmation", to: "hester@supporters.example.net", subject: "Please confirm", text: "Thank you, Hester Wolstenholme." }, sentAt),
    );
    getDb().update(outbox).set({ status: "sent", sentAt }).where(eq(outbox.id, id)).run();
    // CONFIRM_TOKEN_TTL_HOURS (72) + 7 days
    await runRetention({ now: at(sentAt, 3 + 6.9) });
    expect(getDb().select().from(outbox).where(eq(outbox.id, id)).get()?.toAddress).toBe("hester@supporters.example.net");
    await runRetention({ now: at(sentAt, 3 + 7.1) });
    expect(getDb().select().from(outbox).where(eq(outbox.id, id)).get()).toMatchObject({ toAddress: "", textBody: "", status: "sent" });
  });

  it("follows RETAIN_LETTER_DAYS as configured", async () => {
    const restore = setEnv({ RETAIN_LETTER_DAYS: "3" });
    try {
      const theCase = createTestCase();
      const sentAt = new Date();
      const sent = createTestAppeal({ caseId: theCase.id, targetId: theCase.targets[0]!.id, channel: "email", outboxStatus: "sent", createdAt: sentAt });
      await runRetention({ now: at(sentAt, 2.9) });
      expect(getDb().select().from(appeals).where(eq(appeals.id, sent.appealId)).get()?.body).not.toBe("");
      await runRetention({ now: at(sentAt, 3.1) });
      expect(getDb().select().from(appeals).where(eq(appeals.id, sent.appealId)).get()?.body).toBe("");
    } finally {
      restore();
    }
  });
});

describe("runRetention: mailbox and erasure requests", () => {
  it("deletes built-in mailbox copies after RETAIN_MAILBOX_DAYS", async () => {
    const createdAt = new Date();
    const id = crypto.randomUUID();
    getDb().insert(mailboxMessages).values({ id, messageId: `<${id}@x>`, toAddress: "a@supporters.example.net", subject: "s", raw: "raw", createdAt }).run();
    await runRetention({ now: at(createdAt, 1.9) });
    expect(getDb().select().from(mailboxMessages).where(eq(mailboxMessages.id, id)).get()).toBeDefined();
    await runRetention({ now: at(createdAt, 2.1) });
    expect(getDb().select().from(mailboxMessages).where(eq(mailboxMessages.id, id)).get()).toBeUndefined();
  });

  it("deletes erasure requests once their link expired", async () => {
    const now = new Date();
    const id = crypto.randomUUID();
    getDb().insert(erasureRequests).values({ id, emailNormalized: "a@x.example", email: "a@x.example", tokenHash: id, expiresAt: at(now, 1), createdAt: now }).run();
    await runRetention({ now: at(now, 0.9) });
    expect(getDb().select().from(erasureRequests).where(eq(erasureRequests.id, id)).get()).toBeDefined();
    await runRetention({ now: at(now, 1.1) });
    expect(getDb().select().from(erasureRequests).where(eq(erasureRequests.id, id)).get()).toBeUndefined();
  });

  it("works off a backlog larger than one batch in one run", async () => {
    const theCase = createTestCase();
    const ids = Array.from({ length: 25 }, () => createPendingSignature({ caseId: theCase.id }).signatureId);
    await runRetention({ now: at(new Date(), 8), batchSize: 10 });
    for (const id of ids) expect(getDb().select().from(signatures).where(eq(signatures.id, id)).get()).toBeUndefined();
  });
});
