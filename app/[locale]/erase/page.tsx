import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { setPageLocale } from "@/i18n/page-locale";
import { EraseRequestForm } from "@/components/erase-request-form";
import { Link } from "@/i18n/navigation";
import { ERASURE_LINK_TTL_HOURS } from "@/lib/erasure/schemas";
import type { Locale } from "@/lib/i18n/locales";
import { requestErasureAction } from "./actions";

type Params = Promise<{ locale: Locale }>;

const privacyLink = (chunks: ReactNode) => <Link href={{ pathname: "/about", hash: "privacy" }}>{chunks}</Link>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "erase" });
  return { title: t("title"), description: t("description") };
}

export default async function ErasePage({ params }: { params: Params }) {
  const { locale } = await params;
  setPageLocale(locale);
  const t = await getTranslations("erase");
  return (
    <div className="container-page max-w-2xl py-12 sm:py-16">
      <p className="eyebrow">{t("eyebrow")}</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">{t("title")}</h1>
      <p className="mt-5 text-lg leading-relaxed">{t("intro", { hours: ERASURE_LINK_TTL_HOURS })}</p>
      <div className="mt-8 rounded-md border border-line bg-surface p-5 sm:p-6">
        <EraseRequestForm
          action={requestErasureAction.bind(null, locale)}
          label={t("label")}
          hint={t("hint")}
          submitLabel={t("submit")}
          pendingLabel={t("sending")}
        />
      </div>
      <p className="mt-8 text-[0.9375rem] text-ink-soft">
        {t.rich("privacyNote", { link: privacyLink })}
      </p>
    </div>
  );
}
