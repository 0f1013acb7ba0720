import "server-only";
import { and, eq } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { cases } from "@/db/schema";
import type { CurrentUser } from "../auth/queries";
import { recordAudit } from "../audit/record-audit";
import { canSeeCases } from "./admin-queries";
import { NOT_FOUND, wrongState, type WorkflowResult } from "./workflow";

/** draft → in review: a campaigner asks an admin to check the case. The update is guarded by the state it
 * expects, so two clicks (or two people) move it once. */
export function submitCaseForReview({ id, user, now = new Date() }: { id: string; user: CurrentUser; now?: Date }): WorkflowResult {
  if (!canSeeCases(user) || !id) return NOT_FOUND;
  return writeTransaction((tx) => {
    const row = tx.select({ slug: cases.slug, state: cases.state }).from(cases).where(eq(cases.id, id)).get();
    if (!row) return NOT_FOUND;
    if (row.state !== "draft") return wrongState(row.state, "sent for review");
    tx.update(cases)
      .set({ state: "in_review", reviewRequestedAt: now, updatedAt: now })
      .where(and(eq(cases.id, id), eq(cases.state, "draft")))
      .run();
    recordAudit(tx, { actorUserId: user.id, action: "case.submit_for_review", subjectType: "case", subjectId: id }, now);
    return { ok: true as const, slug: row.slug };
  });
}
