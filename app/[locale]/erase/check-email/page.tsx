import type { Metadata } from "next";
import NextLink from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { setPageLocale } from "@/i18n/page-locale";
import { MessagePanel } from "@/components/message-panel";
import { Link } from "@/i18n/navigation";
import { ERASURE_LINK_TTL_HOURS } from "@/lib/erasure/schemas";
import type { Locale } from "@/lib/i18n/locales";
import { canOpenMailbox } from "@/lib/mailbox/queries";

// the demo mailbox stays unprefixed (next/link); the erase page keeps the reader's locale
const mailboxLink = (chunks: ReactNode) => <NextLink href="/mailbox">{chunks}</NextLink>;
const eraseLink = (chunks: ReactNode) => <Link href="/erase">{chunks}</Link>;

// The same page for every address, whether or not it signed anything: the page must not reveal who signed.
export const dynamic = "force-dynamic";

type Params = Promise<{ locale: Locale }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "eraseCheck" });
  return { title: t("title"), robots: { index: false } };
}

export default async function EraseCheckEmailPage({ params }: { params: Params }) {
  const { locale } = await params;
  setPageLocale(locale);
  const t = await getTranslations("eraseCheck");
  return (
    <MessagePanel eyebrow={t("eyebrow")} title={t("title")}>
      <p>{t("body", { hours: ERASURE_LINK_TTL_HOURS })}</p>
      {(await canOpenMailbox()) && (
        <p className="rounded-md border-2 border-ink bg-accent-soft p-4">
          {t.rich("demo", { link: mailboxLink })}
        </p>
      )}
      <p>{t.rich("noEmail", { link: eraseLink })}</p>
    </MessagePanel>
  );
}
