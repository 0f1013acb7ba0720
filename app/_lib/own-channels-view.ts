// Shapes a supporter's letters into the props of components/own-channels.tsx for their thank-you page.
import type { OwnMailView, OwnPostView } from "@/components/own-channels";
import { letterPdfOptions } from "@/lib/letters/pdf-options";
import { getSupporterLetters, listSelfReports, selfReportKey, supporterMails } from "@/lib/own-channels/queries";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { thanksQuery } from "@/lib/own-channels/thanks-token";

export type OwnChannelsView = { signatureId: string; token: string; mails: OwnMailView[]; posts: OwnPostView[]; allPdfHref: string; paper: "A4" | "Letter" };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/** The supporter's own channels, or undefined (the public thanks only) without a valid `s` and `k`. */
export function ownChannelsView({ slug, query, locale }: { slug: string; query: Record<string, string | string[] | undefined>; locale: Locale }): OwnChannelsView | undefined {
  const signatureId = one(query.s);
  const token = one(query.k);
  if (!signatureId || !token) return undefined;
  const found = getSupporterLetters({ caseSlug: slug, signatureId, token });
  if (!found) return undefined;
  const reported = listSelfReports({ signatureId: found.signatureId });
  const pdfBase = localePath(locale, `/cases/${encodeURIComponent(found.caseSlug)}/thanks/letters?${thanksQuery({ signatureId: found.signatureId })}`);
  return {
    signatureId: found.signatureId,
    token,
    allPdfHref: pdfBase,
    paper: letterPdfOptions().paper,
    mails: supporterMails(found).map((m) => ({ ...m, reported: reported.has(selfReportKey({ channel: "email", targetId: m.targetId })) })),
    posts: found.letters.map((l) => ({
      targetId: l.targetId,
      official: l.official,
      recipientLines: l.recipientLines,
      pdfHref: `${pdfBase}&t=${encodeURIComponent(l.targetId)}`,
      reported: reported.has(selfReportKey({ channel: "post", targetId: l.targetId })),
    })),
  };
}
