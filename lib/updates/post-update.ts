import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { caseUpdates, cases, signatures } from "@/db/schema";
import { updateNoticeEmail } from "@/emails/update-notice";
import { recordAudit } from "../audit/record-audit";
import { env } from "../env";
import { RISK_LABELS } from "../labels";
import { enqueueMessage, wakeOutbox } from "../outbox/enqueue-message";
import { newId } from "../security/secret";
import type { PostUpdateInput } from "./schemas";
import { oneClickUnsubscribeUrl, unsubscribePageUrl } from "./unsubscribe-token";

export type PostUpdateResult = { updateId: string; caseSlug: string; notified: number };

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/**
 * Posts an update to a case, in one transaction: the timeline entry, the case's new risk status (if any), one
 * notice in the outbox for each confirmed supporter who asked to hear back and has not unsubscribed, and the
 * audit record. Either all of it happens or none: a crash cannot leave an update whose followers were never told.
 * Returns null when there is no such case.
 */
export function postUpdate({
  caseId,
  input,
  actorId,
  now = new Date(),
}: {
  caseId: string;
  input: PostUpdateInput;
  actorId: string;
  now?: Date;
}): PostUpdateResult | null {
  const config = env();
  const result = writeTransaction((tx): PostUpdateResult | null => {
    const theCase = tx
      .select({ id: cases.id, slug: cases.slug, personName: cases.personName })
      .from(cases)
      .where(eq(cases.id, caseId))
      .get();
    if (!theCase) return null;

    const updateId = newId();
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
        createdAt: now,
      })
      .run();
    if (input.riskStatus) {
      tx.update(cases).set({ riskStatus: input.riskStatus, updatedAt: now }).where(eq(cases.id, theCase.id)).run();
    }

    const followers = tx
      .select({ id: signatures.id, fullName: signatures.fullName, email: signatures.email })
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

    const caseUrl = `${config.appUrl}/cases/${theCase.slug}`;
    for (const follower of followers) {
      const mail = updateNoticeEmail({
        supporterName: follower.fullName,
        personName: theCase.personName,
        kind: input.kind,
        title: input.title,
        body: input.body,
        happenedOn: dayFormat.format(new Date(`${input.happenedOn}T00:00:00Z`)),
        statusLabel: input.riskStatus ? RISK_LABELS[input.riskStatus] : null,
        caseUrl,
        unsubscribeUrl: unsubscribePageUrl({ signatureId: follower.id }),
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
        details: { updateId, kind: input.kind, riskStatus: input.riskStatus, notified: followers.length },
      },
      now,
    );
    return { updateId, caseSlug: theCase.slug, notified: followers.length };
  });
  if (result && result.notified > 0) wakeOutbox();
  return result;
}
