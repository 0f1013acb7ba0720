import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { writeTransaction, type Db } from "@/db/client";
import { appeals, cases, digests, signatures, targets } from "@/db/schema";
import { isOpenForSignatures } from "../cases/queries";
import { newId } from "../security/secret";
import { officialTimeZone } from "../targets/time-zone";
import { localDay, nextDigestSend, PREPARE_AHEAD_MS } from "./schedule";

// Letters waiting for a digest: email, no outbox row, no digest yet. Only digest mode writes such letters
// (lib/digests/digest-rule.ts); one left waiting when the official was switched back to "each" is still taken.
const waiting = and(eq(appeals.channel, "email"), isNull(appeals.outboxId), isNull(appeals.digestId));

type Group = { targetId: string; caseId: string; address: string };

/** Official addresses with letters waiting, with what their schedule needs. */
function waitingGroups(tx: Db, caseId?: string) {
  return tx
    .selectDistinct({
      targetId: appeals.targetId,
      caseId: appeals.caseId,
      address: sql<string>`lower(${appeals.deliveryAddress})`,
      country: targets.country,
      timeZone: targets.timeZone,
      deliveryMode: targets.deliveryMode,
      digestHour: targets.digestHour,
      digestFormat: targets.digestFormat,
      state: cases.state,
      actBefore: cases.actBefore,
    })
    .from(appeals)
    .innerJoin(targets, eq(targets.id, appeals.targetId))
    .innerJoin(cases, eq(cases.id, appeals.caseId))
    .where(and(waiting, caseId ? eq(appeals.caseId, caseId) : undefined))
    .all();
}

/**
 * Makes one digest of `group`'s waiting letters, in the caller's transaction: the row is inserted (the unique
 * index on target, address, day and sequence makes a second preparation of the same one insert nothing), then
 * every letter waiting at this moment is attached in one guarded update (digest_id is null). A letter confirmed
 * after this transaction waits for the next digest; none can be in two. No letters: no digest.
 */
export function prepareDigest(
  tx: Db,
  { group, day, sequence, sendAt, format, preparedBy = null, now }: { group: Group; day: string; sequence: number; sendAt: Date; format: "inline" | "pdf"; preparedBy?: string | null; now: Date },
): string | null {
  const id = newId();
  const inserted = tx
    .insert(digests)
    .values({ id, caseId: group.caseId, targetId: group.targetId, address: group.address, day, sequence, format, sendAt, preparedBy, preparedAt: now })
    .onConflictDoNothing()
    .run();
  if (inserted.changes === 0) return null;
  const attached = tx
    .update(appeals)
    .set({ digestId: id })
    .where(and(waiting, eq(appeals.targetId, group.targetId), eq(sql`lower(${appeals.deliveryAddress})`, group.address)))
    .run();
  if (attached.changes === 0) {
    tx.delete(digests).where(eq(digests.id, id)).run();
    return null;
  }
  refreshDigestCounts(tx, id);
  return id;
}

/** Letter and country counts of a digest, from the letters attached to it that still go by email. */
export function refreshDigestCounts(tx: Db, digestId: string): { letterCount: number; countryCount: number } {
  const counts = tx
    .select({ letterCount: sql<number>`count(*)`, countryCount: sql<number>`count(distinct ${signatures.country})` })
    .from(appeals)
    .innerJoin(signatures, eq(signatures.id, appeals.signatureId))
    .where(and(eq(appeals.digestId, digestId), eq(appeals.channel, "email")))
    .get() ?? { letterCount: 0, countryCount: 0 };
  tx.update(digests).set(counts).where(eq(digests.id, digestId)).run();
  return counts;
}

function nextSequence(tx: Db, group: Group, day: string): number {
  const row = tx
    .select({ n: sql<number | null>`max(${digests.sequence})` })
    .from(digests)
    .where(and(eq(digests.targetId, group.targetId), eq(digests.address, group.address), eq(digests.day, day)))
    .get();
  return row?.n === null || row?.n === undefined ? 0 : row.n + 1;
}

/**
 * The timer's part (lib/server-process.ts): for each official address with letters waiting, prepares the day's
 * digest once its hour is less than PREPARE_AHEAD_MS away, unless that day already has one (a digest staff
 * prepared early is the day's digest). An official switched back to "each" gets what still waits at once.
 * A closed case (or one past its deadline) sends nothing: its waiting letters end "failed" in the outbox with the
 * reason, as a queued letter of a closed case does.
 */
export function prepareDueDigests({ now = new Date() }: { now?: Date } = {}): string[] {
  return writeTransaction((tx) => {
    const made: string[] = [];
    for (const g of waitingGroups(tx)) {
      // a closed case's letters are gathered at once and "sent" to the outbox, which fails them with the reason and
      // sends nothing (deliverRow), as it does a queued letter of a closed case; the retention job then empties them
      const open = isOpenForSignatures(g, now);
      const sendAt = open && g.deliveryMode === "digest" ? nextDigestSend(now, g.digestHour, officialTimeZone(g)) : now;
      if (sendAt.getTime() - now.getTime() > PREPARE_AHEAD_MS) continue;
      const day = localDay(sendAt, officialTimeZone(g));
      const sequence = nextSequence(tx, g, day);
      if (open && g.deliveryMode === "digest" && sequence > 0) continue;
      const id = prepareDigest(tx, { group: g, day, sequence, sendAt, format: g.digestFormat, now });
      if (id) made.push(id);
    }
    return made;
  });
}

/** Staff's "Prepare now": every official of the case with letters waiting gets a digest now, sent at their next
 * hour (or at once with "Send now"). Returns the digests made. */
export function prepareCaseDigestsNow({ caseId, actorId, now = new Date() }: { caseId: string; actorId: string; now?: Date }): string[] {
  return writeTransaction((tx) => {
    const made: string[] = [];
    for (const g of waitingGroups(tx, caseId)) {
      const tz = officialTimeZone(g);
      const sendAt = g.deliveryMode === "digest" ? nextDigestSend(now, g.digestHour, tz) : now;
      const day = localDay(sendAt, tz);
      const id = prepareDigest(tx, { group: g, day, sequence: nextSequence(tx, g, day), sendAt, format: g.digestFormat, preparedBy: actorId, now });
      if (id) made.push(id);
    }
    return made;
  });
}

/** Letters of a case waiting for a digest, per official address (for the admin page). */
export function countWaitingForDigest({ caseId, db }: { caseId: string; db: Db }): { targetId: string; address: string; letters: number }[] {
  return db
    .select({ targetId: appeals.targetId, address: sql<string>`lower(${appeals.deliveryAddress})`, letters: sql<number>`count(*)` })
    .from(appeals)
    .where(and(waiting, eq(appeals.caseId, caseId)))
    .groupBy(appeals.targetId, sql`lower(${appeals.deliveryAddress})`)
    .all();
}
