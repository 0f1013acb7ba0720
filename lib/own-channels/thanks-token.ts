import "server-only";
import crypto from "node:crypto";
import { keyedHash } from "../security/secret";

// The supporter's capability for their own thank-you page (their letters, "I sent it", the PDF): derived, not
// stored, HMAC(app secret, "thanks", signature id), like the unsubscribe token but for another purpose, so one
// link can never stand in for the other. Rotating AUTH_SECRET retires every such link.
export function thanksToken({ signatureId }: { signatureId: string }): string {
  return keyedHash("thanks", signatureId);
}

/** Constant-time: a forged token cannot be guessed byte by byte from response timing. */
export function isValidThanksToken({ signatureId, token }: { signatureId: string; token: string }): boolean {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(signatureId) || !/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  const expected = Buffer.from(thanksToken({ signatureId }));
  const given = Buffer.from(token);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/** The query string that opens a supporter's own channels: `?s=<signature id>&k=<token>`. */
export function thanksQuery({ signatureId }: { signatureId: string }): string {
  return `s=${encodeURIComponent(signatureId)}&k=${thanksToken({ signatureId })}`;
}

/** The thank-you page with the supporter's own channels on it (a path: the app's own pages redirect there). */
export function thanksPath({ caseSlug, signatureId }: { caseSlug: string; signatureId: string }): string {
  return `/cases/${encodeURIComponent(caseSlug)}/thanks?${thanksQuery({ signatureId })}`;
}
