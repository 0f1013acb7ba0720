import "server-only";
import { asc, eq } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { cases, targets } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";

export type MoveDirection = "up" | "down";

/**
 * Moves one target a place up or down, renumbering the whole list 0..n-1 in the same transaction so gaps or
 * duplicate positions left by older data cannot make a move jump. Returns false when the target is not one of
 * this case's; true (and no change) when it is already at that end.
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
}): boolean {
  return writeTransaction((tx) => {
    const order = tx.select({ id: targets.id }).from(targets).where(eq(targets.caseId, caseId)).orderBy(asc(targets.position), asc(targets.id)).all().map((t) => t.id);
    const from = order.indexOf(targetId);
    if (from === -1) return false;
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return true;
    [order[from], order[to]] = [order[to]!, order[from]!];
    order.forEach((id, position) => tx.update(targets).set({ position }).where(eq(targets.id, id)).run());
    const theCase = tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, caseId)).returning({ state: cases.state }).get();
    recordAudit(
      tx,
      { actorUserId: actorId, action: "targets.edit", subjectType: "case", subjectId: caseId, details: { change: "reorder", targetId, direction, caseState: theCase?.state ?? null } },
      now,
    );
    return true;
  });
}
