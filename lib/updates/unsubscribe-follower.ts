import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db/client";
import { cases, signatures } from "@/db/schema";
import { isValidUnsubscribeToken } from "./unsubscribe-token";

export type UnsubscribeState = "subscribed" | "unsubscribed" | "invalid";
export type UnsubscribeLookup = { state: UnsubscribeState; personName?: string; caseSlug?: string };

function find(signatureId: string) {
  return getDb()
    .select({ unsubscribedAt: signatures.unsubscribedAt, followUpdates: signatures.followUpdates, personName: cases.personName, caseSlug: cases.slug })
    .from(signatures)
    .innerJoin(cases, eq(cases.id, signatures.caseId))
    .where(eq(signatures.id, signatureId))
    .get();
}

/** What the unsubscribe page should say, without changing anything (mail scanners fetch links). */
export function getUnsubscribeByToken({ signatureId, token }: { signatureId: string; token: string }): UnsubscribeLookup {
  if (!isValidUnsubscribeToken({ signatureId, token })) return { state: "invalid" };
  const row = find(signatureId);
  if (!row) return { state: "invalid" };
  const about = { personName: row.personName, caseSlug: row.caseSlug };
  return { state: row.unsubscribedAt || !row.followUpdates ? "unsubscribed" : "subscribed", ...about };
}

/** Stops update emails for one signature. Idempotent: a second press (or the mail client's one-click POST after
 * the button) finds it already done and changes nothing. */
export function unsubscribeFollower({
  signatureId,
  token,
  now = new Date(),
}: {
  signatureId: string;
  token: string;
  now?: Date;
}): UnsubscribeLookup & { changed: boolean } {
  if (!isValidUnsubscribeToken({ signatureId, token })) return { state: "invalid", changed: false };
  const changed = writeTransaction(
    (tx) =>
      tx
        .update(signatures)
        .set({ unsubscribedAt: now, updatedAt: now })
        .where(and(eq(signatures.id, signatureId), isNull(signatures.unsubscribedAt)))
        .run().changes,
  );
  const lookup = getUnsubscribeByToken({ signatureId, token });
  return { ...lookup, changed: changed > 0 };
}
