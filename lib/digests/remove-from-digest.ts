import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals, digests, outbox } from "@/db/schema";
import { redactedOutboxFields } from "../retention/redaction";
import { renderDigestMessage } from "./render-digest";

/**
 * Takes one supporter's letter out of a digest that is queued but not yet being sent (an erasure): the letter is
 * deleted and the digest's outbox row rewritten from the letters left, so the others still go; with none left the
 * row is cancelled with `reason`. In the caller's write transaction. False when the row is being sent right now
 * (or already went): then the letter stays in it, as a single letter being sent does.
 */
export function removeFromQueuedDigest(tx: Db, { appealId, digestId, reason, now }: { appealId: string; digestId: string; reason: string; now: Date }): boolean {
  const digest = tx.select({ outboxId: digests.outboxId }).from(digests).where(eq(digests.id, digestId)).get();
  if (!digest?.outboxId) return false;
  const row = tx.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, digest.outboxId)).get();
  if (row?.status !== "queued") return false;
  tx.delete(appeals).where(eq(appeals.id, appealId)).run();
  const message = renderDigestMessage(tx, digestId);
  const queued = and(eq(outbox.id, digest.outboxId), eq(outbox.status, "queued"));
  if (!message || message.letterCount === 0) {
    tx.update(outbox).set({ ...redactedOutboxFields(now), status: "failed", lastError: reason, leaseOwner: null, leaseUntil: null }).where(queued).run();
    tx.update(digests).set({ letterCount: 0, countryCount: 0 }).where(eq(digests.id, digestId)).run();
    return true;
  }
  tx.update(outbox).set({ subject: message.subject, textBody: message.text }).where(queued).run();
  tx.update(digests).set({ letterCount: message.letterCount, countryCount: message.countryCount }).where(eq(digests.id, digestId)).run();
  return true;
}
