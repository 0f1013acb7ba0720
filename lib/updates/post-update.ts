import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { writeTransaction, type Db } from "@/db/client";
import { auditLog, caseRevisions, caseUpdates, cases, signatures } from "@/db/schema";
import { updateNoticeEmail } from "@/emails/update-notice";
import { recordAudit } from "../audit/record-audit";
import { env } from "../env";
import { formatDay } from "@/components/format";
import { contentLanguageOf } from "../i18n/content-language";
import { localePath, toLocale } from "../i18n/locales";
import { messagesFor } from "../i18n/messages";
import { enqueueMessage, wakeOutbox } from "../outbox/enqueue-message";
import { proposeRevision } from "../revisions/propose-revision";
import { reviewRule } from "../revisions/review-rule";
import { newId } from "../security/secret";
import type { PostUpdateInput } from "./schemas";
import { oneClickUnsubscribeUrl, unsubscribePageUrl } from "./unsubscribe-token";

export type PostUpdateResult = {
  updateId: string;
  caseSlug: string;
  notified: number;
  /** set when a campaigner's update to a live case waits for an admin: nobody is mailed until it is approved */
  revisionId: string | null;
  /** the same form came again (a double submit, a replay): nothing new was written or mailed */
  replayed: boolean;
};

/** A form key is random and long: anything else is not one (and is not used to find an earlier post). */
const FORM_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/** A new one-time key for the Post update form's hidden field. */
export function newFormKey(): string {
  return randomBytes(18).toString("base64url");
}


/**
 * Posts an update to a case, in one transaction: the timeline entry, the case's new risk status (if any), one
 * notice in the outbox for each confirmed supporter who asked to hear back and has not unsubscribed, and the
 * audit record. Either all of it happens or none: a crash cannot leave an update whose followers were never told.
 * `formKey` is the form's one-time key (a hidden field, stored under a unique index): the same form posted twice
 * finds the first post and mails nobody again. A campaigner's update to a live case mails followers, so it is
 * stored as a revision for an admin to approve (lib/revisions/review-rule.ts). Returns null when there is no
 * such case.
 */
export function postUpdate({
  caseId,
  input,
  actorId,
  formKey: typedKey = null,
  now = new Date(),
}: {
  caseId: string;
  input: PostUpdateInput;
  actorId: string;
  formKey?: string | null;
  now?: Date;
}): PostUpdateResult | null {
  const formKey = typedKey && FORM_KEY.test(typedKey) ? typedKey : null;
  const result = writeTransaction((tx): PostUpdateResult | null => {
    const rule = reviewRule(tx, { caseId, actorId });
    if (!rule.found) return null;
    const slug = tx.select({ slug: cases.slug }).from(cases).where(eq(cases.id, caseId)).get()!.slug;
    if (formKey) {
      const posted = tx.select({ id: caseUpdates.id, caseId: caseUpdates.caseId }).from(caseUpdates).where(eq(caseUpdates.formKey, formKey)).get();
      if (posted) return posted.caseId === caseId ? { updateId: posted.id, caseSlug: slug, notified: notifiedBy(tx, posted.id), revisionId: null, replayed: true } : null;
      const proposed = tx.select({ id: caseRevisions.id, caseId: caseRevisions.caseId, subjectId: caseRevisions.subjectId }).from(caseRevisions).where(eq(caseRevisions.formKey, formKey)).get();
      if (proposed) return proposed.caseId === caseId ? { updateId: proposed.subjectId ?? "", caseSlug: slug, notified: 0, revisionId: proposed.id, replayed: true } : null;
    }
    const updateId = newId();
    if (rule.needsReview) {
      const revisionId = proposeRevision(tx, { caseId, kind: "update", subjectId: updateId, before: null, after: input, authorId: actorId, formKey, audit: { kind: input.kind }, now });
      return { updateId, caseSlug: slug, notified: 0, revisionId, replayed: false };
    }
    return { ...applyPostUpdate(tx, { caseId, updateId, input, actorId, formKey, now }), revisionId: null, replayed: false };
  });
  if (result && result.notified > 0 && !result.replayed) wakeOutbox();
  return result;
}

/** How many followers the audit log says an update told: what a replayed form reports again. */
function notifiedBy(tx: Db, updateId: string): number {
  const row = tx
    .select({ notified: sql<number | null>`json_extract(${auditLog.details}, '$.notified')` })
    .from(auditLog)
    .where(and(eq(auditLog.action, "update.post"), sql`json_extract(${auditLog.details}, '$.updateId') = ${updateId}`))
    .get();
  return row?.notified ?? 0;
}

/** The post itself, for a direct post and an approved revision alike (inside the caller's transaction; the
 * caller wakes the outbox after it commits). */
export function applyPostUpdate(
  tx: Db,
  {
    caseId,
    updateId,
    input,
    actorId,
    formKey = null,
    revision,
    now,
  }: { caseId: string; updateId: string; input: PostUpdateInput; actorId: string; formKey?: string | null; revision?: { id: string; authorId: string | null }; now: Date },
): { updateId: string; caseSlug: string; notified: number } {
  const config = env();
  const theCase = tx.select({ id: cases.id, slug: cases.slug, personName: cases.personName, languages: cases.languages }).from(cases).where(eq(cases.id, caseId)).get()!;

  tx.insert(caseUpdates)
    .values({
      id: updateId,
      caseId: theCase.id,
      kind: input.kind,
      title: input.title,
      body: input.body,
      riskStatus: input.riskStatus,
      happenedOn: input.happenedOn,
      createdBy: actorId,
      notifiedAt: now,
      formKey,
      createdAt: now,
    })
    .run();
  if (input.riskStatus) {
    tx.update(cases).set({ riskStatus: input.riskStatus, updatedAt: now }).where(eq(cases.id, theCase.id)).run();
  }

  const followers = tx
    .select({ id: signatures.id, fullName: signatures.fullName, email: signatures.email, locale: signatures.locale })
    .from(signatures)
    .where(
      and(
        eq(signatures.caseId, theCase.id),
        eq(signatures.status, "confirmed"),
        eq(signatures.followUpdates, true),
        isNull(signatures.unsubscribedAt),
      ),
    )
    .all();

  for (const follower of followers) {
    // each follower reads the notice in the language they signed in; the update itself stays as written
    const locale = toLocale(follower.locale);
    const mail = updateNoticeEmail({
      locale,
      contentLanguage: contentLanguageOf(theCase.languages),
      supporterName: follower.fullName,
      personName: theCase.personName,
      kind: input.kind,
      title: input.title,
      body: input.body,
      happenedOn: formatDay(input.happenedOn, locale),
      statusLabel: input.riskStatus ? messagesFor(locale).risk[input.riskStatus] : null,
      caseUrl: `${config.appUrl}${localePath(locale, `/cases/${theCase.slug}`)}`,
      unsubscribeUrl: unsubscribePageUrl({ signatureId: follower.id, locale }),
    });
    enqueueMessage(
      tx,
      {
        kind: "update_notice",
        to: follower.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // RFC 8058: mail clients show an "Unsubscribe" button that POSTs to this URL, with no page to visit
        headers: {
          "List-Unsubscribe": `<${oneClickUnsubscribeUrl({ signatureId: follower.id })}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
      },
      now,
    );
  }

  recordAudit(
    tx,
    {
      actorUserId: actorId,
      action: "update.post",
      subjectType: "case",
      subjectId: theCase.id,
      details: {
        updateId,
        kind: input.kind,
        riskStatus: input.riskStatus,
        notified: followers.length,
        ...(revision ? { revisionId: revision.id, proposedBy: revision.authorId } : {}),
      },
    },
    now,
  );
  return { updateId, caseSlug: theCase.slug, notified: followers.length };
}
