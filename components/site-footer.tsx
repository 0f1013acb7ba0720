import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { VigilMark } from "./vigil-mark";

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "layout" });
  return (
    <footer className="on-dark mt-16 bg-ink text-white">
      <div className="container-page grid gap-6 py-10 sm:grid-cols-[1fr_auto] sm:items-end">
        <div className="max-w-xl">
          <p className="flex items-center gap-2 font-serif text-xl font-semibold">
            <VigilMark className="h-7 w-5 text-white" />
            Vigil
          </p>
          <p className="mt-3 text-[0.9375rem] leading-relaxed text-white/85">{t("footerBlurb")}</p>
        </div>
        <ul className="flex flex-wrap gap-x-5 gap-y-2 text-[0.9375rem]">
          <li>
            <Link href="/" locale={locale}>{t("urgentActions")}</Link>
          </li>
          <li>
            <Link href="/about" locale={locale}>{t("aboutVigil")}</Link>
          </li>
          <li>
            <Link href={{ pathname: "/about", hash: "privacy" }} locale={locale}>{t("privacy")}</Link>
          </li>
          <li>
            <Link href="/erase" locale={locale}>{t("erase")}</Link>
          </li>
          <li>
            <Link href="/accessibility" locale={locale}>{t("accessibility")}</Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
