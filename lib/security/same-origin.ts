import "server-only";

/**
 * Whether a state-changing request (a POST) was sent by a page of this app, not by another site's form: its Origin
 * is the origin of APP_URL (the address browsers use, also behind a proxy). Browsers send Origin with every POST;
 * when a client left it out, Sec-Fetch-Site must say "same-origin". A request with neither, or `Origin: null`
 * (a sandboxed frame, a no-referrer page), is refused: nothing proves where it came from.
 */
export function isSameOriginPost({ headers, appUrl }: { headers: Headers; appUrl: string }): boolean {
  const origin = headers.get("origin");
  if (origin !== null) return origin === new URL(appUrl).origin;
  return headers.get("sec-fetch-site") === "same-origin";
}
