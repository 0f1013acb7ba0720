import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { setPageLocale } from "@/i18n/page-locale";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/i18n/navigation";
import { ProseSection as Section } from "@/components/prose-section";
import { bdi, strong } from "@/components/rich-tags";
import { env } from "@/lib/env";

// Rendered per request: the contact address it gives is the server's setting, not the build machine's.
export const dynamic = "force-dynamic";

type Params = Promise<{ locale: Locale }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "accessibility" });
  return { title: t("title"), description: t("description") };
}

const aboutLink = (chunks: ReactNode) => <Link href="/about">{chunks}</Link>;

// Only what was actually done may be claimed here, in every language: each check below names the test behind
// the claim (issue 10), and a translation says the same, no more.
export default async function AccessibilityPage({ params }: { params: Params }) {
  setPageLocale((await params).locale);
  const t = await getTranslations("accessibility");
  const { REPLY_TO: contact, orgName } = env();
  // an email address reads left to right inside a right-to-left sentence
  const mail = (chunks: ReactNode) => (
    <a href={`mailto:${contact}?subject=${encodeURIComponent(t("report.mailSubject"))}`} dir="ltr">
      {chunks}
    </a>
  );
  return (
    <div className="container-page max-w-3xl py-10 sm:py-14">
      <p className="eyebrow">{t("eyebrow")}</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">{t("heading")}</h1>
      <p className="mt-5 text-lg leading-relaxed">{t("intro")}</p>

      <div className="mt-10 space-y-12">
        <Section id="tested" title={t("tested.title")}>
          <ul>
            <li>{t.rich("tested.automated", { strong })}</li>
            <li>{t.rich("tested.keyboard", { strong })}</li>
            <li>{t.rich("tested.preview", { strong })}</li>
            <li>{t.rich("tested.rtl", { strong })}</li>
            <li>{t.rich("tested.contrast", { strong })}</li>
          </ul>
        </Section>

        <Section id="not-yet" title={t("notYet.title")}>
          <ul>
            <li>{t.rich("notYet.screenReader", { strong })}</li>
            <li>{t.rich("notYet.languages", { strong })}</li>
            <li>{t.rich("notYet.chart", { strong })}</li>
            <li>{t.rich("notYet.pdf", { strong })}</li>
          </ul>
        </Section>

        <Section id="report" title={t("report.title")}>
          <p>{contact ? t.rich("report.contact", { contact, mail }) : t.rich("report.noContact", { org: orgName, bdi })}</p>
          <p>{t.rich("report.fallback", { link: aboutLink })}</p>
        </Section>
      </div>
    </div>
  );
}
