import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { writeTransaction, type Db } from "@/db/client";
import { cases, targets } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { proposeRevision } from "../revisions/propose-revision";
import { reviewRule } from "../revisions/review-rule";

export type MoveDirection = "up" | "down";

/** A case's target ids in their order: what a reorder changes and what its revision compares. */
export function targetOrder(tx: Db, caseId: string): string[] {
  return tx.select({ id: targets.id }).from(targets).where(eq(targets.caseId, caseId)).orderBy(asc(targets.position), asc(targets.id)).all().map((t) => t.id);
}

/**
 * Moves one target a place up or down, renumbering the whole list 0..n-1 in the same transaction so gaps or
 * duplicate positions left by older data cannot make a move jump. Returns false when the target is not one of
 * this case's; "saved" (and no change) when it is already at that end; "proposed" for a campaigner's move on a
 * live case (the order of letters is mailed content too), stored as a revision for an admin.
 */
export function reorderTargets({
  caseId,
  targetId,
  direction,
  actorId,
  now = new Date(),
}: {
  caseId: string;
  targetId: string;
  direction: MoveDirection;
  actorId: string;
  now?: Date;
}): "saved" | "proposed" | false {
  return writeTransaction((tx) => {
    const rule = reviewRule(tx, { caseId, actorId });
    const before = rule.found ? targetOrder(tx, caseId) : [];
    const from = before.indexOf(targetId);
    if (from === -1) return false;
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= before.length) return "saved" as const;
    const order = [...before];
    [order[from], order[to]] = [order[to]!, order[from]!];
    if (rule.found && rule.needsReview) {
      proposeRevision(tx, { caseId, kind: "target_reorder", subjectId: targetId, before, after: order, authorId: actorId, audit: { direction }, now });
      return "proposed" as const;
    }
    applyTargetOrder(tx, { caseId, order, actorId, audit: { targetId, direction }, now });
    return "saved" as const;
  });
}

/** Writes positions 0..n-1 in `order`, for a direct move and an approved revision alike. */
export function applyTargetOrder(
  tx: Db,
  { caseId, order, actorId, audit, now }: { caseId: string; order: string[]; actorId: string; audit: Record<string, string | null>; now: Date },
): void {
  order.forEach((id, position) => tx.update(targets).set({ position }).where(and(eq(targets.id, id), eq(targets.caseId, caseId))).run());
  const theCase = tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, caseId)).returning({ state: cases.state }).get();
  recordAudit(
    tx,
    { actorUserId: actorId, action: "targets.edit", subjectType: "case", subjectId: caseId, details: { change: "reorder", ...audit, caseState: theCase?.state ?? null } },
    now,
  );
}
