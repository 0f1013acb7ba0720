import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { LanguageSwitcher } from "./language-switcher";
import { VigilMark } from "./vigil-mark";

export async function SiteHeader({ locale, switcher }: { locale: Locale; switcher: boolean }) {
  const t = await getTranslations({ locale, namespace: "layout" });
  return (
    <header className="on-dark bg-ink text-white">
      <div className="container-page flex flex-wrap items-center justify-between gap-x-6 gap-y-2 py-3">
        <Link href="/" locale={locale} className="flex items-center gap-2 no-underline" aria-label={t("homeLabel")}>
          <VigilMark className="h-9 w-7 text-white" />
          <span className="font-serif text-2xl font-semibold tracking-tight">Vigil</span>
        </Link>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          <nav aria-label={t("mainNav")}>
            <ul className="flex items-center gap-5 text-[0.9375rem] font-semibold">
              <li>
                <Link href="/" locale={locale} className="no-underline hover:underline">
                  {t("urgentActions")}
                </Link>
              </li>
              <li>
                <Link href="/about" locale={locale} className="no-underline hover:underline">
                  {t("about")}
                </Link>
              </li>
            </ul>
          </nav>
          {switcher && <LanguageSwitcher />}
        </div>
      </div>
    </header>
  );
}
