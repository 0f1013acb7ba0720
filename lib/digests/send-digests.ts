import "server-only";
import { and, asc, eq, lte } from "drizzle-orm";
import { getDb, writeTransaction, type Db } from "@/db/client";
import { appeals, digests } from "@/db/schema";
import { env } from "../env";
import { enqueueMessage, wakeOutbox } from "../outbox/enqueue-message";
import { renderDigestMessage } from "./render-digest";

export type QueueDigestResult = "queued" | "empty" | "not-prepared";

/** The Message-ID of a digest: one per digest, so the outbox's unique index refuses a second row for it. */
export function digestMessageId(digestId: string): string {
  return `<digest-${digestId}@${env().mailDomain}>`;
}

/**
 * Puts a prepared digest in the outbox, in the caller's transaction: the guarded update (prepared → queued) lets
 * one caller through however many workers or staff press at once, and the outbox row it writes carries the
 * digest's own Message-ID. From then on the outbox sends it once (lease, status guards), with VERP and DKIM like
 * every message; its letters point at that row (appeals.outbox_id), so they count as emailed when it is sent,
 * and as bounced or failed with it.
 */
export function queueDigest(tx: Db, { digestId, now }: { digestId: string; now: Date }): QueueDigestResult {
  const claimed = tx
    .update(digests)
    .set({ status: "queued", queuedAt: now })
    .where(and(eq(digests.id, digestId), eq(digests.status, "prepared")))
    .run();
  if (claimed.changes === 0) return "not-prepared";
  const message = renderDigestMessage(tx, digestId);
  if (!message || message.letterCount === 0) {
    // every letter went another way since it was prepared (the address bounced and they went by post)
    tx.update(digests).set({ status: "empty", letterCount: 0, countryCount: 0 }).where(eq(digests.id, digestId)).run();
    return "empty";
  }
  const outboxId = enqueueMessage(
    tx,
    {
      kind: "digest",
      to: message.to,
      // one message from many supporters: replies go to the organisation, never to any one of them
      replyTo: env().REPLY_TO ?? null,
      subject: message.subject,
      text: message.text,
      messageId: digestMessageId(digestId),
    },
    now,
  );
  tx.update(appeals).set({ outboxId }).where(and(eq(appeals.digestId, digestId), eq(appeals.channel, "email"))).run();
  tx.update(digests)
    .set({ outboxId, letterCount: message.letterCount, countryCount: message.countryCount })
    .where(eq(digests.id, digestId))
    .run();
  return "queued";
}

/** The timer's part: every prepared digest whose hour has come goes to the outbox. A digest prepared before a
 * crash or restart is still "prepared" in the database and goes on the next tick. */
export function sendDueDigests({ now = new Date() }: { now?: Date } = {}): number {
  const due = getDb()
    .select({ id: digests.id })
    .from(digests)
    .where(and(eq(digests.status, "prepared"), lte(digests.sendAt, now)))
    .orderBy(asc(digests.sendAt))
    .all();
  let queued = 0;
  for (const { id } of due) {
    if (writeTransaction((tx) => queueDigest(tx, { digestId: id, now })) === "queued") queued++;
  }
  if (queued > 0) wakeOutbox();
  return queued;
}

/** Staff's "Send now" on one prepared digest of one case. */
export function sendDigestNow({ caseId, digestId, now = new Date() }: { caseId: string; digestId: string; now?: Date }): QueueDigestResult {
  const result = writeTransaction((tx) => {
    const found = tx.select({ id: digests.id }).from(digests).where(and(eq(digests.id, digestId), eq(digests.caseId, caseId))).get();
    return found ? queueDigest(tx, { digestId, now }) : "not-prepared";
  });
  if (result === "queued") wakeOutbox();
  return result;
}
