import { button, escapeHtml, layout, paragraphs, type RenderedEmail } from "./html";

export type SignInLinkEmailProps = {
  signInUrl: string;
  appUrl: string;
  expiresInMinutes: number;
};

export const signInLinkPreviewProps: SignInLinkEmailProps = {
  signInUrl: "http://localhost:3000/api/auth/callback/email?callbackUrl=%2Fadmin&token=example-token&email=campaigner%40example.org",
  appUrl: "http://localhost:3000",
  expiresInMinutes: 30,
};

/** The magic link for staff. Says plainly what to do if it was not asked for, because someone else can type
 * any address into the sign-in form. */
export function signInLinkEmail(props: SignInLinkEmailProps = signInLinkPreviewProps): RenderedEmail {
  const host = new URL(props.appUrl).host;
  const subject = `Sign in to Vigil (${host})`;
  const intro = `Someone, we hope you, asked to sign in to the Vigil campaign workspace at ${host} with this email address.`;
  const ignore = `The link works once, for ${props.expiresInMinutes} minutes. If you did not ask for it, ignore this email: nobody can sign in without the link.`;
  const text = `${intro}\n\nSign in:\n${props.signInUrl}\n\n${ignore}\n`;
  const html = layout({
    title: subject,
    body: `${paragraphs(intro)}
${button(props.signInUrl, "Sign in to Vigil")}
<p style="margin:0 0 16px;font-size:14px;word-break:break-all">Or open this link: <a href="${escapeHtml(props.signInUrl)}">${escapeHtml(props.signInUrl)}</a></p>`,
    footer: escapeHtml(ignore),
  });
  return { subject, text, html };
}
