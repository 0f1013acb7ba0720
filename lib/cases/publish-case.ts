import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { cases } from "@/db/schema";
import type { CurrentUser } from "../auth/queries";
import { recordAudit } from "../audit/record-audit";
import { checkCaseReadiness } from "./case-readiness";
import { caseContentVersion } from "./content-version";
import { ADMINS_ONLY, NOT_FOUND, refuse, wrongState, type WorkflowResult } from "./workflow";

/**
 * Publishes a case now, or schedules it for `publishAt` (lib/cases/publish-due-cases.ts makes it public then).
 * An admin's act: the role is checked here as well as in the action. Refused, with the reasons, unless the
 * case has a story, an official to write to, a model letter without unknown merge fields and a deadline ahead.
 * `reviewedVersion` is the caseContentVersion the review page showed the admin: publishing and scheduling apply
 * exactly that version, and are refused when anything mailed or shown changed since. A schedule stores it, so
 * publishDueCases holds the case if it changes before its time.
 */
export function publishCase({
  id,
  user,
  reviewedVersion,
  publishAt = null,
  now = new Date(),
}: {
  id: string;
  user: CurrentUser;
  reviewedVersion: string;
  publishAt?: Date | null;
  now?: Date;
}): WorkflowResult<{ scheduled: boolean }> {
  if (user.role !== "admin") return ADMINS_ONLY;
  if (!id) return NOT_FOUND;
  return writeTransaction((tx) => {
    const row = tx.select({ slug: cases.slug, state: cases.state, actBefore: cases.actBefore }).from(cases).where(eq(cases.id, id)).get();
    if (!row) return NOT_FOUND;
    if (row.state !== "draft" && row.state !== "in_review") return wrongState(row.state, "published");
    const readiness = checkCaseReadiness({ db: tx, caseId: id, now });
    if (!readiness?.ready) return refuse("not_ready", `Not ready to publish: ${readiness?.reasons.join(" ")}`);
    const version = caseContentVersion({ db: tx, caseId: id });
    if (!reviewedVersion || version !== reviewedVersion) return CHANGED_SINCE_REVIEW;
    const scheduled = publishAt !== null && publishAt.getTime() > now.getTime();
    if (scheduled) {
      if (publishAt.toISOString().slice(0, 10) > row.actBefore)
        return refuse("invalid", "Choose a time before the deadline.", { publishAt: ["Choose a time before the case’s deadline."] });
      tx.update(cases).set({ publishAt, scheduledVersion: version, updatedAt: now }).where(eq(cases.id, id)).run();
      recordAudit(tx, { actorUserId: user.id, action: "case.schedule_publish", subjectType: "case", subjectId: id, details: { publishAt: publishAt.toISOString(), version } }, now);
      return { ok: true as const, slug: row.slug, scheduled: true };
    }
    tx.update(cases)
      .set({ state: "published", publishedAt: now, publishAt: null, scheduledVersion: null, updatedAt: now })
      .where(and(eq(cases.id, id), inArray(cases.state, ["draft", "in_review"])))
      .run();
    recordAudit(tx, { actorUserId: user.id, action: "case.publish", subjectType: "case", subjectId: id, details: { via: "now", version } }, now);
    return { ok: true as const, slug: row.slug, scheduled: false };
  });
}

export const CHANGED_SINCE_REVIEW = refuse("changed", "This case changed since you reviewed it. Read it again below, then publish or schedule.");

/** Takes a scheduled time off a case that is not yet public. */
export function cancelScheduledPublish({ id, user, now = new Date() }: { id: string; user: CurrentUser; now?: Date }): WorkflowResult {
  if (user.role !== "admin") return ADMINS_ONLY;
  return writeTransaction((tx) => {
    const row = tx.select({ slug: cases.slug, state: cases.state, publishAt: cases.publishAt }).from(cases).where(eq(cases.id, id)).get();
    if (!row) return NOT_FOUND;
    if (row.state !== "draft" && row.state !== "in_review") return wrongState(row.state, "unscheduled");
    if (row.publishAt) {
      tx.update(cases).set({ publishAt: null, scheduledVersion: null, updatedAt: now }).where(eq(cases.id, id)).run();
      recordAudit(tx, { actorUserId: user.id, action: "case.unschedule_publish", subjectType: "case", subjectId: id }, now);
    }
    return { ok: true as const, slug: row.slug };
  });
}
