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
};

export const confirmSignaturePreviewProps: ConfirmSignatureEmailProps = {
  supporterName: "Amira Haddad",
  personName: "Li Qiaochu",
  caseTitle: "Women's rights defender detained in secret",
  confirmUrl: "http://localhost:3000/confirm/example-token",
  caseUrl: "http://localhost:3000/cases/li-qiaochu",
  targets: ["Director of the Beijing Municipal Public Security Bureau", "President of the People's Republic of China"],
  expiresInHours: 72,
  signedAs: "Amira Haddad",
  message: "Please let her family see her.",
  allowReply: false,
};

/** Asks a supporter to confirm: nothing is sent to any official until they do. */
export function confirmSignatureEmail(props: ConfirmSignatureEmailProps = confirmSignaturePreviewProps): RenderedEmail {
  const subject = `Please confirm your appeal for ${props.personName}`;
  const list = props.targets.map((t) => `  - ${t}`).join("\n");
  const intro = `Thank you, ${props.supporterName}. You asked to send an appeal for ${props.personName}: ${props.caseTitle}.`;
  const details = [
    `Signed: ${props.signedAs}`,
    // the message itself is shown on the confirmation page, not here: mailing form text to any address would
    // make this email a carrier for whatever a stranger types
    props.message ? "With your personal message (shown before you confirm)." : "Without a personal message.",
    props.allowReply
      ? "Your email address: officials WILL see it and can reply to you (you can still untick this when you confirm)."
      : "Your email address: not shown to officials.",
  ].join("\n");
  const ask = `Your letter will go to:\n${list}\n\n${details}\n\nIt is not sent, and not counted, until you confirm.`;
  const ignore = `If you did not ask for this, ignore this email: nothing will be sent and your address will not be used. The link works for ${props.expiresInHours} hours.`;
  const text = `${intro}\n\n${ask}\n\nConfirm your appeal:\n${props.confirmUrl}\n\n${ignore}\n\nThe case: ${props.caseUrl}\n\n${eraseLine(props.caseUrl)}\n`;
  const html = layout({
    title: subject,
    body: `${paragraphs(intro)}
<p style="margin:0 0 8px">Your letter will go to:</p>
<ul style="margin:0 0 16px;padding-left:20px">${props.targets.map((t) => `<li>${escapeHtml(t)}</li>`).join("")}</ul>
${paragraphs(details)}
<p style="margin:0 0 16px">It is not sent, and not counted, until you confirm.</p>
${button(props.confirmUrl, "Confirm my appeal")}
<p style="margin:0 0 16px;font-size:14px;word-break:break-all">Or open this link: <a href="${escapeHtml(props.confirmUrl)}">${escapeHtml(props.confirmUrl)}</a></p>`,
    footer: `${escapeHtml(ignore)} <a href="${escapeHtml(props.caseUrl)}">Read about ${escapeHtml(props.personName)}</a>. <a href="${escapeHtml(eraseUrlFor(props.caseUrl))}">Remove my details</a>.`,
  });
  return { subject, text, html };
}
