import "server-only";
import { eq, sql } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { cases, targets } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { newId } from "../security/secret";
import type { RoutedCopyInput, TargetInput } from "./schemas";

/** Adds a target (an official, or a routed copy to the embassy in each supporter's country) at the end of a
 * case's list and records who did it. Null when there is no such case. */
export function createTarget({
  caseId,
  input,
  actorId,
  now = new Date(),
}: {
  caseId: string;
  input: TargetInput | RoutedCopyInput;
  actorId: string;
  now?: Date;
}): { targetId: string } | null {
  return writeTransaction((tx) => {
    const theCase = tx.select({ id: cases.id, state: cases.state }).from(cases).where(eq(cases.id, caseId)).get();
    if (!theCase) return null;
    const last = tx
      .select({ max: sql<number | null>`max(${targets.position})` })
      .from(targets)
      .where(eq(targets.caseId, caseId))
      .get();
    const targetId = newId();
    tx.insert(targets)
      .values({ id: targetId, caseId, position: (last?.max ?? -1) + 1, ...input })
      .run();
    tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, caseId)).run();
    recordAudit(
      tx,
      { actorUserId: actorId, action: "targets.edit", subjectType: "case", subjectId: caseId, details: { change: "add", targetId, caseState: theCase.state } },
      now,
    );
    return { targetId };
  });
}
