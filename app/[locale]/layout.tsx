import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { DocumentShell } from "@/components/document-shell";
import { routing } from "@/i18n/routing";

// Each locale is rendered statically like the English pages were (decision 001); an unknown one is a 404 from
// notFound() below. Not `dynamicParams = false` here: it would hold for the case pages under it too, whose slugs
// are rendered on first request (generateStaticParams returns none).
export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "layout" });
  return { title: { default: t("siteTitle"), template: t("titleTemplate") }, description: t("siteDescription") };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Params }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return <DocumentShell locale={locale}>{children}</DocumentShell>;
}
