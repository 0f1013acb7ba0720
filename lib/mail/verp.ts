import "server-only";
import crypto from "node:crypto";
import { env } from "../env";
import { appSecret } from "../security/secret";

// VERP (decision 018): each message's envelope sender names its outbox row, so a bounce says which letter it is
// about without our parsing the returned message: bounce+<row id>-<signature>@BOUNCE_DOMAIN. The signature, an
// HMAC of the row id under the app secret cut to 80 bits, keeps a stranger from failing someone else's letter by
// mailing a made-up bounce. Lower-case hex only: some servers fold the local part's case.
const SIGNATURE_HEX = 20; // 80 bits
const LOCAL = /^bounce\+([0-9a-f-]{36})-([0-9a-f]+)$/;

function sign(outboxId: string): string {
  return crypto.createHmac("sha256", appSecret()).update(`verp\0${outboxId}`).digest("hex").slice(0, SIGNATURE_HEX);
}

export function bounceAddress(outboxId: string): string {
  return `bounce+${outboxId}-${sign(outboxId)}@${env().bounceDomain}`;
}

export type BounceAddressCheck = { ok: true; outboxId: string } | { ok: false; reason: string };

/** Reads a bounce address back: the row it names, or why it names none (kept with the report for staff). */
export function checkBounceAddress(address: string): BounceAddressCheck {
  const at = address.lastIndexOf("@");
  if (at < 0) return { ok: false, reason: "not an address" };
  const domain = address.slice(at + 1).toLowerCase();
  if (domain !== env().bounceDomain) return { ok: false, reason: `not the bounce domain (${domain.slice(0, 100)})` };
  const match = LOCAL.exec(address.slice(0, at).toLowerCase());
  if (!match) return { ok: false, reason: "not a bounce address" };
  const [, outboxId, given] = match as unknown as [string, string, string];
  const expected = Buffer.from(sign(outboxId));
  const actual = Buffer.from(given);
  // constant time, and never a shorter prefix: the full 80 bits or nothing
  if (actual.length !== expected.length || !crypto.timingSafeEqual(actual, expected)) return { ok: false, reason: "bad signature" };
  return { ok: true, outboxId };
}
