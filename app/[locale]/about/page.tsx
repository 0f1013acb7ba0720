import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { setPageLocale } from "@/i18n/page-locale";
import { Link } from "@/i18n/navigation";
import { formatNumber } from "@/components/format";
import { ProseSection as Section } from "@/components/prose-section";
import { strong } from "@/components/rich-tags";
import type { Locale } from "@/lib/i18n/locales";
import { retentionPeriods } from "@/lib/retention/periods";

// Rendered per request: the retention periods it states are the server's settings, not the build machine's.
export const dynamic = "force-dynamic";

type Params = Promise<{ locale: Locale }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "about" });
  return { title: t("title"), description: t("description") };
}

/** The four steps of an appeal, in order: each is one sentence pair under about.how. */
const STEPS = ["sign", "confirm", "send", "counted"] as const;

const eraseLink = (chunks: ReactNode) => <Link href="/erase">{chunks}</Link>;

export default async function AboutPage({ params }: { params: Params }) {
  const locale = setPageLocale((await params).locale);
  const t = await getTranslations("about");
  const periods = retentionPeriods();
  const linkDays = Math.ceil(periods.confirmLinkHours / 24);
  // a period of 0 days reads "within a minute" (the job's next run, every 30 seconds): the =0 case of each plural
  return (
    <div className="container-page max-w-3xl py-10 sm:py-14">
      <p className="eyebrow">{t("eyebrow")}</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">{t("heading")}</h1>
      <p className="mt-5 text-lg leading-relaxed">{t("intro")}</p>

      <div className="mt-10 space-y-12">
        <Section id="who" title={t("who.title")}>
          <p>{t("who.team")}</p>
          <p>{t("who.work")}</p>
        </Section>

        <Section id="how" title={t("how.title")}>
          <ol className="!list-none !ps-0 space-y-5">
            {STEPS.map((step, i) => (
              <li key={step} className="flex gap-4">
                <span aria-hidden="true" className="flex h-9 w-9 flex-none items-center justify-center rounded-full bg-ink font-sans font-bold text-white">
                  {formatNumber(i + 1, locale)}
                </span>
                <span>{t.rich(`how.${step}`, { strong })}</span>
              </li>
            ))}
          </ol>
        </Section>

        <Section id="privacy" title={t("privacy.title")}>
          <p>{t("privacy.intro")}</p>
          <ul>
            <li>{t("privacy.name")}</li>
            <li>{t("privacy.email")}</li>
            <li>{t("privacy.country")}</li>
            <li>{t("privacy.message")}</li>
            <li>{t("privacy.choices")}</li>
          </ul>
          <p>{t.rich("privacy.officials", { strong })}</p>
          <p>{t.rich("privacy.ip", { strong })}</p>
          <p>{t.rich("privacy.logs", { strong })}</p>
          <p>{t("privacy.noTracking")}</p>
        </Section>

        <Section id="deletion" title={t("deletion.title")}>
          <p>{t("deletion.intro")}</p>
          <ul>
            <li>
              {t.rich("deletion.pending", {
                strong,
                pendingDays: periods.pendingDays,
                linkHours: periods.confirmLinkHours,
                totalDays: linkDays + periods.pendingDays,
              })}
            </li>
            <li>{t.rich("deletion.letters", { strong, letterDays: periods.letterDays })}</li>
            <li>{t.rich("deletion.mailbox", { strong, mailboxDays: periods.mailboxDays })}</li>
            <li>{t.rich("deletion.counters", { strong })}</li>
          </ul>
          <p>{t("deletion.overwritten")}</p>
          <p>{t("deletion.kept")}</p>
        </Section>

        <Section id="erase" title={t("erase.title")}>
          <p>{t.rich("erase.body", { strong, link: eraseLink })}</p>
          <p>{t("erase.everyEmail")}</p>
        </Section>
      </div>

      <p className="mt-12">
        <Link href="/" className="btn btn-primary">
          {t("cta")}
        </Link>
      </p>
    </div>
  );
}
