import "server-only";
import { and, eq } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { cases } from "@/db/schema";
import type { CurrentUser } from "../auth/queries";
import { recordAudit } from "../audit/record-audit";
import { caseFieldErrors, CloseCaseSchema } from "./case-schemas";
import { ADMINS_ONLY, NOT_FOUND, refuse, wrongState, type WorkflowResult } from "./workflow";

/** published → closed, with the outcome in words and, if it changed, the person's new situation (released...).
 * The case stays public, showing the outcome; it takes no more signatures. */
export function closeCase({
  id,
  user,
  input,
  now = new Date(),
}: {
  id: string;
  user: CurrentUser;
  input: { outcome: string; outcomeStatus: string };
  now?: Date;
}): WorkflowResult {
  if (user.role !== "admin") return ADMINS_ONLY;
  const parsed = CloseCaseSchema.safeParse({ outcome: input.outcome, outcomeStatus: input.outcomeStatus });
  if (!parsed.success) return refuse("invalid", "Check the outcome.", caseFieldErrors(parsed.error));
  return writeTransaction((tx) => {
    const row = tx.select({ slug: cases.slug, state: cases.state, riskStatus: cases.riskStatus }).from(cases).where(eq(cases.id, id)).get();
    if (!row) return NOT_FOUND;
    if (row.state !== "published") return wrongState(row.state, "closed");
    const riskStatus = parsed.data.outcomeStatus ?? row.riskStatus;
    tx.update(cases)
      .set({ state: "closed", outcome: parsed.data.outcome, riskStatus, closedAt: now, publishAt: null, updatedAt: now })
      .where(and(eq(cases.id, id), eq(cases.state, "published")))
      .run();
    recordAudit(tx, { actorUserId: user.id, action: "case.close", subjectType: "case", subjectId: id, details: { riskStatus, previousRiskStatus: row.riskStatus } }, now);
    return { ok: true as const, slug: row.slug };
  });
}
