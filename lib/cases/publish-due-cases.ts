import "server-only";
import { and, eq, inArray, isNotNull, lte } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { cases } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { checkCaseReadiness } from "./case-readiness";
import { caseContentVersion } from "./content-version";

/** Why a scheduled case is held when its content differs from the version an admin scheduled. */
export const CHANGED_SINCE_SCHEDULED = "It changed since it was scheduled: an admin must review it again and publish or schedule it.";

export type PublishDueResult = { published: string[]; held: { slug: string; reasons: string[] }[] };

/**
 * Publishes every case whose scheduled time has come. Runs on a timer in the server process
 * (lib/server-process.ts). A case that stopped being ready since it was scheduled (its letter edited, its
 * deadline passed) stays unpublished and keeps its time, so the review page shows why; the audit log has no
 * actor for these. So does a case whose content changed since an admin scheduled it (an approved revision, an
 * admin's own edit): what goes public is exactly the version that was reviewed (the review page says so). Public pages pick the case up within their 5-second revalidation.
 */
export function publishDueCases({ now = new Date() }: { now?: Date } = {}): PublishDueResult {
  return writeTransaction((tx) => {
    const due = tx
      .select({ id: cases.id, slug: cases.slug, scheduledVersion: cases.scheduledVersion })
      .from(cases)
      .where(and(inArray(cases.state, ["draft", "in_review"]), isNotNull(cases.publishAt), lte(cases.publishAt, now)))
      .all();
    const result: PublishDueResult = { published: [], held: [] };
    for (const c of due) {
      const readiness = checkCaseReadiness({ db: tx, caseId: c.id, now });
      if (!readiness?.ready) {
        result.held.push({ slug: c.slug, reasons: readiness?.reasons ?? [] });
        continue;
      }
      if (c.scheduledVersion === null || caseContentVersion({ db: tx, caseId: c.id }) !== c.scheduledVersion) {
        result.held.push({ slug: c.slug, reasons: [CHANGED_SINCE_SCHEDULED] });
        continue;
      }
      tx.update(cases)
        .set({ state: "published", publishedAt: now, publishAt: null, scheduledVersion: null, updatedAt: now })
        .where(and(eq(cases.id, c.id), inArray(cases.state, ["draft", "in_review"])))
        .run();
      recordAudit(tx, { actorUserId: null, action: "case.publish", subjectType: "case", subjectId: c.id, details: { via: "schedule" } }, now);
      result.published.push(c.slug);
    }
    return result;
  });
}
