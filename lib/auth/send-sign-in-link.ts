import "server-only";
import { createHash } from "node:crypto";
import { writeTransaction } from "@/db/client";
import { verificationTokens } from "@/db/schema";
import { signInLinkEmail } from "@/emails/sign-in-link";
import { env } from "../env";
import { enqueueMessage, wakeOutbox } from "../outbox/enqueue-message";
import { consumeRateLimit } from "../security/rate-limits";
import { appSecret } from "../security/secret";
import { rateLimitUnit } from "../security/client-address";
import { SIGN_IN_BROWSER_PARAM, signInBrowserBinding } from "./sign-in-browser";
import { isSignInAllowedIn } from "./sign-in-policy";

/** How long a sign-in link works. Short: it is a password sent in clear through mail servers. */
export const SIGN_IN_LINK_MINUTES = 30;

/** The link we mail: a page with a "Sign in" button that submits Auth.js's callback, not the callback itself.
 * Mail scanners open every link in a message; opening the callback would spend the single-use token. It carries
 * the binding to the browser that asked (lib/auth/sign-in-browser.ts), so it works in that browser only. */
export function continueUrl(callbackUrl: string, browser: string): string {
  const { search, searchParams } = new URL(callbackUrl);
  const binding = signInBrowserBinding({ browser, token: searchParams.get("token") ?? "" });
  return `${env().appUrl}/admin/sign-in/continue${search}&${SIGN_IN_BROWSER_PARAM}=${binding}`;
}

/** What Auth.js stores for a link's token and looks up when it is followed (@auth/core sendToken's createHash):
 * sha256 hex of the token followed by the secret. */
export function hashVerificationToken(token: string): string {
  return createHash("sha256").update(`${token}${appSecret()}`).digest("hex");
}

/**
 * Auth.js's sendVerificationRequest, and the only writer of verification tokens (the adapter's
 * createVerificationToken writes nothing, lib/auth/config.ts): the token row and the queued mail commit together,
 * or neither does. For an address that may not sign in, or over a limit, it writes neither and returns normally,
 * so the visitor sees the same "check your email" page. Known and unknown addresses do the same work up to the
 * last insert: both limits are counted, the policy read and the token hashed, so timing tells little.
 */
export async function sendSignInLink({
  identifier,
  url,
  token = new URL(url).searchParams.get("token") ?? "",
  expires = new Date(Date.now() + SIGN_IN_LINK_MINUTES * 60_000),
  clientAddress,
  browser,
}: {
  identifier: string;
  url: string;
  token?: string;
  expires?: Date;
  /** as getClientAddress() gives it; "unknown" when the app is served without scripts/serve.mjs */
  clientAddress: string;
  /** the asking browser's cookie value (askingBrowser()): the link works only where this cookie is */
  browser: string;
}): Promise<{ queued: boolean }> {
  const email = signInLinkEmail({ signInUrl: continueUrl(url, browser), appUrl: env().appUrl, expiresInMinutes: SIGN_IN_LINK_MINUTES });
  const hashed = hashVerificationToken(token);
  const client = rateLimitUnit(clientAddress);
  const queued = writeTransaction((tx) => {
    // both counted every time, before the policy, so an unknown address costs a client what a known one does
    const perClient = consumeRateLimit(tx, { name: "signInLinkPerClient", subject: client });
    const perAddress = consumeRateLimit(tx, { name: "signInLink", subject: [identifier, client] });
    const allowed = isSignInAllowedIn(tx, { email: identifier });
    // over a limit: the same silence as for an unknown address
    if (!allowed || !perClient.allowed || !perAddress.allowed || !token) return false;
    tx.insert(verificationTokens).values({ identifier, token: hashed, expires }).run();
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
