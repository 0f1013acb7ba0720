import "server-only";
import crypto from "node:crypto";
import { cookies } from "next/headers";
import { env } from "../env";
import { keyedHash, randomToken } from "../security/secret";

// Login CSRF: without this, anyone could ask for a link to their own address and make a victim's browser open it
// (the continue page, or Auth.js's callback directly), signing the victim in as them, so that what the victim then
// writes lands in the attacker's account. A sign-in link works only in the browser that asked for it: asking sets
// a random cookie, and the mailed link carries a keyed hash of that cookie and the link's token.

/** The random value a browser gets when it asks for a link. Reused while it lasts, so two links asked for in one
 * browser both work there. */
export const SIGN_IN_BROWSER_COOKIE = "vigil-sign-in-browser";
/** The link's parameter holding keyedHash(browser cookie, token): its value alone signs in nobody. */
export const SIGN_IN_BROWSER_PARAM = "browser";
// longer than a link lives (30 minutes), so the cookie outlasts every link asked for with it
const COOKIE_SECONDS = 2 * 3600;
const COOKIE_VALUE = /^[A-Za-z0-9_-]{43}$/;

export function signInBrowserBinding({ browser, token }: { browser: string; token: string }): string {
  return keyedHash("sign-in-browser", `${browser}\0${token}`);
}

const digest = (s: string) => crypto.createHash("sha256").update(s).digest();

/** Whether a link (its token and binding) was asked for in the browser holding `browser`. Constant time. */
export function isAskingBrowser({ browser, token, binding }: { browser: string | undefined; token: string | null | undefined; binding: string | null | undefined }): boolean {
  if (!browser || !COOKIE_VALUE.test(browser) || !token || !binding) return false;
  return crypto.timingSafeEqual(digest(binding), digest(signInBrowserBinding({ browser, token })));
}

/** The asking browser's value, made (and set as a cookie) on its first request for a link. Called from Auth.js's
 * sendVerificationRequest, which runs inside the sign-in form's server action, where cookies can be set. */
export async function askingBrowser(): Promise<string> {
  const jar = await cookies();
  const current = jar.get(SIGN_IN_BROWSER_COOKIE)?.value;
  const browser = current && COOKIE_VALUE.test(current) ? current : randomToken();
  // path "/": read on the continue page and by Auth.js's callback under /api/auth; lax: the link is opened from
  // a mail program, a top-level navigation from another site
  jar.set(SIGN_IN_BROWSER_COOKIE, browser, { httpOnly: true, sameSite: "lax", path: "/", maxAge: COOKIE_SECONDS, secure: env().appUrl.startsWith("https:") });
  return browser;
}

/** isAskingBrowser for a request to the continue page or the callback: its cookie, its token and binding. */
export function openedInAskingBrowser({ cookie, params }: { cookie: string | undefined; params: URLSearchParams }): boolean {
  return isAskingBrowser({ browser: cookie, token: params.get("token"), binding: params.get(SIGN_IN_BROWSER_PARAM) });
}
