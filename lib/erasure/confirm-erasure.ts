import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { getDb, writeTransaction, type Db } from "@/db/client";
import { erasureRequests } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { checkpointDatabase } from "../retention/apply-retention";
import { hashToken } from "../security/secret";
import { eraseSupporterRows } from "./erase-supporter";
import { previewErasure } from "./find-supporter";
import type { ErasureCounts, ErasurePreview } from "./schemas";

export type ErasureLookup = { state: "ready"; preview: ErasurePreview } | { state: "invalid" };

function findRequest(tx: Db, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  return tx
    .select({ id: erasureRequests.id, email: erasureRequests.email })
    .from(erasureRequests)
    .where(and(eq(erasureRequests.tokenHash, hashToken(token)), gt(erasureRequests.expiresAt, now)))
    .get();
}

/** What the link's page shows before the person confirms, without changing anything (mail scanners open links).
 * Used, expired and unknown links read the same: "invalid". */
export function getErasureByToken({ token, now = new Date() }: { token: string; now?: Date }): ErasureLookup {
  const db = getDb();
  const request = findRequest(db, token, now);
  if (!request) return { state: "invalid" };
  return { state: "ready", preview: previewErasure(db, { email: request.email }) };
}

/** Erases the person the link was mailed to (lib/erasure/erase-supporter.ts). The link works once: the request
 * row is deleted in the same transaction, so a second press, or a second tab, finds nothing. Audited with counts
 * only. */
export function confirmErasure({ token, now = new Date() }: { token: string; now?: Date }): { state: "erased"; counts: ErasureCounts } | { state: "invalid" } {
  const result = writeTransaction((tx) => {
    const request = findRequest(tx, token, now);
    if (!request) return { state: "invalid" as const };
    tx.delete(erasureRequests).where(eq(erasureRequests.id, request.id)).run();
    const counts = eraseSupporterRows(tx, { email: request.email, now });
    recordAudit(tx, { actorUserId: null, action: "supporter.erase", subjectType: "supporter", details: { via: "link", ...counts } }, now);
    return { state: "erased" as const, counts };
  });
  if (result.state === "erased") checkpointDatabase();
  return result;
}
