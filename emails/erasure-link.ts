import { button, escapeHtml, layout, paragraphs, type RenderedEmail } from "./html";

export type ErasureLinkEmailProps = {
  eraseUrl: string;
  appUrl: string;
  expiresInHours: number;
};

export const erasureLinkPreviewProps: ErasureLinkEmailProps = {
  eraseUrl: "http://localhost:3000/erase/example-token",
  appUrl: "http://localhost:3000",
  expiresInHours: 24,
};

/** The one-time link that erases a supporter's details. Sent to any address typed on /erase (the page must not
 * tell who signed), so it says what the link does and that nothing happens without it. */
export function erasureLinkEmail(props: ErasureLinkEmailProps = erasureLinkPreviewProps): RenderedEmail {
  const host = new URL(props.appUrl).host;
  const subject = `Erase your details from Vigil (${host})`;
  const intro = `Someone, we hope you, asked us to erase the details of this email address from every appeal signed on ${host}.`;
  const what =
    "The link shows what we hold and asks you to confirm. Once you do, your name, email address and message are removed from every case, letters not yet sent in your name are cancelled, and you get no more updates. Your appeals stay counted, without you.";
  const ignore = `The link works once, for ${props.expiresInHours} hours. If you did not ask for this, ignore this email: nothing is erased without the link.`;
  const text = `${intro}\n\n${what}\n\nSee what will be erased:\n${props.eraseUrl}\n\n${ignore}\n`;
  const html = layout({
    title: subject,
    body: `${paragraphs(`${intro}\n\n${what}`)}
${button(props.eraseUrl, "See what will be erased")}
<p style="margin:0 0 16px;font-size:14px;word-break:break-all">Or open this link: <a href="${escapeHtml(props.eraseUrl)}">${escapeHtml(props.eraseUrl)}</a></p>`,
    footer: escapeHtml(ignore),
  });
  return { subject, text, html };
}
