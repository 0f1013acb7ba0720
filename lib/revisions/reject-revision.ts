import "server-only";
import { and, eq } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { caseRevisions, cases } from "@/db/schema";
import type { CurrentUser } from "../auth/queries";
import { recordAudit } from "../audit/record-audit";
import { releaseRevisionPhotos } from "../cases/photos";
import { isAdminNow, REVISION_FORBIDDEN, type DecideRevisionResult } from "./approve-revision";

/** An admin rejects a pending revision: nothing of it is applied, and the audit log says who and when. */
export function rejectRevision({ revisionId, user, now = new Date() }: { revisionId: string; user: Pick<CurrentUser, "id" | "role">; now?: Date }): DecideRevisionResult {
  const result = writeTransaction((tx): DecideRevisionResult => {
    if (!isAdminNow(tx, user)) return REVISION_FORBIDDEN;
    const revision = tx.select().from(caseRevisions).where(eq(caseRevisions.id, revisionId)).get();
    if (!revision) return { ok: false, code: "not_found", message: "This change does not exist." };
    const changed = tx
      .update(caseRevisions)
      .set({ status: "rejected", decidedBy: user.id, decidedAt: now })
      .where(and(eq(caseRevisions.id, revisionId), eq(caseRevisions.status, "pending")))
      .run();
    if (changed.changes === 0)
      return { ok: false, code: "decided", message: "This change was already approved, rejected or withdrawn. The list below is up to date.", caseId: revision.caseId };
    recordAudit(tx, { actorUserId: user.id, action: "revision.reject", subjectType: "case", subjectId: revision.caseId, details: { revisionId, kind: revision.kind, proposedBy: revision.authorId } }, now);
    const slug = tx.select({ slug: cases.slug }).from(cases).where(eq(cases.id, revision.caseId)).get()?.slug ?? "";
    return { ok: true, caseId: revision.caseId, kind: revision.kind, caseSlug: slug };
  });
  if (result.ok) releaseRevisionPhotos({ revisionId });
  return result;
}
