import type { Metadata } from "next";
import { bdi } from "@/components/rich-tags";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { setPageLocale } from "@/i18n/page-locale";
import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { CaseCard } from "@/components/case-card";
import { DeliveryCounts } from "@/components/delivery-counts";
import { GoalBar } from "@/components/goal-bar";
import { OwnChannels } from "@/components/own-channels";
import { PersonPortrait } from "@/components/person-portrait";
import { ShareLinks } from "@/components/share-links";
import { expectedAtParts } from "@/components/format";
import { getDeliveryCounts } from "@/lib/appeals/delivery-counts";
import { getExpectedLetters } from "@/lib/appeals/pacing-schedule";
import { getPublicCaseBySlug, listPublicCases } from "@/lib/cases/queries";
import { env } from "@/lib/env";
import { channelFor } from "@/lib/targets/channel";
import { getChannelConfig } from "@/lib/targets/channel-config";
import { splitCases } from "@/app/_lib/case-views";
import { ownChannelsView } from "@/app/_lib/own-channels-view";
import { reportSentMyself } from "./actions";

// The public count (lib/cases/public-counts): exact and fresh once large, in steps while small. Dynamic pages are sent "private, no-store":
// with `?s=…&k=…` this one shows the supporter's own letter.
export const dynamic = "force-dynamic";

// The address of this page holds the supporter's key (?s=&k=): no link or request from it may carry it on, not
// even to our own pages, whose access logs would then hold it in their Referer column. "strict-origin" sends the
// origin alone; "no-referrer" would also make the browser send `Origin: null` with the page's own form posts,
// which Next refuses as cross-site, and "I sent it" would stop working without JavaScript.
export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "thanks" });
  return { title: t("metaTitle"), robots: { index: false, follow: false }, referrer: "strict-origin" };
}

export default async function ThanksPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, slug } = await params;
  setPageLocale(locale);
  const t = await getTranslations("thanks");
  const own = ownChannelsView({ slug, query: await searchParams, locale });
  const found = getPublicCaseBySlug({ slug });
  if (!found) notFound();
  // the public figure, even here: anyone can open this page, and a supporter's own link can be reloaded at will
  const count = found.signatureCount;
  const url = `${env().appUrl}${localePath(locale, `/cases/${found.slug}`)}`;
  const channelConfig = getChannelConfig();
  const fixed = found.targets.filter((target) => target.routing === "fixed");
  const byEmail = fixed.filter((target) => channelFor(target, channelConfig) === "email").length;
  const byFax = fixed.filter((target) => channelFor(target, channelConfig) === "fax").length;
  const byPost = fixed.length - byEmail - byFax;
  const toMission = found.targets.length > fixed.length;
  // the supporter's own letters that wait for their slot (pacing, lib/outbox/pacing.ts): say when each should go
  const soon = Date.now() + 10 * 60_000;
  const later = own ? getExpectedLetters({ signatureId: own.signatureId }).filter((l) => l.at.getTime() > soon) : [];
  let step = 0;
  const others = splitCases(listPublicCases(), locale)
    .open.filter((c) => c.slug !== found.slug)
    .slice(0, 3);

  return (
    <div className="container-page py-10 sm:py-14">
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem] lg:gap-14">
        <div>
          <div className="flex items-start gap-4">
            <div className="aspect-[4/5] w-20 flex-none overflow-hidden rounded-md border border-line sm:w-24">
              <PersonPortrait name={found.personName} photoPath={found.photoPath} photoAlt={found.photoAlt} size="small" />
            </div>
            <div>
              <p className="eyebrow">{t("eyebrow")}</p>
              <h1 className="mt-1 text-3xl sm:text-5xl">{t.rich("title", { name: found.personName, bdi })}</h1>
            </div>
          </div>

          <div className="mt-8 max-w-xl rounded-md border-2 border-ink bg-surface p-5">
            <GoalBar count={count} goal={found.goal} emphasis />
            <p className="mt-3 text-[0.9375rem] text-ink-soft">
              {found.countsAsOf ? t("countInSteps") : t("countLive")}
            </p>
            <DeliveryCounts counts={getDeliveryCounts({ caseId: found.id, asOf: found.countsAsOf })} className="mt-4 border-t border-line pt-3" />
          </div>

          <section aria-labelledby="next-heading" className="mt-10 max-w-2xl">
            <h2 id="next-heading" className="text-2xl">
              {t("nextHeading")}
            </h2>
            <ol className="mt-4 space-y-4">
              {byEmail > 0 && (
                <Step n={++step} locale={locale}>
                  {own && later.length === 0 ? t("stepEmail", { count: byEmail }) : t("stepEmailPaced")}
                  {later.length > 0 && (
                    <ul className="mt-2 list-disc space-y-1 ps-5">
                      {later.map((l) => (
                        <li key={l.targetId}>{t.rich("expectedLetter", { official: l.official, bdi, ...expectedAtParts(l.at, l.timeZone, locale) })}</li>
                      ))}
                    </ul>
                  )}
                </Step>
              )}
              {byFax > 0 && (
                <Step n={++step} locale={locale}>
                  {t("stepFax", { count: byFax })}
                </Step>
              )}
              {byPost > 0 && (
                <Step n={++step} locale={locale}>
                  {t("stepPost", { count: byPost })}
                </Step>
              )}
              {toMission && (
                <Step n={++step} locale={locale}>
                  {t("stepMission")}
                </Step>
              )}
              <Step n={++step} locale={locale}>
                {t.rich("stepUpdates", { name: found.personName, bdi })}
              </Step>
            </ol>
            <p className="mt-6">
              <Link href={`/cases/${found.slug}`} className="font-semibold">
                {t.rich("back", { name: found.personName, bdi })}
              </Link>
            </p>
          </section>

          {own && <OwnChannels mails={own.mails} posts={own.posts} allPdfHref={own.allPdfHref} paper={own.paper} reportAction={reportSentMyself.bind(null, found.slug, own.signatureId, own.token, locale)} />}
        </div>

        <div className="lg:pt-4">
          <ShareLinks url={url} text={t("shareText", { name: found.personName })} heading={t("shareHeading")} />
        </div>
      </div>

      {others.length > 0 && (
        <section aria-labelledby="more-heading" className="mt-16 border-t border-line pt-10">
          <h2 id="more-heading" className="text-3xl">
            {t("othersHeading")}
          </h2>
          <ul className="mt-6 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {others.map((c) => (
              <li key={c.slug}>
                <CaseCard c={c} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function Step({ n, locale, children }: { n: number; locale: Locale; children: ReactNode }) {
  return (
    <li className="flex gap-4">
      <span aria-hidden="true" className="flex h-8 w-8 flex-none items-center justify-center rounded-full bg-ink font-bold text-white">
        {new Intl.NumberFormat(locale).format(n)}
      </span>
      <div className="pt-0.5">{children}</div>
    </li>
  );
}
