import { eraseLine, eraseUrlFor, escapeHtml, layout, paragraphs, type RenderedEmail } from "./html";

export type AlreadySignedEmailProps = { personName: string; caseUrl: string; confirmedOn: string };

export const alreadySignedPreviewProps: AlreadySignedEmailProps = {
  personName: "Li Qiaochu",
  caseUrl: "http://localhost:3000/cases/li-qiaochu",
  confirmedOn: "17 March 2020",
};

/** Sent instead of a second confirmation when the address has already signed: the web page never says so,
 * because anyone can type anyone's address into the form. */
export function alreadySignedEmail(props: AlreadySignedEmailProps = alreadySignedPreviewProps): RenderedEmail {
  const subject = `You have already signed for ${props.personName}`;
  const body = `Someone, probably you, asked to sign the appeal for ${props.personName} again with this address.\n\nYour appeal was already confirmed on ${props.confirmedOn} and counted once; nothing more has been sent. Thank you for standing with ${props.personName}.\n\nIf this was not you, you need do nothing.`;
  const text = `${body}\n\n${props.caseUrl}\n\n${eraseLine(props.caseUrl)}\n`;
  const html = layout({
    title: subject,
    body: paragraphs(body),
    footer: `<a href="${escapeHtml(props.caseUrl)}">Follow the case of ${escapeHtml(props.personName)}</a>. <a href="${escapeHtml(eraseUrlFor(props.caseUrl))}">Remove my details</a>.`,
  });
  return { subject, text, html };
}
