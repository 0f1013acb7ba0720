import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { button, eraseLine, eraseUrlFor, escapeHtml, layout, paragraphs, type RenderedEmail } from "./html";

export type ConfirmSignatureEmailProps = {
  supporterName: string;
  personName: string;
  caseTitle: string;
  confirmUrl: string;
  caseUrl: string;
  targets: string[];
  expiresInHours: number;
  /** The letters' signature and choices as submitted: shown, because anyone can type an address into the form */
  signedAs: string;
  message: string | null;
  allowReply: boolean;
  /** the language the supporter signed in; the links above already carry it */
  locale?: Locale;
};

export const confirmSignaturePreviewProps: ConfirmSignatureEmailProps = {
  supporterName: "Amira Haddad",
  personName: "Li Qiaochu",
  caseTitle: "Women's rights defender detained in secret",
  confirmUrl: "http://localhost:3000/en/confirm/example-token",
  caseUrl: "http://localhost:3000/en/cases/li-qiaochu",
  targets: ["Director of the Beijing Municipal Public Security Bureau", "President of the People's Republic of China"],
  expiresInHours: 72,
  signedAs: "Amira Haddad",
  message: "Please let her family see her.",
  allowReply: false,
  locale: "en",
};

/** Asks a supporter to confirm: nothing is sent to any official until they do. */
export function confirmSignatureEmail(props: ConfirmSignatureEmailProps = confirmSignaturePreviewProps): RenderedEmail {
  const locale = props.locale ?? DEFAULT_LOCALE;
  const t = translatorFor(locale);
  const subject = t("emails.confirm.subject", { name: props.personName });
  const list = props.targets.map((target) => `  - ${target}`).join("\n");
  const intro = t("emails.confirm.intro", { supporter: props.supporterName, name: props.personName, title: props.caseTitle });
  const details = [
    t("emails.confirm.signedAs", { signedAs: props.signedAs }),
    // the message itself is shown on the confirmation page, not here: mailing form text to any address would
    // make this email a carrier for whatever a stranger types
    props.message ? t("emails.confirm.withMessage") : t("emails.confirm.withoutMessage"),
    props.allowReply ? t("emails.confirm.replyYes") : t("emails.confirm.replyNo"),
  ].join("\n");
  const goesTo = t("emails.confirm.goesTo");
  const notUntil = t("emails.confirm.notUntil");
  const ask = `${goesTo}\n${list}\n\n${details}\n\n${notUntil}`;
  const ignore = t("emails.confirm.ignore", { hours: props.expiresInHours });
  const text = `${intro}\n\n${ask}\n\n${t("emails.confirm.confirmLine")}\n${props.confirmUrl}\n\n${ignore}\n\n${t("emails.confirm.caseLine")}\n${props.caseUrl}\n\n${eraseLine(props.caseUrl, locale)}\n`;
  const html = layout({
    locale,
    title: subject,
    body: `${paragraphs(intro)}
<p style="margin:0 0 8px">${escapeHtml(goesTo)}</p>
<ul style="margin:0 0 16px;padding-inline-start:20px">${props.targets.map((target) => `<li dir="auto">${escapeHtml(target)}</li>`).join("")}</ul>
${paragraphs(details)}
<p style="margin:0 0 16px">${escapeHtml(notUntil)}</p>
${button(props.confirmUrl, t("emails.confirm.button"))}
<p style="margin:0 0 16px;font-size:14px;word-break:break-all">${escapeHtml(t("emails.common.orOpen"))} <a href="${escapeHtml(props.confirmUrl)}" dir="ltr">${escapeHtml(props.confirmUrl)}</a></p>`,
    footer: `${escapeHtml(ignore)} <a href="${escapeHtml(props.caseUrl)}">${escapeHtml(t("emails.confirm.readAbout", { name: props.personName }))}</a>. <a href="${escapeHtml(eraseUrlFor(props.caseUrl, locale))}">${escapeHtml(t("emails.common.removeDetails"))}</a>.`,
  });
  return { subject, text, html };
}
