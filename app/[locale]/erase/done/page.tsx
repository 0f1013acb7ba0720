import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { setPageLocale } from "@/i18n/page-locale";
import { MessagePanel } from "@/components/message-panel";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";

type Params = Promise<{ locale: Locale }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "eraseDone" });
  return { title: t("title"), robots: { index: false } };
}

export default async function EraseDonePage({ params }: { params: Params }) {
  const { locale } = await params;
  setPageLocale(locale);
  const t = await getTranslations("eraseDone");
  return (
    <MessagePanel eyebrow={t("eyebrow")} title={t("title")}>
      <p>{t("body")}</p>
      <p>
        <Link href="/" className="btn btn-dark">
          {t("seeActions")}
        </Link>
      </p>
    </MessagePanel>
  );
}
