// Strict-Transport-Security, sent by scripts/serve.mjs on every response when APP_URL is https. Not in
// next.config.js's headers() like the CSP: those are fixed when the app is built, and APP_URL is read when it
// starts (one build serves a laptop on http and a server on https). No "server-only": serve.mjs loads it in
// plain Node.
import type { ServerResponse } from "node:http";

export const HSTS_HEADER = "Strict-Transport-Security";
/** One year, subdomains too: once a browser has seen the site over https it never tries http again. */
export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

/** The HSTS value for a site at appUrl, or null when it is not served over https (over http browsers ignore the
 * header, and a laptop's localhost must stay reachable over http). */
export function strictTransportSecurity({ appUrl }: { appUrl: string }): string | null {
  return new URL(appUrl).protocol === "https:" ? HSTS_VALUE : null;
}

/** Sets the transport headers on a response before the app writes it. */
export function setTransportHeaders({ response, appUrl }: { response: ServerResponse; appUrl: string }): void {
  const hsts = strictTransportSecurity({ appUrl });
  if (hsts) response.setHeader(HSTS_HEADER, hsts);
}
