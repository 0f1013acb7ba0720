import "server-only";
import crypto from "node:crypto";
import { keyedHash } from "./secret";

// A capability for one row, derived not stored: HMAC(app secret, purpose, id). Each purpose ("unsubscribe",
// "thanks") has its own tokens, so a link for one can never stand in for another. Rotating AUTH_SECRET retires
// every such link in mail already sent, so rotate it knowing that.
export function idToken({ purpose, id }: { purpose: string; id: string }): string {
  return keyedHash(purpose, id);
}

/** Constant-time: a forged token cannot be guessed byte by byte from response timing. */
export function isValidIdToken({ purpose, id, token }: { purpose: string; id: string; token: string }): boolean {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(id) || !/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  const expected = Buffer.from(idToken({ purpose, id }));
  const given = Buffer.from(token);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
