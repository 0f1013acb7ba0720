import "server-only";
import { and, eq } from "drizzle-orm";
import { writeTransaction, type Db } from "@/db/client";
import { cases, targets } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { proposeRevision } from "../revisions/propose-revision";
import { reviewRule } from "../revisions/review-rule";
import { respreadPacedLetters, paceSettingsFor } from "../outbox/pacing";
import { addressAuditDetails } from "./address-audit";
import { officialTimeZone } from "./time-zone";
import type { TargetInput } from "./schemas";
import type { Target } from "./types";

/** "saved": applied; "proposed": a campaigner's change to a live case, waiting for an admin; false: the target is
 * not one of this case's officials (another case's, gone, or a routed copy). */
export type UpdateTargetResult = "saved" | "proposed" | false;

/** One fixed official of one case, as stored: what an update changes and what a revision compares. */
export function fixedTarget(tx: Db, { caseId, targetId }: { caseId: string; targetId: string }): Target | undefined {
  return tx
    .select()
    .from(targets)
    // a routed copy has no official's details to edit (and no address): it is removed and added again instead
    .where(and(eq(targets.id, targetId), eq(targets.caseId, caseId), eq(targets.routing, "fixed")))
    .get();
}

/** Replaces an official's details (not its case or position), auditing the old and new address. On a live case
 * a campaigner's change is stored as a revision instead (lib/revisions/review-rule.ts): the row stays as it is. */
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
}): UpdateTargetResult {
  return writeTransaction((tx) => {
    const rule = reviewRule(tx, { caseId, actorId });
    const current = rule.found ? fixedTarget(tx, { caseId, targetId }) : undefined;
    if (!current) return false;
    if (rule.found && rule.needsReview) {
      proposeRevision(tx, {
        caseId,
        kind: "target_update",
        subjectId: targetId,
        before: current,
        after: input,
        authorId: actorId,
        audit: addressAuditDetails(current, { ...current, ...input }),
        now,
      });
      return "proposed" as const;
    }
    applyUpdateTarget(tx, { caseId, current, input, actorId, now });
    return "saved" as const;
  });
}

const paced = (t: Pick<Target, "pacePerHour" | "officeHoursStart" | "officeHoursEnd" | "officeDays" | "timeZone" | "country">) =>
  JSON.stringify([t.pacePerHour, t.officeHoursStart, t.officeHoursEnd, t.officeDays, officialTimeZone(t)]);

/** The update itself, for a direct edit and an approved revision alike (inside the caller's transaction). */
export function applyUpdateTarget(
  tx: Db,
  { caseId, current, input, actorId, revision, now }: { caseId: string; current: Target; input: TargetInput; actorId: string; revision?: { id: string; authorId: string | null }; now: Date },
): void {
  tx.update(targets)
    .set(input)
    .where(and(eq(targets.id, current.id), eq(targets.caseId, caseId), eq(targets.routing, "fixed")))
    .run();
  // a new rate, office hours or zone applies to the letters already waiting for this official's address too
  const updated = { ...current, ...input };
  if (current.email && paced(current) !== paced(updated)) {
    respreadPacedLetters(tx, { address: current.email, settings: paceSettingsFor(updated, officialTimeZone(updated)), now });
  }
  const theCase = tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, caseId)).returning({ state: cases.state }).get();
  recordAudit(
    tx,
    {
      actorUserId: actorId,
      action: "targets.edit",
      subjectType: "case",
      subjectId: caseId,
      details: {
        change: "edit",
        targetId: current.id,
        caseState: theCase?.state ?? null,
        ...(revision ? { revisionId: revision.id, proposedBy: revision.authorId } : {}),
        ...addressAuditDetails(current, { ...current, ...input }),
      },
    },
    now,
  );
}
