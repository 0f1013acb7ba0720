import type { UpdateKind } from "@/db/schema";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { button, eraseLine, eraseUrlFor, escapeHtml, layout, paragraphs, type RenderedEmail } from "./html";

export type UpdateNoticeEmailProps = {
  supporterName: string;
  personName: string;
  kind: UpdateKind;
  title: string;
  /** The update as the campaigner wrote it (Markdown reads well enough as plain text), in the case's language */
  body: string;
  /** e.g. "14 March 2025", in the supporter's language */
  happenedOn: string;
  /** The new risk status in words (the supporter's language), when the update changed it */
  statusLabel: string | null;
  /** the language of the case's own text (title, body), marked in the html */
  contentLanguage?: string;
  locale?: Locale;
  caseUrl: string;
  unsubscribeUrl: string;
};

export const updateNoticePreviewProps: UpdateNoticeEmailProps = {
  supporterName: "Amira Haddad",
  personName: "Li Qiaochu",
  kind: "outcome",
  title: "Li Qiaochu released on bail",
  body: "Li Qiaochu was released on bail on 14 March and is back with her family.\n\nThank you to everyone who wrote: the authorities received more than 12,000 letters.",
  happenedOn: "14 March 2025",
  statusLabel: "Released",
  caseUrl: "http://localhost:3000/en/cases/li-qiaochu",
  unsubscribeUrl: "http://localhost:3000/en/unsubscribe/example-signature/example-token",
  contentLanguage: "en",
  locale: "en",
};

/** What happened next, for a supporter who asked to hear back. Every notice carries its own way out. */
export function updateNoticeEmail(props: UpdateNoticeEmailProps = updateNoticePreviewProps): RenderedEmail {
  const locale = props.locale ?? DEFAULT_LOCALE;
  const t = translatorFor(locale);
  const lang = props.contentLanguage ?? "en";
  const label = t(`updates.kind.${props.kind}`);
  const subject = t(props.kind === "outcome" ? "emails.update.subjectOutcome" : "emails.update.subjectUpdate", { name: props.personName, title: props.title });
  const intro = t("emails.update.intro", { supporter: props.supporterName, name: props.personName });
  const status = props.statusLabel ? t("emails.update.status", { status: props.statusLabel }) : null;
  const why = t("emails.update.why", { name: props.personName });
  const stop = t("emails.update.stop", { name: props.personName });
  const text = [
    intro,
    `${t("emails.update.kindOn", { kind: label, date: props.happenedOn })}\n${props.title}${status ? `\n${status}` : ""}`,
    props.body,
    `${t("emails.update.readCase")}\n${props.caseUrl}`,
    `${why} ${stop}:\n${props.unsubscribeUrl}`,
    eraseLine(props.caseUrl, locale),
  ].join("\n\n");
  const html = layout({
    locale,
    title: subject,
    body: `${paragraphs(intro)}
<p style="margin:0 0 4px;font-family:Arial,Helvetica,sans-serif;font-size:13px;font-weight:700;text-transform:uppercase;letter-spacing:.06em">${escapeHtml(label)} · ${escapeHtml(props.happenedOn)}</p>
<h1 style="margin:0 0 8px;font-size:24px;line-height:1.25" lang="${escapeHtml(lang)}" dir="auto">${escapeHtml(props.title)}</h1>
${status ? `<p style="margin:0 0 16px"><strong>${escapeHtml(status)}</strong></p>` : ""}
<div lang="${escapeHtml(lang)}" dir="auto">${paragraphs(props.body)}</div>
${button(props.caseUrl, t("emails.update.readAbout", { name: props.personName }))}`,
    footer: `${escapeHtml(why)} <a href="${escapeHtml(props.unsubscribeUrl)}">${escapeHtml(stop)}</a>. <a href="${escapeHtml(eraseUrlFor(props.caseUrl, locale))}">${escapeHtml(t("emails.common.removeDetails"))}</a>.`,
  });
  return { subject, text: `${text}\n`, html };
}
