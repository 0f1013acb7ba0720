import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "@/i18n/routing";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";

const intl = createMiddleware(routing);

// Public pages that existed before locales were in the URL: old links and emails in flight redirect to a locale.
const UNPREFIXED_PUBLIC = new Set(["", "cases", "about", "accessibility", "erase", "confirm", "unsubscribe"]);

/**
 * "/" and the old unprefixed paths get a locale from the NEXT_LOCALE cookie or Accept-Language; "/fr/..." passes
 * through. Any other first segment ("/de/...", "/xx") is left to app/[locale], which answers an English 404 with
 * links to the five languages rather than redirecting "/de/x" to "/en/de/x".
 */
export default function proxy(request: NextRequest) {
  const first = request.nextUrl.pathname.split("/")[1] ?? "";
  if (!isLocale(first) && !UNPREFIXED_PUBLIC.has(first)) return NextResponse.next();
  try {
    return intl(request);
  } catch {
    // A header the locale matcher cannot read must not become an error page: English, as for no header.
    const url = request.nextUrl.clone();
    url.pathname = `/${DEFAULT_LOCALE}${request.nextUrl.pathname === "/" ? "" : request.nextUrl.pathname}`;
    return NextResponse.redirect(url);
  }
}

export const config = {
  // Only "/" and the old unprefixed public paths: a page already under its locale needs nothing from here, and
  // running next-intl's middleware for each one halved the speed of a cached page. The workspace, the API, photos,
  // the demo mailbox and Next's own files stay unprefixed and English.
  matcher: ["/", "/(cases|about|accessibility|erase|confirm|unsubscribe)", "/(cases|about|accessibility|erase|confirm|unsubscribe)/:path*"],
};
