import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases, users, type CaseState } from "@/db/schema";

/** "Live": what supporters can see now (published) or will see at a set time (scheduled). Pure, for pages too. */
export function isLiveCase(theCase: { state: CaseState; publishAt: Date | null }): boolean {
  return theCase.state === "published" || ((theCase.state === "draft" || theCase.state === "in_review") && theCase.publishAt !== null);
}

export type ReviewRule = { found: false } | { found: true; state: CaseState; live: boolean; needsReview: boolean };

/**
 * The one rule for who may change a live case's mailed content directly: an admin (admins are the reviewers);
 * anyone else's change becomes a revision an admin approves (lib/revisions/approve-revision.ts). The actor's role
 * is read here, in the writing transaction, not trusted from the caller. A draft, or a case in review that is not
 * scheduled, changes directly as before; so does a closed case (nothing is signed or mailed to officials then).
 */
export function reviewRule(tx: Db, { caseId, actorId }: { caseId: string; actorId: string }): ReviewRule {
  const theCase = tx.select({ state: cases.state, publishAt: cases.publishAt }).from(cases).where(eq(cases.id, caseId)).get();
  if (!theCase) return { found: false };
  const live = isLiveCase(theCase);
  const role = tx.select({ role: users.role }).from(users).where(eq(users.id, actorId)).get()?.role;
  return { found: true, state: theCase.state, live, needsReview: live && role !== "admin" };
}
