import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appeals, cases, selfReports, signatures, targets, type SELF_REPORT_CHANNELS } from "@/db/schema";
import { hashToken } from "../security/secret";
import type { MailtoLinks } from "../letters/mailto";
import { signatureName } from "../letters/render";
import type { AppealChannel } from "../targets/channel";
import { envelopeLines, officialName } from "../targets/naming";
import { fallbackSubjectFor, ownMailLinks, ownMailPlan, type OwnMail } from "./mail-plan";
import { isValidThanksToken } from "./thanks-token";

export type SelfReportChannel = (typeof SELF_REPORT_CHANNELS)[number];

/** One of the supporter's letters, as stored when they confirmed. */
export type SupporterLetter = {
  appealId: string;
  targetId: string;
  role: "primary" | "copy";
  official: string;
  /** how Vigil itself sends this letter */
  channel: AppealChannel;
  /** the address the supporter may write to from their own mailbox, when the official has one */
  email: string | null;
  recipientLines: string[];
  language: string;
  subject: string;
  body: string;
  date: Date;
};

export type SupporterLetters = {
  signatureId: string;
  caseId: string;
  caseSlug: string;
  personName: string;
  reference: string;
  signedAs: string;
  country: string;
  letters: SupporterLetter[];
};

/**
 * A confirmed supporter's letters, only for the holder of their thank-you token and only on their own case's
 * page: anything else (a wrong token, another case's slug, a pending signature) gets undefined, the same for
 * each, so the page shows nothing private and says nothing about which part was wrong.
 */
export function getSupporterLetters({ caseSlug, signatureId, token }: { caseSlug: string; signatureId: string; token: string }): SupporterLetters | undefined {
  if (!isValidThanksToken({ signatureId, token })) return undefined;
  const db = getDb();
  const signature = db
    .select({
      id: signatures.id,
      caseId: signatures.caseId,
      status: signatures.status,
      fullName: signatures.fullName,
      initialsOnly: signatures.initialsOnly,
      country: signatures.country,
      confirmedAt: signatures.confirmedAt,
      caseSlug: cases.slug,
      personName: cases.personName,
      reference: cases.reference,
    })
    .from(signatures)
    .innerJoin(cases, eq(cases.id, signatures.caseId))
    .where(and(eq(signatures.id, signatureId), eq(cases.slug, caseSlug)))
    .get();
  if (!signature || signature.status !== "confirmed") return undefined;
  const rows = db
    .select({
      appealId: appeals.id,
      targetId: appeals.targetId,
      channel: appeals.channel,
      language: appeals.language,
      subject: appeals.subject,
      body: appeals.body,
      recipient: appeals.recipient,
      deliveryAddress: appeals.deliveryAddress,
      createdAt: appeals.createdAt,
      role: targets.role,
      routing: targets.routing,
      title: targets.title,
      name: targets.name,
      office: targets.office,
      postalAddress: targets.postalAddress,
      email: targets.email,
    })
    .from(appeals)
    .innerJoin(targets, eq(targets.id, appeals.targetId))
    .where(eq(appeals.signatureId, signature.id))
    .orderBy(asc(targets.position))
    .all();
  const letters = rows.map((r): SupporterLetter => {
    const lines = envelopeLines(r.recipient);
    // a routed copy names its mission on the envelope; the target row only says "the embassy of …"
    const official = r.routing === "mission" && lines[0] ? lines[0] : officialName(r);
    // the address the letter was fixed to when emailed, else the official's own. Never a routed copy's mission:
    // from the supporter's own mailbox, that would hand their address to the embassy in the country they live
    // in, the one official the threat model fears most; Vigil sends that copy from the organisation's address.
    const email = r.routing === "mission" ? null : r.channel === "email" ? (r.deliveryAddress ?? r.email) : r.email;
    return {
      appealId: r.appealId,
      targetId: r.targetId,
      role: r.role,
      official,
      channel: r.channel,
      email: email ?? null,
      recipientLines: lines,
      language: r.language,
      subject: r.subject,
      body: r.body,
      date: signature.confirmedAt ?? r.createdAt,
    };
  });
  return {
    signatureId: signature.id,
    caseId: signature.caseId,
    caseSlug: signature.caseSlug,
    personName: signature.personName,
    reference: signature.reference,
    signedAs: signatureName(signature),
    country: signature.country,
    letters,
  };
}

/** The supporter's own emails: who each goes to, and its links (or, too long for a link, what to copy). */
export function supporterMails(found: SupporterLetters): (OwnMail & { official: string; ccOfficials: string[]; links: MailtoLinks | null })[] {
  const byTarget = new Map(found.letters.map((l) => [l.targetId, l]));
  const fallback = fallbackSubjectFor(found);
  return ownMailPlan(found.letters).map((mail) => ({
    ...mail,
    official: byTarget.get(mail.targetId)?.official ?? "",
    ccOfficials: mail.ccTargetIds.map((id) => byTarget.get(id)?.official ?? ""),
    links: ownMailLinks(mail, fallback),
  }));
}

/** What the supporter has already told us they sent: "email:<target id>" and "post:<target id>". */
export function listSelfReports({ signatureId }: { signatureId: string }): Set<string> {
  const rows = getDb()
    .select({ targetId: selfReports.targetId, channel: selfReports.channel })
    .from(selfReports)
    .where(eq(selfReports.signatureId, signatureId))
    .all();
  return new Set(rows.map((r) => selfReportKey(r)));
}

export const selfReportKey = ({ channel, targetId }: { channel: SelfReportChannel; targetId: string }) => `${channel}:${targetId}`;

/** The signature a confirmation token belongs to, for the redirect to its thank-you page after confirming. */
export function getSignatureIdByConfirmationToken({ token }: { token: string }): string | undefined {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  return getDb()
    .select({ id: signatures.id })
    .from(signatures)
    .where(and(eq(signatures.tokenHash, hashToken(token)), eq(signatures.status, "confirmed")))
    .get()?.id;
}
