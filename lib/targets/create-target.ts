import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { writeTransaction, type Db } from "@/db/client";
import { cases, targets } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { proposeRevision } from "../revisions/propose-revision";
import { reviewRule } from "../revisions/review-rule";
import { newId } from "../security/secret";
import { addressAuditDetails } from "./address-audit";
import { MAX_TARGETS_PER_CASE, type RoutedCopyInput, type TargetInput } from "./schemas";

export type CreateTargetResult =
  | { result: "added"; targetId: string }
  /** a campaigner's addition to a live case: waiting for an admin (the id is the one the target will have) */
  | { result: "proposed"; targetId: string; revisionId: string }
  | { result: "too_many"; max: number }
  | null;

const targetCount = (tx: Db, caseId: string) => tx.select({ n: sql<number>`count(*)` }).from(targets).where(eq(targets.caseId, caseId)).get()?.n ?? 0;

/**
 * Adds a target (an official, or a routed copy to the embassy in each supporter's country) at the end of a
 * case's list and records who did it, with the new address. On a live case a campaigner's addition is stored as
 * a revision for an admin to approve (lib/revisions/review-rule.ts). Null when there is no such case.
 */
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
}): CreateTargetResult {
  return writeTransaction((tx) => {
    const rule = reviewRule(tx, { caseId, actorId });
    if (!rule.found) return null;
    if (targetCount(tx, caseId) >= MAX_TARGETS_PER_CASE) return { result: "too_many" as const, max: MAX_TARGETS_PER_CASE };
    const targetId = newId();
    if (rule.needsReview) {
      const revisionId = proposeRevision(tx, {
        caseId,
        kind: "target_create",
        subjectId: targetId,
        before: null,
        after: input,
        authorId: actorId,
        audit: addressAuditDetails(null, { routing: "fixed", missionOf: null, ...input }),
        now,
      });
      return { result: "proposed" as const, targetId, revisionId };
    }
    applyCreateTarget(tx, { caseId, targetId, input, actorId, now });
    return { result: "added" as const, targetId };
  });
}

/**
 * The insert itself, for a direct edit and for an approved revision alike (inside the caller's transaction).
 * Refuses past the cap, and a second routed copy to one state's missions (every supporter's mission would get
 * the letter twice).
 */
export function applyCreateTarget(
  tx: Db,
  {
    caseId,
    targetId,
    input,
    actorId,
    revision,
    now,
  }: { caseId: string; targetId: string; input: TargetInput | RoutedCopyInput; actorId: string; revision?: { id: string; authorId: string | null }; now: Date },
): "added" | "too_many" | "exists" {
  if (targetCount(tx, caseId) >= MAX_TARGETS_PER_CASE) return "too_many";
  if ("routing" in input && input.routing === "mission") {
    const twin = tx
      .select({ id: targets.id })
      .from(targets)
      .where(and(eq(targets.caseId, caseId), eq(targets.routing, "mission"), eq(targets.missionOf, input.missionOf)))
      .get();
    if (twin) return "exists";
  }
  const last = tx
    .select({ max: sql<number | null>`max(${targets.position})` })
    .from(targets)
    .where(eq(targets.caseId, caseId))
    .get();
  tx.insert(targets)
    .values({ id: targetId, caseId, position: (last?.max ?? -1) + 1, ...input })
    .run();
  const theCase = tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, caseId)).returning({ state: cases.state }).get();
  recordAudit(
    tx,
    {
      actorUserId: actorId,
      action: "targets.edit",
      subjectType: "case",
      subjectId: caseId,
      details: {
        change: "add",
        targetId,
        caseState: theCase?.state ?? null,
        ...(revision ? { revisionId: revision.id, proposedBy: revision.authorId } : {}),
        ...addressAuditDetails(null, { routing: "fixed", missionOf: null, ...input }),
      },
    },
    now,
  );
  return "added";
}
