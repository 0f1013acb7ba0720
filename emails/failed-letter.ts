import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { button, eraseLine, eraseUrlFor, escapeHtml, layout, paragraphs, type RenderedEmail } from "./html";

export type FailedLetterEmailProps = {
  supporterName: string;
  personName: string;
  /** whom the letter was to, e.g. "Wang Xiaoming, Minister of Public Security" */
  official: string;
  /** the envelope lines of the official's postal address; empty when none is on record */
  postalLines: string[];
  /** the letter exactly as the supporter signed it (in its own language, whatever the supporter reads) */
  subject: string;
  body: string;
  /** "Send it from your own email": a mailto: link with the letter, or null when it is too long for one or the
   * address cannot go in a link (the letter above is then there to copy) */
  mailto: string | null;
  /** the supporter's own page: every letter of theirs, with the mail links, the PDF and "I sent it" */
  ownChannelsUrl: string;
  caseUrl: string;
  /** the language the supporter signed in (signatures.locale) */
  locale?: Locale;
};

export const failedLetterPreviewProps: FailedLetterEmailProps = {
  supporterName: "Amira Haddad",
  personName: "Li Qiaochu",
  official: "Wang Xiaoming, Minister of Public Security",
  postalLines: ["Wang Xiaoming, Minister of Public Security", "14 Dong Chang'an Avenue", "Dongcheng District, Beijing 100741", "China"],
  subject: "Release Li Qiaochu (UA 27/20)",
  body: "Dear Minister,\n\nI am writing to urge you to release Li Qiaochu immediately and unconditionally.\n\nYours sincerely,\nAmira Haddad\nNorway",
  mailto: "mailto:minister@example.org?subject=Release%20Li%20Qiaochu%20(UA%2027%2F20)&body=Dear%20Minister%2C",
  ownChannelsUrl: "http://localhost:3000/en/cases/li-qiaochu/thanks?s=example-signature&k=example-token",
  caseUrl: "http://localhost:3000/en/cases/li-qiaochu",
  locale: "en",
};

/** A letter the supporter signed could not be delivered and nothing else carries it: a copy, and how to send it
 * themselves, in the supporter's language. Sent at most once per supporter per case (lib/bounces/failure-notice.ts). */
export function failedLetterEmail(props: FailedLetterEmailProps = failedLetterPreviewProps): RenderedEmail {
  const locale = props.locale ?? DEFAULT_LOCALE;
  const t = translatorFor(locale);
  const subject = t("emails.failure.subject", { name: props.personName });
  const intro = t("emails.failure.intro", { supporter: props.supporterName, name: props.personName, official: props.official });
  const post = props.postalLines.length > 0 ? `${t("emails.failure.postLine")}\n${props.postalLines.join("\n")}` : null;
  const ownMail = props.mailto ? t("emails.failure.ownMail") : t("emails.failure.ownMailCopy");
  const page = t("emails.failure.page");
  const why = t("emails.failure.why", { name: props.personName });
  const letterSubject = t("emails.failure.subjectLine", { subject: props.subject });
  const text = [
    intro,
    ...(post ? [post] : []),
    props.mailto ? `${ownMail}\n${props.mailto}` : ownMail,
    `${page}\n${props.ownChannelsUrl}`,
    `${t("emails.failure.letterHeading")}\n\n${letterSubject}\n\n${props.body}`,
    `${why}\n${props.caseUrl}`,
    eraseLine(props.caseUrl, locale),
  ].join("\n\n");
  const html = layout({
    locale,
    title: subject,
    body: `${paragraphs(intro)}
${post ? `<h2 style="margin:24px 0 8px;font-size:19px">${escapeHtml(t("emails.failure.postHeading"))}</h2>\n<p style="margin:0 0 16px" dir="auto">${props.postalLines.map(escapeHtml).join("<br>")}</p>` : ""}
<h2 style="margin:24px 0 8px;font-size:19px">${escapeHtml(t("emails.failure.emailHeading"))}</h2>
<p style="margin:0 0 16px">${escapeHtml(ownMail)}</p>
${props.mailto ? button(props.mailto, t("emails.failure.sendButton")) : ""}
${paragraphs(page)}
${button(props.ownChannelsUrl, t("emails.failure.pageButton"))}
<h2 style="margin:24px 0 8px;font-size:19px">${escapeHtml(t("emails.failure.letterHeading"))}</h2>
<div dir="auto">
<p style="margin:0 0 16px"><strong>${escapeHtml(props.subject)}</strong></p>
${paragraphs(props.body)}
</div>`,
    footer: `${escapeHtml(why)} <a href="${escapeHtml(props.caseUrl)}">${escapeHtml(t("emails.failure.caseLink"))}</a>. <a href="${escapeHtml(eraseUrlFor(props.caseUrl, locale))}">${escapeHtml(t("emails.common.removeDetails"))}</a>.`,
  });
  return { subject, text: `${text}\n`, html };
}
