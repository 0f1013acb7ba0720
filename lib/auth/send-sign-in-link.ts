import "server-only";
import { writeTransaction } from "@/db/client";
import { signInLinkEmail } from "@/emails/sign-in-link";
import { env } from "../env";
import { enqueueMessage, wakeOutbox } from "../outbox/enqueue-message";
import { consumeRateLimit } from "../security/rate-limits";
import { isSignInAllowed } from "./sign-in-policy";

/** How long a sign-in link works. Short: it is a password sent in clear through mail servers. */
export const SIGN_IN_LINK_MINUTES = 30;

/** The link we mail: a page with a "Sign in" button that submits Auth.js's callback, not the callback itself.
 * Mail scanners open every link in a message; opening the callback would spend the single-use token. */
export function continueUrl(callbackUrl: string): string {
  const { search } = new URL(callbackUrl);
  return `${env().appUrl}/admin/sign-in/continue${search}`;
}

/** Auth.js's sendVerificationRequest. Queues the link through the outbox like all other mail (built-in mailbox
 * or SMTP). For an address that may not sign in it sends nothing and returns normally: the visitor sees the same
 * "check your email" page either way, so the form cannot be used to find out who has an account. */
export async function sendSignInLink({ identifier, url }: { identifier: string; url: string }): Promise<{ queued: boolean }> {
  if (!isSignInAllowed({ email: identifier })) return { queued: false };
  const email = signInLinkEmail({ signInUrl: continueUrl(url), appUrl: env().appUrl, expiresInMinutes: SIGN_IN_LINK_MINUTES });
  const queued = writeTransaction((tx) => {
    const limit = consumeRateLimit(tx, { name: "signInLink", subject: identifier });
    // over the limit: the same silence as for an unknown address
    if (!limit.allowed) return false;
    enqueueMessage(tx, {
      kind: "sign_in",
      to: identifier,
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers: { "Auto-Submitted": "auto-generated" },
    });
    return true;
  });
  if (queued) wakeOutbox();
  return { queued };
}
