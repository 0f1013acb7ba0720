import "server-only";
import { writeTransaction } from "@/db/client";
import { erasureRequests } from "@/db/schema";
import { erasureLinkEmail } from "@/emails/erasure-link";
import { env } from "../env";
import { DEFAULT_LOCALE, localePath, type Locale } from "../i18n/locales";
import { enqueueMessage, wakeOutbox } from "../outbox/enqueue-message";
import { rateLimitUnit } from "../security/client-address";
import { consumeRateLimit } from "../security/rate-limits";
import { hashToken, newId, randomToken } from "../security/secret";
import { erasureKey } from "./find-supporter";
import { ERASURE_LINK_TTL_HOURS } from "./schemas";

export type RequestErasureResult = { ok: true } | { ok: false; code: "rate_limited"; message: string; retryAfterMinutes: number };

/**
 * Mails a one-time erasure link to `email`. The same work for every address, known or not: no lookup of whether
 * it signed anything happens here (the page, and its timing, must not tell who signed); the link's page shows
 * what there is. Only the token's hash is stored, with the address, until the link is used or expires.
 */
/** `locale`: the language of the page asked from; the email and its link are in it. */
export function requestErasure({ email, clientAddress, locale = DEFAULT_LOCALE, now = new Date() }: { email: string; clientAddress: string; locale?: Locale; now?: Date }): RequestErasureResult {
  const config = env();
  const key = erasureKey(email);
  const result = writeTransaction((tx): RequestErasureResult => {
    const client = consumeRateLimit(tx, { name: "erasureLinkPerClient", subject: rateLimitUnit(clientAddress), now });
    if (!client.allowed) return { ok: false, code: "rate_limited", message: client.message, retryAfterMinutes: client.retryAfterMinutes };
    // silent: once over, nothing more is mailed to the address and the page still reads the same
    if (!consumeRateLimit(tx, { name: "erasureLink", subject: key, now }).allowed) return { ok: true };
    const token = randomToken();
    tx.insert(erasureRequests)
      .values({ id: newId(), emailNormalized: key, email, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + ERASURE_LINK_TTL_HOURS * 3_600_000), createdAt: now })
      .run();
    const mail = erasureLinkEmail({ eraseUrl: `${config.appUrl}${localePath(locale, `/erase/${token}`)}`, appUrl: config.appUrl, expiresInHours: ERASURE_LINK_TTL_HOURS, locale });
    enqueueMessage(tx, { kind: "erasure_link", to: email, ...mail, headers: { "Auto-Submitted": "auto-generated" } }, now);
    return { ok: true };
  });
  if (result.ok) wakeOutbox();
  return result;
}
