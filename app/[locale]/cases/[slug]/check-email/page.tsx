import type { Metadata } from "next";
import NextLink from "next/link";
import { bdi, strong, strongAuto } from "@/components/rich-tags";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { setPageLocale } from "@/i18n/page-locale";
import { Link } from "@/i18n/navigation";
import { getPublicCaseBySlug } from "@/lib/cases/queries";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { canOpenMailbox } from "@/lib/mailbox/queries";

// Reads the same whether or not the address had already signed: the page must not reveal who signed.
export const dynamic = "force-dynamic";

type Params = Promise<{ locale: Locale; slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "checkEmail" });
  return { title: t("title"), robots: { index: false } };
}

export default async function CheckEmailPage({ params }: { params: Params }) {
  const { locale, slug } = await params;
  setPageLocale(locale);
  const t = await getTranslations("checkEmail");
  const found = getPublicCaseBySlug({ slug });
  if (!found) notFound();
  const hours = env().CONFIRM_TOKEN_TTL_HOURS;

  return (
    <div className="container-page max-w-2xl py-12 sm:py-16">
      <p className="eyebrow">{t("eyebrow")}</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">{t("title")}</h1>
      <p className="mt-5 text-lg leading-relaxed">
        {t.rich("sent", { name: found.personName, strong: strongAuto })}
      </p>

      {(await canOpenMailbox()) && (
        <div className="mt-6 rounded-md border-2 border-ink bg-accent-soft p-4">
          <p className="font-semibold">{t("demoTitle")}</p>
          <p className="mt-1">
            {t("demoBody")}{" "}
            <NextLink href="/mailbox" className="font-semibold">
              {t("demoLink")}
            </NextLink>
          </p>
        </div>
      )}

      <ul className="mt-8 space-y-4 border-t border-line pt-6">
        <li>{t.rich("linkHours", { hours, strong })}</li>
        <li>{t.rich("nothingSent", { strong })}</li>
        <li>{t.rich("noEmail", { strong })}</li>
      </ul>

      <p className="mt-10">
        <Link href={`/cases/${found.slug}`} className="font-semibold">
          {t.rich("back", { name: found.personName, bdi })}
        </Link>
      </p>
    </div>
  );
}
