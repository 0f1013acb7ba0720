import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { appeals, cases, targets } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";

export type DeleteTargetResult = "deleted" | "not_found" | "has_appeals";

/**
 * Removes a target and closes the gap in the order. Refused once appeals have been written to the target: the
 * appeals table cascades on target deletion, so removing it would erase the record of letters already sent.
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
    const target = tx.select({ id: targets.id }).from(targets).where(and(eq(targets.id, targetId), eq(targets.caseId, caseId))).get();
    if (!target) return { result: "not_found" };
    const sent = tx.select({ n: sql<number>`count(*)` }).from(appeals).where(eq(appeals.targetId, targetId)).get()?.n ?? 0;
    if (sent > 0) return { result: "has_appeals", appeals: sent };
    tx.delete(targets).where(and(eq(targets.id, targetId), eq(targets.caseId, caseId))).run();
    const rest = tx.select({ id: targets.id }).from(targets).where(eq(targets.caseId, caseId)).orderBy(asc(targets.position), asc(targets.id)).all();
    rest.forEach((t, position) => tx.update(targets).set({ position }).where(eq(targets.id, t.id)).run());
    const theCase = tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, caseId)).returning({ state: cases.state }).get();
    recordAudit(
      tx,
      { actorUserId: actorId, action: "targets.edit", subjectType: "case", subjectId: caseId, details: { change: "remove", targetId, caseState: theCase?.state ?? null } },
      now,
    );
    return { result: "deleted" };
  });
}
