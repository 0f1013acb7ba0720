import { env } from "@/lib/env";

/**
 * Whether a state-changing request comes from this site's own pages. Browsers send Origin on every POST; when a
 * proxy or an old browser dropped it, Sec-Fetch-Site says the same. A request with neither (a script, curl) is
 * refused: the routes that use this are for staff in a browser. Server actions have Next's own origin check.
 */
export function isSameOrigin(request: Request, appUrl = env().appUrl): boolean {
  const origin = request.headers.get("origin");
  if (origin) return origin === new URL(appUrl).origin;
  return request.headers.get("sec-fetch-site") === "same-origin";
}
