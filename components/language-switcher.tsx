"use client";

import NextLink from "next/link";
import { usePathname } from "next/navigation";
import { LOCALE_NAMES, LOCALES, localeDirection, type Locale } from "@/lib/i18n/locales";
import { useClientLocale, useClientTranslations } from "./client-intl";

/** next-intl's locale cookie (NEXT_LOCALE, for the session): the proxy at "/" reads it, so a reader who chose a
 * language lands in it next time, also after the client router skipped the server (as next-intl's own Link does). */
function rememberLocale(locale: Locale) {
  document.cookie = `NEXT_LOCALE=${locale}; path=/; SameSite=lax`;
}

/** The same page in each of the five languages, each named in itself (and marked with its own lang and dir). */
export function LanguageSwitcher() {
  const t = useClientTranslations("languages");
  const current = useClientLocale();
  // "/fr/cases/x" → "/cases/x": every public path starts with its locale
  const rest = usePathname().replace(/^\/[^/]+/, "");
  return (
    <nav aria-label={t("switcherLabel")}>
      <ul className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[0.9375rem]">
        {LOCALES.map((locale) => (
          <li key={locale}>
            <NextLink
              href={`/${locale}${rest}`}
              prefetch={false}
              onClick={locale === current ? undefined : () => rememberLocale(locale)}
              lang={locale}
              dir={localeDirection(locale)}
              hrefLang={locale}
              aria-current={locale === current ? "true" : undefined}
              className={locale === current ? "font-bold underline underline-offset-4" : "no-underline hover:underline"}
            >
              {LOCALE_NAMES[locale]}
            </NextLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
