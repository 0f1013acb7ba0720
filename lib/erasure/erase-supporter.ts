import "server-only";
import { erasedPlaceholderAddress } from "./erased-address";
import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { writeTransaction, type Db } from "@/db/client";
import { appeals, erasureRequests, mailboxMessages, outbox, signatures } from "@/db/schema";
import { removeFromQueuedDigest } from "../digests/remove-from-digest";
import { recordAudit } from "../audit/record-audit";
import { checkpointDatabase } from "../retention/apply-retention";
import { redactedOutboxFields } from "../retention/redaction";
import { hashToken, randomToken } from "../security/secret";
import { findSupporterRows, unsentLetterCondition } from "./find-supporter";
import type { ErasureCounts } from "./schemas";

export const CANCELLED_BY_ERASURE = "Cancelled: the supporter asked for their details to be erased";

/** An address no one has: it keeps the NOT NULL and unique columns satisfied and matches nobody, so the erased
 * person can sign again as anyone can (their old appeal stays counted, without them). */

/**
 * Erases one person, found by their address, from every case, inside the caller's transaction:
 * - confirmed signatures stay as counted rows (case, status, confirmed date, country, for the per-country count)
 *   with the name, address, message and choices gone and the link dead; pending ones are deleted (never counted);
 * - their letters not yet sent are cancelled (queued email and fax: failed with the reason; post not yet printed:
 *   removed); the text of the others is emptied (a letter already printed may still be posted, as printed);
 * - mail to them (confirmations, updates, this erasure's own link) and from them (appeals: sender name, reply-to)
 *   is emptied in the outbox; built-in mailbox copies are deleted; their erasure requests go.
 * A row being sent at this very moment is left to the retention job: emptying it now could send an empty letter.
 */
export function eraseSupporterRows(tx: Db, { email, now }: { email: string; now: Date }): ErasureCounts {
  const found = findSupporterRows(tx, { email });
  const counts: ErasureCounts = { signaturesErased: 0, pendingDeleted: 0, lettersCancelled: 0, lettersEmptied: 0, messagesEmptied: 0, mailboxDeleted: 0 };
  const lowered = sql`lower(${outbox.toAddress})`;

  let appealOutboxIds: string[] = [];
  if (found.confirmedIds.length > 0) {
    const all = tx.select({ id: appeals.id, outboxId: appeals.outboxId, digestId: appeals.digestId }).from(appeals).where(unsentLetterCondition(found.confirmedIds)).all();
    // a letter in a queued digest shares its outbox row with other supporters' letters: it is taken out and the
    // row rewritten without it (lib/digests), never the whole digest cancelled
    const inDigest = all.filter((a) => a.digestId && a.outboxId);
    for (const a of inDigest) {
      if (removeFromQueuedDigest(tx, { appealId: a.id, digestId: a.digestId!, reason: CANCELLED_BY_ERASURE, now })) counts.lettersCancelled++;
    }
    const unsent = all.filter((a) => !inDigest.includes(a));
    const queuedIds = unsent.flatMap((a) => (a.outboxId ? [a.outboxId] : []));
    if (queuedIds.length > 0) {
      // status-guarded: a row the worker claimed a moment ago is not cancelled here, and is not sent twice
      counts.lettersCancelled += tx
        .update(outbox)
        .set({ ...redactedOutboxFields(now), status: "failed", lastError: CANCELLED_BY_ERASURE, leaseOwner: null, leaseUntil: null })
        .where(and(inArray(outbox.id, queuedIds), eq(outbox.status, "queued")))
        .run().changes;
    }
    const unprinted = unsent.filter((a) => !a.outboxId).map((a) => a.id);
    if (unprinted.length > 0) counts.lettersCancelled += tx.delete(appeals).where(inArray(appeals.id, unprinted)).run().changes;

    counts.lettersEmptied = tx
      .update(appeals)
      .set({ body: "", redactedAt: now })
      .where(and(inArray(appeals.signatureId, found.confirmedIds), isNull(appeals.redactedAt)))
      .run().changes;
    appealOutboxIds = tx
      .select({ outboxId: appeals.outboxId })
      .from(appeals)
      .where(inArray(appeals.signatureId, found.confirmedIds))
      .all()
      .flatMap((a) => (a.outboxId ? [a.outboxId] : []));
    if (appealOutboxIds.length > 0) {
      counts.messagesEmptied += tx
        .update(outbox)
        .set(redactedOutboxFields(now))
        .where(and(inArray(outbox.id, appealOutboxIds), ne(outbox.status, "sending"), isNull(outbox.redactedAt)))
        .run().changes;
    }

    for (const id of found.confirmedIds) {
      const placeholder = erasedPlaceholderAddress();
      tx.update(signatures)
        .set({
          fullName: "",
          email: placeholder,
          emailNormalized: placeholder,
          message: null,
          initialsOnly: false,
          allowReply: false,
          followUpdates: false,
          unsubscribedAt: now,
          // the confirmation link dies with the address: a hash of a token nobody holds
          tokenHash: hashToken(randomToken()),
          updatedAt: now,
        })
        .where(eq(signatures.id, id))
        .run();
    }
    counts.signaturesErased = found.confirmedIds.length;
  }

  // never counted, so nothing to keep; their offers go with them (ON DELETE CASCADE)
  if (found.pendingIds.length > 0) counts.pendingDeleted = tx.delete(signatures).where(inArray(signatures.id, found.pendingIds)).run().changes;

  // mail addressed to them: queued mail to them is cancelled too (it would carry their name), the rest emptied
  const toThem = inArray(lowered, found.addresses);
  counts.messagesEmptied += tx
    .update(outbox)
    .set({ ...redactedOutboxFields(now), status: "failed", lastError: null, leaseOwner: null, leaseUntil: null })
    .where(and(toThem, eq(outbox.status, "queued")))
    .run().changes;
  counts.messagesEmptied += tx
    .update(outbox)
    .set(redactedOutboxFields(now))
    .where(and(toThem, ne(outbox.status, "sending"), isNull(outbox.redactedAt)))
    .run().changes;

  const mailboxCondition =
    appealOutboxIds.length > 0
      ? or(inArray(sql`lower(${mailboxMessages.toAddress})`, found.addresses), inArray(mailboxMessages.outboxId, appealOutboxIds))
      : inArray(sql`lower(${mailboxMessages.toAddress})`, found.addresses);
  counts.mailboxDeleted = tx.delete(mailboxMessages).where(mailboxCondition).run().changes;

  tx.delete(erasureRequests).where(eq(erasureRequests.emailNormalized, found.key)).run();
  return counts;
}

/**
 * An admin erases a person by address. Audited with counts only: the log outlives supporters' details, so the
 * address is never written to it. Callers check the actor is an admin.
 */
export function eraseSupporter({ email, actorUserId, now = new Date() }: { email: string; actorUserId: string | null; now?: Date }): ErasureCounts {
  const counts = writeTransaction((tx) => {
    const done = eraseSupporterRows(tx, { email, now });
    recordAudit(tx, { actorUserId, action: "supporter.erase", subjectType: "supporter", details: { via: "admin", ...done } }, now);
    return done;
  });
  // the erased text must leave the -wal file too, not only the database pages (secure_delete zeroes those)
  checkpointDatabase();
  return counts;
}
