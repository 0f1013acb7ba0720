import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { writeTransaction, type Db } from "@/db/client";
import { appeals, cases, targets } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { proposeRevision } from "../revisions/propose-revision";
import { reviewRule } from "../revisions/review-rule";
import { addressAuditDetails } from "./address-audit";
import type { Target } from "./types";

export type DeleteTargetResult = "deleted" | "proposed" | "not_found" | "has_appeals";

const appealCount = (tx: Db, targetId: string) => tx.select({ n: sql<number>`count(*)` }).from(appeals).where(eq(appeals.targetId, targetId)).get()?.n ?? 0;

/**
 * Removes a target and closes the gap in the order. Refused once appeals have been written to the target: the
 * appeals table cascades on target deletion, so removing it would erase the record of letters already sent. On a
 * live case a campaigner's removal is stored as a revision for an admin to approve.
 */
export function deleteTarget({
  caseId,
  targetId,
  actorId,
  now = new Date(),
}: {
  caseId: string;
  targetId: string;
  actorId: string;
  now?: Date;
}): { result: DeleteTargetResult; appeals?: number } {
  return writeTransaction((tx) => {
    const rule = reviewRule(tx, { caseId, actorId });
    const target = rule.found ? tx.select().from(targets).where(and(eq(targets.id, targetId), eq(targets.caseId, caseId))).get() : undefined;
    if (!target) return { result: "not_found" as const };
    const sent = appealCount(tx, targetId);
    if (sent > 0) return { result: "has_appeals" as const, appeals: sent };
    if (rule.found && rule.needsReview) {
      proposeRevision(tx, { caseId, kind: "target_delete", subjectId: targetId, before: target, after: null, authorId: actorId, audit: addressAuditDetails(target, null), now });
      return { result: "proposed" as const };
    }
    return { result: applyDeleteTarget(tx, { caseId, target, actorId, now }) };
  });
}

/** The removal itself, for a direct edit and an approved revision alike (inside the caller's transaction). */
export function applyDeleteTarget(
  tx: Db,
  { caseId, target, actorId, revision, now }: { caseId: string; target: Target; actorId: string; revision?: { id: string; authorId: string | null }; now: Date },
): "deleted" | "has_appeals" {
  if (appealCount(tx, target.id) > 0) return "has_appeals";
  tx.delete(targets).where(and(eq(targets.id, target.id), eq(targets.caseId, caseId))).run();
  const rest = tx.select({ id: targets.id }).from(targets).where(eq(targets.caseId, caseId)).orderBy(asc(targets.position), asc(targets.id)).all();
  rest.forEach((t, position) => tx.update(targets).set({ position }).where(eq(targets.id, t.id)).run());
  const theCase = tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, caseId)).returning({ state: cases.state }).get();
  recordAudit(
    tx,
    {
      actorUserId: actorId,
      action: "targets.edit",
      subjectType: "case",
      subjectId: caseId,
      details: {
        change: "remove",
        targetId: target.id,
        caseState: theCase?.state ?? null,
        ...(revision ? { revisionId: revision.id, proposedBy: revision.authorId } : {}),
        ...addressAuditDetails(target, null),
      },
    },
    now,
  );
  return "deleted";
}
