import "server-only";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals, outbox, signatureOffers, signatures } from "@/db/schema";
import { canonicalEmail } from "../signatures/canonical-email";
import type { ErasurePreview } from "./schemas";

// The same function that computes signatures.email_normalized when someone signs, imported rather than copied:
// if that rule changes (one person, one count), erasure keeps finding every signature it made.
export const erasureKey = (email: string): string => canonicalEmail(email);

export type SupporterRows = {
  /** the address as signatures.email_normalized holds it */
  key: string;
  signatureIds: string[];
  confirmedIds: string[];
  pendingIds: string[];
  /** every spelling of the address the person typed, lower-cased: where their mail went */
  addresses: string[];
};

/** Every signature made with this address (any case), and the spellings it was typed in. */
export function findSupporterRows(tx: Db, { email }: { email: string }): SupporterRows {
  const key = erasureKey(email);
  const rows = tx.select({ id: signatures.id, status: signatures.status, email: signatures.email }).from(signatures).where(eq(signatures.emailNormalized, key)).all();
  const signatureIds = rows.map((r) => r.id);
  const offered = signatureIds.length === 0 ? [] : tx.select({ email: signatureOffers.email }).from(signatureOffers).where(inArray(signatureOffers.signatureId, signatureIds)).all();
  const addresses = [...new Set([email, key, ...rows.map((r) => r.email), ...offered.map((o) => o.email)].map((a) => a.trim().toLowerCase()))];
  return {
    key,
    signatureIds,
    confirmedIds: rows.filter((r) => r.status === "confirmed").map((r) => r.id),
    pendingIds: rows.filter((r) => r.status === "pending").map((r) => r.id),
    addresses,
  };
}

/** Letters in their name that have not gone: email and fax still queued, post not yet claimed into a print run. */
export function unsentLetterCondition(confirmedIds: string[]) {
  return and(
    inArray(appeals.signatureId, confirmedIds),
    or(and(isNull(appeals.outboxId), isNull(appeals.printRunId)), sql`${appeals.outboxId} in (select ${outbox.id} from ${outbox} where ${outbox.status} = 'queued')`),
  );
}

export function previewErasure(tx: Db, { email }: { email: string }): ErasurePreview {
  const found = findSupporterRows(tx, { email });
  const unsentLetters =
    found.confirmedIds.length === 0 ? 0 : (tx.select({ n: sql<number>`count(*)` }).from(appeals).where(unsentLetterCondition(found.confirmedIds)).get()?.n ?? 0);
  const following =
    found.confirmedIds.length === 0
      ? 0
      : (tx
          .select({ n: sql<number>`count(*)` })
          .from(signatures)
          .where(and(inArray(signatures.id, found.confirmedIds), eq(signatures.followUpdates, true), isNull(signatures.unsubscribedAt)))
          .get()?.n ?? 0);
  return { confirmed: found.confirmedIds.length, pending: found.pendingIds.length, unsentLetters, following };
}
