import "server-only";
import { and, asc, eq, gt, ne } from "drizzle-orm";
import { getDb, writeTransaction, type Db } from "@/db/client";
import { signatureOffers, signatures } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { newId } from "../security/secret";
import { canonicalEmail } from "./canonical-email";

export type CanonicalBackfillResult = {
  /** signatures whose key was already canonical or is now */
  checked: number;
  /** keys rewritten with no other signature in the way */
  rekeyed: number;
  /** confirmed signatures that were a second count of one person: now "merged", no longer counted */
  merged: number;
  /** pending signatures that became an offer (a second link) of an earlier pending one for the same mailbox */
  offered: number;
  /** pending signatures removed because the same mailbox had already confirmed */
  dropped: number;
};

type Row = typeof signatures.$inferSelect;

/**
 * Makes every signature's `emailNormalized` the canonical address (docs/decisions/013-canonical-email.md). SQL
 * cannot run validator's provider rules, so this runs in JS at every start (scripts/prepare.ts, after the
 * migrations), in batches of one transaction each; it is idempotent and costs one read per row when nothing is
 * left to do, and it follows a change of those rules when the package is upgraded.
 *
 * Two signatures of one case that turn out to be one mailbox are resolved, and each resolution is in the audit
 * log ("signature.merge"): the earlier confirmed one stays; a later confirmed one becomes "merged" (kept, with
 * the letters it caused, but no longer counted, so the public count goes down by one: it counted a person
 * twice); a pending one is dropped when the mailbox has confirmed, or becomes an offer of the earlier pending one
 * (its link keeps working, as when someone signs twice today).
 */
export function recomputeCanonicalEmails({ batchSize = 500, now = new Date() }: { batchSize?: number; now?: Date } = {}): CanonicalBackfillResult {
  const result: CanonicalBackfillResult = { checked: 0, rekeyed: 0, merged: 0, offered: 0, dropped: 0 };
  let after = "";
  for (;;) {
    const batch = getDb()
      .select({ id: signatures.id, email: signatures.email, emailNormalized: signatures.emailNormalized, status: signatures.status })
      .from(signatures)
      .where(gt(signatures.id, after))
      .orderBy(asc(signatures.id))
      .limit(batchSize)
      .all();
    if (batch.length === 0) return result;
    after = batch.at(-1)!.id;
    result.checked += batch.length;
    const stale = batch.filter((r) => r.status !== "merged" && canonicalEmail(r.email) !== r.emailNormalized);
    if (stale.length === 0) continue;
    writeTransaction((tx) => {
      for (const { id } of stale) rekey(tx, id, result, now);
    });
  }
}

function rekey(tx: Db, id: string, result: CanonicalBackfillResult, now: Date): void {
  // read again inside the write lock: a supporter may have confirmed since the batch was read
  const row = tx.select().from(signatures).where(eq(signatures.id, id)).get();
  if (!row || row.status === "merged") return;
  const key = canonicalEmail(row.email);
  if (key === row.emailNormalized) return;
  const holder = tx
    .select()
    .from(signatures)
    .where(and(eq(signatures.caseId, row.caseId), eq(signatures.emailNormalized, key), ne(signatures.id, row.id)))
    .get();
  if (!holder) {
    tx.update(signatures).set({ emailNormalized: key }).where(eq(signatures.id, row.id)).run();
    result.rekeyed++;
    return;
  }
  const [kept, other] = pickKept(row, holder);
  const audit = (outcome: "merged" | "offer" | "dropped") =>
    recordAudit(tx, { actorUserId: null, action: "signature.merge", subjectType: "case", subjectId: row.caseId, details: { outcome, signatureId: other.id, keptSignatureId: kept.id } }, now);

  if (other.status === "confirmed") {
    // the key must be free for the kept row; "merged:<id>" has no @ and so can never be anyone's address
    tx.update(signatures).set({ status: "merged", emailNormalized: `merged:${other.id}`, updatedAt: now }).where(eq(signatures.id, other.id)).run();
    result.merged++;
    audit("merged");
  } else if (kept.status === "confirmed") {
    // never counted, and the mailbox has confirmed: nothing of this one was sent but its confirmation email
    tx.delete(signatures).where(eq(signatures.id, other.id)).run();
    result.dropped++;
    audit("dropped");
  } else {
    // both pending: what the later one typed waits under its own link, as a second submission does today
    tx.insert(signatureOffers)
      .values({
        id: newId(),
        signatureId: kept.id,
        fullName: other.fullName,
        email: other.email,
        country: other.country,
        message: other.message,
        initialsOnly: other.initialsOnly,
        allowReply: other.allowReply,
        followUpdates: other.followUpdates,
        tokenHash: other.tokenHash,
        tokenExpiresAt: other.tokenExpiresAt,
        createdAt: other.createdAt,
      })
      .run();
    tx.update(signatureOffers).set({ signatureId: kept.id }).where(eq(signatureOffers.signatureId, other.id)).run();
    tx.delete(signatures).where(eq(signatures.id, other.id)).run();
    result.offered++;
    audit("offer");
  }
  if (kept.emailNormalized !== key) tx.update(signatures).set({ emailNormalized: key }).where(eq(signatures.id, kept.id)).run();
}

/** Which of two signatures of one mailbox stays: the one confirmed first, else (both pending) the one made first. */
function pickKept(a: Row, b: Row): [kept: Row, other: Row] {
  const rank = (r: Row) => [r.status === "confirmed" ? 0 : 1, (r.confirmedAt ?? r.createdAt).getTime(), r.createdAt.getTime()] as const;
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) {
    if (ra[i]! !== rb[i]!) return ra[i]! < rb[i]! ? [a, b] : [b, a];
  }
  return a.id < b.id ? [a, b] : [b, a];
}
