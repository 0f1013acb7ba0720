import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals, cases, outbox, signatures, targets } from "@/db/schema";
import { failedLetterEmail } from "@/emails/failed-letter";
import { isOpenForSignatures } from "../cases/queries";
import { env } from "../env";
import { buildMailto, MailtoAddressError } from "../letters/mailto";
import { enqueueMessage } from "../outbox/enqueue-message";
import { fallbackSubjectFor } from "../own-channels/mail-plan";
import { localePath, toLocale } from "../i18n/locales";
import { thanksPath } from "../own-channels/thanks-token";
import { envelopeLines, officialName } from "../targets/naming";
import { isErasedAddress } from "../erasure/erased-address";

export type FailureNoticeOutcome = "queued" | "not-failed" | "carried-on" | "case-closed" | "no-address" | "no-letter" | "already-told";

/**
 * The supporter hears once that a letter of theirs failed for good (decision 023): a copy of it and how to send
 * it themselves. "For good": its email row ended failed or bounced for a delivery reason and nothing else carries
 * it (a letter moved to fax or post has not failed; call this after any rerouting in the same transaction). Not
 * for a case that no longer takes action, not when the supporter's address or the letter is no longer held. The
 * guarded update of signatures.failure_notice_at makes it one email per signature (one per supporter per case)
 * however many letters fail and however often a report repeats. Runs in the transaction that failed the row.
 */
export function noticeFailedLetter(tx: Db, { outboxId, now }: { outboxId: string; now: Date }): FailureNoticeOutcome {
  const found = tx
    .select({
      channel: appeals.channel,
      subject: appeals.subject,
      body: appeals.body,
      recipient: appeals.recipient,
      deliveryAddress: appeals.deliveryAddress,
      redactedAt: appeals.redactedAt,
      rowStatus: outbox.status,
      signatureId: signatures.id,
      signatureStatus: signatures.status,
      fullName: signatures.fullName,
      locale: signatures.locale,
      email: signatures.email,
      noticedAt: signatures.failureNoticeAt,
      caseState: cases.state,
      actBefore: cases.actBefore,
      slug: cases.slug,
      personName: cases.personName,
      reference: cases.reference,
      title: targets.title,
      name: targets.name,
      routing: targets.routing,
    })
    .from(appeals)
    .innerJoin(outbox, eq(outbox.id, appeals.outboxId))
    .innerJoin(signatures, eq(signatures.id, appeals.signatureId))
    .innerJoin(cases, eq(cases.id, appeals.caseId))
    .innerJoin(targets, eq(targets.id, appeals.targetId))
    .where(eq(appeals.outboxId, outboxId))
    .get();
  if (!found || (found.rowStatus !== "failed" && found.rowStatus !== "bounced")) return "not-failed";
  if (found.channel !== "email") return "carried-on";
  if (!isOpenForSignatures({ state: found.caseState, actBefore: found.actBefore }, now)) return "case-closed";
  if (found.signatureStatus === "pending" || !found.email || isErasedAddress(found.email)) return "no-address";
  if (found.redactedAt || !found.body) return "no-letter";
  if (found.noticedAt) return "already-told";
  const claimed = tx
    .update(signatures)
    .set({ failureNoticeAt: now })
    .where(and(eq(signatures.id, found.signatureId), isNull(signatures.failureNoticeAt)))
    .run();
  if (claimed.changes === 0) return "already-told";

  const { appUrl, MAIL_FROM_NAME } = env();
  const lines = envelopeLines(found.recipient);
  // a routed copy names its mission on the envelope; and is never offered as a mailto (decision 009: from the
  // supporter's own mailbox it would hand their address to the mission in the country they live in)
  const official = found.routing === "mission" && lines[0] ? lines[0] : officialName(found);
  const mailto = found.routing === "mission" || !found.deliveryAddress ? null : mailtoFor(found.deliveryAddress, found);
  const locale = toLocale(found.locale);
  const caseUrl = `${appUrl}${localePath(locale, `/cases/${found.slug}`)}`;
  const mail = failedLetterEmail({
    locale,
    supporterName: found.fullName,
    personName: found.personName,
    official,
    postalLines: lines,
    subject: found.subject,
    body: found.body,
    mailto,
    ownChannelsUrl: `${appUrl}${thanksPath({ caseSlug: found.slug, signatureId: found.signatureId, locale })}`,
    caseUrl,
  });
  enqueueMessage(
    tx,
    { kind: "failure_notice", to: found.email, fromName: MAIL_FROM_NAME, subject: mail.subject, text: mail.text, html: mail.html, headers: { "Auto-Submitted": "auto-generated" } },
    now,
  );
  return "queued";
}

function mailtoFor(address: string, letter: { subject: string; body: string; personName: string; reference: string }): string | null {
  try {
    const links = buildMailto({ to: [address], subject: letter.subject, body: letter.body, fallbackSubject: fallbackSubjectFor(letter) });
    return links.fits ? links.mailto : null;
  } catch (error) {
    if (error instanceof MailtoAddressError) return null;
    throw error;
  }
}
