import "server-only";
import crypto from "node:crypto";
import { env } from "../env";
import { keyedHash } from "../security/secret";

// The token is derived, not stored: HMAC(app secret, signature id). Rotating AUTH_SECRET retires every
// unsubscribe link in mail already sent, so rotate it knowing that.
export function unsubscribeToken({ signatureId }: { signatureId: string }): string {
  return keyedHash("unsubscribe", signatureId);
}

/** Constant-time: a forged token cannot be guessed byte by byte from response timing. */
export function isValidUnsubscribeToken({ signatureId, token }: { signatureId: string; token: string }): boolean {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(signatureId) || !/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  const expected = Buffer.from(unsubscribeToken({ signatureId }));
  const given = Buffer.from(token);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/** The page with the "Stop emails" button: the link in the body of each notice. GET there changes nothing. */
export function unsubscribePageUrl({ signatureId }: { signatureId: string }): string {
  return `${env().appUrl}/unsubscribe/${encodeURIComponent(signatureId)}/${unsubscribeToken({ signatureId })}`;
}

/** The RFC 8058 one-click target of the List-Unsubscribe header: a POST there unsubscribes. */
export function oneClickUnsubscribeUrl({ signatureId }: { signatureId: string }): string {
  return `${env().appUrl}/api/unsubscribe/${encodeURIComponent(signatureId)}/${unsubscribeToken({ signatureId })}`;
}
