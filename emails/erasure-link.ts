import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { button, escapeHtml, layout, paragraphs, type RenderedEmail } from "./html";

export type ErasureLinkEmailProps = {
  eraseUrl: string;
  appUrl: string;
  expiresInHours: number;
  /** the language of the page the request came from */
  locale?: Locale;
};

export const erasureLinkPreviewProps: ErasureLinkEmailProps = {
  eraseUrl: "http://localhost:3000/en/erase/example-token",
  appUrl: "http://localhost:3000",
  expiresInHours: 24,
};

/** The one-time link that erases a supporter's details. Sent to any address typed on /erase (the page must not
 * tell who signed), so it says what the link does and that nothing happens without it. */
export function erasureLinkEmail(props: ErasureLinkEmailProps = erasureLinkPreviewProps): RenderedEmail {
  const locale = props.locale ?? DEFAULT_LOCALE;
  const t = translatorFor(locale);
  const host = new URL(props.appUrl).host;
  const subject = t("emails.erasure.subject", { host });
  const intro = t("emails.erasure.intro", { host });
  const what = t("emails.erasure.what");
  const ignore = t("emails.erasure.ignore", { hours: props.expiresInHours });
  const see = t("emails.erasure.button");
  const text = `${intro}\n\n${what}\n\n${see}:\n${props.eraseUrl}\n\n${ignore}\n`;
  const html = layout({
    locale,
    title: subject,
    body: `${paragraphs(`${intro}\n\n${what}`)}
${button(props.eraseUrl, see)}
<p style="margin:0 0 16px;font-size:14px;word-break:break-all">${escapeHtml(t("emails.common.orOpen"))} <a href="${escapeHtml(props.eraseUrl)}">${escapeHtml(props.eraseUrl)}</a></p>`,
    footer: escapeHtml(ignore),
  });
  return { subject, text, html };
}
