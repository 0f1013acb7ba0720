import "server-only";
import { and, eq } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { cases, targets } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import type { TargetInput } from "./schemas";

/** Replaces a target's details (not its case or position). False when the target is not one of this case's. */
export function updateTarget({
  caseId,
  targetId,
  input,
  actorId,
  now = new Date(),
}: {
  caseId: string;
  targetId: string;
  input: TargetInput;
  actorId: string;
  now?: Date;
}): boolean {
  return writeTransaction((tx) => {
    const changed = tx
      .update(targets)
      .set(input)
      .where(and(eq(targets.id, targetId), eq(targets.caseId, caseId)))
      .run();
    if (changed.changes === 0) return false;
    const theCase = tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, caseId)).returning({ state: cases.state }).get();
    recordAudit(
      tx,
      { actorUserId: actorId, action: "targets.edit", subjectType: "case", subjectId: caseId, details: { change: "edit", targetId, caseState: theCase?.state ?? null } },
      now,
    );
    return true;
  });
}
