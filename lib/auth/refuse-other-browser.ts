import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "../env";
import { AUTH_PAGES, SIGN_IN_PROVIDER } from "./config";
import { SIGN_IN_BROWSER_COOKIE, openedInAskingBrowser } from "./sign-in-browser";

/** For Auth.js's route: a redirect to the error page when a sign-in link's callback is opened in a browser other
 * than the one that asked for it (the token is left unspent, so it still works where it belongs); null for every
 * other request, which Auth.js handles. */
export function refuseLinkFromOtherBrowser(request: NextRequest): NextResponse | null {
  if (!request.nextUrl.pathname.endsWith(`/callback/${SIGN_IN_PROVIDER}`)) return null;
  const cookie = request.cookies.get(SIGN_IN_BROWSER_COOKIE)?.value;
  if (openedInAskingBrowser({ cookie, params: request.nextUrl.searchParams })) return null;
  return NextResponse.redirect(`${env().appUrl}${AUTH_PAGES.error}?error=OtherBrowser`, 303);
}
