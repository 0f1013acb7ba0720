import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { eraseLine, eraseUrlFor, escapeHtml, layout, paragraphs, type RenderedEmail } from "./html";

export type AlreadySignedEmailProps = {
  personName: string;
  caseUrl: string;
  /** already in the reader's language (components/format.ts formatDay) */
  confirmedOn: string;
  locale?: Locale;
};

export const alreadySignedPreviewProps: AlreadySignedEmailProps = {
  personName: "Li Qiaochu",
  caseUrl: "http://localhost:3000/en/cases/li-qiaochu",
  confirmedOn: "17 March 2020",
  locale: "en",
};

/** Sent instead of a second confirmation when the address has already signed: the web page never says so,
 * because anyone can type anyone's address into the form. */
export function alreadySignedEmail(props: AlreadySignedEmailProps = alreadySignedPreviewProps): RenderedEmail {
  const locale = props.locale ?? DEFAULT_LOCALE;
  const t = translatorFor(locale);
  const subject = t("emails.alreadySigned.subject", { name: props.personName });
  const body = t("emails.alreadySigned.body", { name: props.personName, date: props.confirmedOn });
  const text = `${body}\n\n${props.caseUrl}\n\n${eraseLine(props.caseUrl, locale)}\n`;
  const html = layout({
    locale,
    title: subject,
    body: paragraphs(body),
    footer: `<a href="${escapeHtml(props.caseUrl)}">${escapeHtml(t("emails.alreadySigned.follow", { name: props.personName }))}</a>. <a href="${escapeHtml(eraseUrlFor(props.caseUrl, locale))}">${escapeHtml(t("emails.common.removeDetails"))}</a>.`,
  });
  return { subject, text, html };
}
