import { button, eraseLine, eraseUrlFor, escapeHtml, layout, paragraphs, type RenderedEmail } from "./html";

export type FailedLetterEmailProps = {
  supporterName: string;
  personName: string;
  /** whom the letter was to, e.g. "Wang Xiaoming, Minister of Public Security" */
  official: string;
  /** the envelope lines of the official's postal address; empty when none is on record */
  postalLines: string[];
  /** the letter exactly as the supporter signed it */
  subject: string;
  body: string;
  /** "Send it from your own email": a mailto: link with the letter, or null when it is too long for one or the
   * address cannot go in a link (the letter above is then there to copy) */
  mailto: string | null;
  /** the supporter's own page: every letter of theirs, with the mail links, the PDF and "I sent it" */
  ownChannelsUrl: string;
  caseUrl: string;
};

export const failedLetterPreviewProps: FailedLetterEmailProps = {
  supporterName: "Amira Haddad",
  personName: "Li Qiaochu",
  official: "Wang Xiaoming, Minister of Public Security",
  postalLines: ["Wang Xiaoming, Minister of Public Security", "14 Dong Chang'an Avenue", "Dongcheng District, Beijing 100741", "China"],
  subject: "Release Li Qiaochu (UA 27/20)",
  body: "Dear Minister,\n\nI am writing to urge you to release Li Qiaochu immediately and unconditionally.\n\nYours sincerely,\nAmira Haddad\nNorway",
  mailto: "mailto:minister@example.org?subject=Release%20Li%20Qiaochu%20(UA%2027%2F20)&body=Dear%20Minister%2C",
  ownChannelsUrl: "http://localhost:3000/cases/li-qiaochu/thanks?s=example-signature&k=example-token",
  caseUrl: "http://localhost:3000/cases/li-qiaochu",
};

/** A letter the supporter signed could not be delivered and nothing else carries it: a copy, and how to send it
 * themselves. Sent at most once per supporter per case (lib/bounces/failure-notice.ts). */
export function failedLetterEmail(props: FailedLetterEmailProps = failedLetterPreviewProps): RenderedEmail {
  const subject = `Your letter for ${props.personName} did not arrive`;
  const intro = `Dear ${props.supporterName}, the letter you signed for ${props.personName} to ${props.official} could not be delivered by email. Vigil has no other way to send this one, so it has not arrived. You can still send it yourself.`;
  const post = props.postalLines.length > 0 ? `Post it. The official's postal address:\n${props.postalLines.join("\n")}` : null;
  const ownMail = props.mailto
    ? "You can also send it from your own email (the link opens your mail program with the letter; the official's server may refuse it again):"
    : "You can also copy the letter below into an email from your own address (the official's server may refuse it again).";
  const page = "Your page has every letter you signed, a printable copy and the ways to send each one:";
  const why = `You are receiving this once, because you signed the appeal for ${props.personName} and a letter of yours could not be delivered.`;
  const text = [
    intro,
    ...(post ? [post] : []),
    props.mailto ? `${ownMail}\n${props.mailto}` : ownMail,
    `${page}\n${props.ownChannelsUrl}`,
    `Your letter\n\nSubject: ${props.subject}\n\n${props.body}`,
    `${why}\n${props.caseUrl}`,
    eraseLine(props.caseUrl),
  ].join("\n\n");
  const html = layout({
    title: subject,
    body: `${paragraphs(intro)}
${post ? `<h2 style="margin:24px 0 8px;font-size:19px">Post it</h2>\n<p style="margin:0 0 16px">${props.postalLines.map(escapeHtml).join("<br>")}</p>` : ""}
<h2 style="margin:24px 0 8px;font-size:19px">Email it</h2>
<p style="margin:0 0 16px">${escapeHtml(ownMail)}</p>
${props.mailto ? button(props.mailto, "Send it from my email") : ""}
${paragraphs(page)}
${button(props.ownChannelsUrl, "Open my letters")}
<h2 style="margin:24px 0 8px;font-size:19px">Your letter</h2>
<p style="margin:0 0 16px"><strong>${escapeHtml(props.subject)}</strong></p>
${paragraphs(props.body)}`,
    footer: `${escapeHtml(why)} <a href="${escapeHtml(props.caseUrl)}">The case</a>. <a href="${escapeHtml(eraseUrlFor(props.caseUrl))}">Remove my details</a>.`,
  });
  return { subject, text: `${text}\n`, html };
}
