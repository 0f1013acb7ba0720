import "server-only";
import { and, eq } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { cases, targets } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import type { TargetInput } from "./schemas";

/** Replaces an official's details (not its case or position). False when the target is not one of this case's
 * officials (another case's, gone, or a routed copy). */
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
      // a routed copy has no official's details to edit (and no address): it is removed and added again instead
      .where(and(eq(targets.id, targetId), eq(targets.caseId, caseId), eq(targets.routing, "fixed")))
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
