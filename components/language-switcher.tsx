"use client";

import { useLocale, useTranslations } from "next-intl";
import { Link, usePathname } from "@/i18n/navigation";
import { LOCALE_NAMES, LOCALES, localeDirection } from "@/lib/i18n/locales";

/** The same page in each of the five languages, each named in itself (and marked with its own lang and dir). */
export function LanguageSwitcher() {
  const t = useTranslations("languages");
  const current = useLocale();
  const pathname = usePathname();
  return (
    <nav aria-label={t("switcherLabel")}>
      <ul className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[0.9375rem]">
        {LOCALES.map((locale) => (
          <li key={locale}>
            <Link
              href={pathname}
              locale={locale}
              lang={locale}
              dir={localeDirection(locale)}
              hrefLang={locale}
              aria-current={locale === current ? "true" : undefined}
              className={locale === current ? "font-bold underline underline-offset-4" : "no-underline hover:underline"}
            >
              {LOCALE_NAMES[locale]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
