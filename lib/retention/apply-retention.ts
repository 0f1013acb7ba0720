import "server-only";
import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db/client";
import { appeals, erasureRequests, mailboxMessages, outbox, printRuns, signatureOffers, signatures } from "@/db/schema";
import { retentionPeriods } from "./periods";
import { redactedOutboxFields, SUPPORTER_LINK_KINDS } from "./redaction";

export type RetentionCounts = {
  /** pending signatures whose link expired more than RETAIN_PENDING_DAYS ago: deleted, with their offers */
  pendingSignatures: number;
  /** offers (what was typed for an address with a pending signature) past their link + the same grace: deleted */
  offers: number;
  /** sent or failed outbox rows past their period: bodies, reply-to, sender name and a supporter's address emptied */
  outboxRedacted: number;
  /** letters delivered (sent, faxed, or in a print run marked posted) or failed past RETAIN_LETTER_DAYS: body emptied */
  appealsRedacted: number;
  /** built-in mailbox copies older than RETAIN_MAILBOX_DAYS: deleted */
  mailboxMessages: number;
  /** erasure requests whose link expired: deleted (they hold the address asked about) */
  erasureRequests: number;
};

const DAY_MS = 86_400_000;
// One transaction per rule and batch stays a few milliseconds: a backlog of thousands is worked off over many
// short write locks, with requests served in between, never one long one.
const DEFAULT_BATCH = 200;

const emptyCounts = (): RetentionCounts => ({ pendingSignatures: 0, offers: 0, outboxRedacted: 0, appealsRedacted: 0, mailboxMessages: 0, erasureRequests: 0 });

/**
 * One batch of every retention rule, each in its own short write transaction. Returns what it did and whether
 * any rule filled its batch (there may be more). Periods come from the settings (lib/retention/periods.ts), so
 * /about states exactly what this does.
 */
export function applyRetentionBatch({ now = new Date(), batchSize = DEFAULT_BATCH }: { now?: Date; batchSize?: number } = {}): {
  counts: RetentionCounts;
  more: boolean;
} {
  const periods = retentionPeriods();
  const pendingCutoff = new Date(now.getTime() - periods.pendingDays * DAY_MS);
  const letterCutoff = now.getTime() - periods.letterDays * DAY_MS;
  // mail that only carried a confirmation or sign-in link is useless once the link is: it goes with the pending
  // signature it was about (link lifetime + the pending grace), not a month later
  const linkMailCutoff = now.getTime() - periods.confirmLinkHours * 3_600_000 - periods.pendingDays * DAY_MS;
  const mailboxCutoff = new Date(now.getTime() - periods.mailboxDays * DAY_MS);
  const counts = emptyCounts();

  counts.pendingSignatures = writeTransaction((tx) => {
    const ids = tx
      .select({ id: signatures.id })
      .from(signatures)
      .where(and(eq(signatures.status, "pending"), lt(signatures.tokenExpiresAt, pendingCutoff)))
      .limit(batchSize)
      .all()
      .map((r) => r.id);
    if (ids.length === 0) return 0;
    // signature_offers go with them (ON DELETE CASCADE); a pending signature has no appeals or reports
    return tx.delete(signatures).where(and(inArray(signatures.id, ids), eq(signatures.status, "pending"))).run().changes;
  });

  counts.offers = writeTransaction((tx) => {
    const ids = tx
      .select({ id: signatureOffers.id })
      .from(signatureOffers)
      .where(lt(signatureOffers.tokenExpiresAt, pendingCutoff))
      .limit(batchSize)
      .all()
      .map((r) => r.id);
    return ids.length === 0 ? 0 : tx.delete(signatureOffers).where(inArray(signatureOffers.id, ids)).run().changes;
  });

  const outboxDone = writeTransaction((tx) => {
    const linkKinds = sql.join(SUPPORTER_LINK_KINDS.map((k) => sql`${k}`), sql`, `);
    // failed rows have no sent_at: their last attempt (next_attempt_at is when it was made) starts the period
    const rows = tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          isNull(outbox.redactedAt),
          inArray(outbox.status, ["sent", "failed"]),
          sql`coalesce(${outbox.sentAt}, ${outbox.nextAttemptAt}) < case when ${outbox.kind} in (${linkKinds}) then ${linkMailCutoff} else ${letterCutoff} end`,
        ),
      )
      .limit(batchSize)
      .all();
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return { outbox: 0, appeals: 0 };
    const redacted = tx.update(outbox).set(redactedOutboxFields(now)).where(inArray(outbox.id, ids)).run().changes;
    // the letter behind an emailed or faxed appeal goes with its outbox row
    const letters = tx
      .update(appeals)
      .set({ body: "", redactedAt: now })
      .where(and(inArray(appeals.outboxId, ids), isNull(appeals.redactedAt)))
      .run().changes;
    return { outbox: redacted, appeals: letters };
  });
  counts.outboxRedacted = outboxDone.outbox;

  const posted = writeTransaction((tx) => {
    const ids = tx
      .select({ id: appeals.id })
      .from(appeals)
      .innerJoin(printRuns, eq(printRuns.id, appeals.printRunId))
      .where(and(isNull(appeals.redactedAt), lt(printRuns.postedAt, new Date(letterCutoff))))
      .limit(batchSize)
      .all()
      .map((r) => r.id);
    return ids.length === 0 ? 0 : tx.update(appeals).set({ body: "", redactedAt: now }).where(inArray(appeals.id, ids)).run().changes;
  });
  counts.appealsRedacted = outboxDone.appeals + posted;

  counts.mailboxMessages = writeTransaction((tx) => {
    const ids = tx
      .select({ id: mailboxMessages.id })
      .from(mailboxMessages)
      .where(lt(mailboxMessages.createdAt, mailboxCutoff))
      .limit(batchSize)
      .all()
      .map((r) => r.id);
    return ids.length === 0 ? 0 : tx.delete(mailboxMessages).where(inArray(mailboxMessages.id, ids)).run().changes;
  });

  counts.erasureRequests = writeTransaction((tx) => tx.delete(erasureRequests).where(lt(erasureRequests.expiresAt, now)).run().changes);

  const more = [counts.pendingSignatures, counts.offers, counts.outboxRedacted, posted, counts.mailboxMessages].some((n) => n >= batchSize);
  return { counts, more };
}

/** Moves the write-ahead log into the database file and empties it: with secure_delete on, the database file no
 * longer holds what was deleted, but the old page images in the -wal file would until the log wraps round. */
export function checkpointDatabase(): void {
  getDb().all(sql`pragma wal_checkpoint(TRUNCATE)`);
}

const sumCounts = (a: RetentionCounts, b: RetentionCounts): RetentionCounts =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v + b[k as keyof RetentionCounts]])) as RetentionCounts;

/**
 * The retention job, run on the server's 30 s timer (lib/server-process.ts): batches until nothing is left or
 * `maxBatches` have run, yielding to the event loop between batches so requests are served in between, then a
 * checkpoint when anything changed so the deleted text leaves the -wal file too.
 */
export async function runRetention({ now = new Date(), batchSize = DEFAULT_BATCH, maxBatches = 50 }: { now?: Date; batchSize?: number; maxBatches?: number } = {}): Promise<RetentionCounts> {
  let total = emptyCounts();
  for (let batch = 0; batch < maxBatches; batch++) {
    const { counts, more } = applyRetentionBatch({ now, batchSize });
    total = sumCounts(total, counts);
    if (!more) break;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (Object.values(total).some((n) => n > 0)) checkpointDatabase();
  return total;
}
