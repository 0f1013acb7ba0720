import "server-only";
import { and, eq } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { caseRevisions } from "@/db/schema";
import type { CurrentUser } from "../auth/queries";
import { recordAudit } from "../audit/record-audit";
import { releaseRevisionPhotos } from "../cases/photos";
import type { DecideRevisionResult } from "./approve-revision";

/** The author takes back their own pending change (a mistake, or one an admin asked them to redo): nothing of it
 * is applied. Only the author may: anyone else's would be a rejection, which is an admin's. */
export function withdrawRevision({ revisionId, user, now = new Date() }: { revisionId: string; user: Pick<CurrentUser, "id">; now?: Date }): DecideRevisionResult {
  const result = writeTransaction((tx): DecideRevisionResult => {
    const revision = tx.select().from(caseRevisions).where(eq(caseRevisions.id, revisionId)).get();
    if (!revision) return { ok: false, code: "not_found", message: "This change does not exist." };
    if (revision.authorId !== user.id) return { ok: false, code: "forbidden", message: "Only the person who proposed a change can withdraw it.", caseId: revision.caseId };
    const changed = tx
      .update(caseRevisions)
      .set({ status: "withdrawn", decidedBy: user.id, decidedAt: now })
      .where(and(eq(caseRevisions.id, revisionId), eq(caseRevisions.status, "pending")))
      .run();
    if (changed.changes === 0)
      return { ok: false, code: "decided", message: "This change was already approved, rejected or withdrawn. The list below is up to date.", caseId: revision.caseId };
    recordAudit(tx, { actorUserId: user.id, action: "revision.withdraw", subjectType: "case", subjectId: revision.caseId, details: { revisionId, kind: revision.kind } }, now);
    return { ok: true, caseId: revision.caseId, kind: revision.kind, caseSlug: "" };
  });
  if (result.ok) releaseRevisionPhotos({ revisionId });
  return result;
}
