import type { Metadata } from "next";
import { draftMode } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { setPageLocale } from "@/i18n/page-locale";
import { cache } from "react";
import { CountryBreakdown } from "@/components/country-breakdown";
import { DeliveryCounts } from "@/components/delivery-counts";
import { formatDay } from "@/components/format";
import { GoalBar } from "@/components/goal-bar";
import { PersonPortrait } from "@/components/person-portrait";
import { RichText } from "@/components/rich-text";
import { bdi } from "@/components/rich-tags";
import { RiskBadge } from "@/components/risk-badge";
import { ShareLinks } from "@/components/share-links";
import { SignForm, type LetterSource } from "@/components/sign-form";
import { TargetList } from "@/components/target-list";
import { UpdateTimeline } from "@/components/update-timeline";
import { getDeliveryCounts } from "@/lib/appeals/delivery-counts";
import { getCurrentUser } from "@/lib/auth/guards";
import { getCaseForPreview } from "@/lib/cases/admin-queries";
import { getPublicCaseBySlug, isOpenForSignatures, pickTemplate, type PublicCase } from "@/lib/cases/queries";
import { countryName } from "@/lib/countries";
import { env } from "@/lib/env";
import { Link } from "@/i18n/navigation";
import { contentLanguageOf, differsFromLocale } from "@/lib/i18n/content-language";
import { LOCALES, localePath, type Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { getCaseVersionForSigning } from "@/lib/signatures/signed-letters";
import { getChannelConfig } from "@/lib/targets/channel-config";
import { officialName } from "@/lib/targets/naming";
import { isOutcomeStatus } from "@/app/_lib/case-views";
import { signAppeal } from "./actions";

// Cached and re-rendered at most every 5 seconds, whatever the traffic (docs/decisions/001-cached-case-pages.md).
// Nothing here may read cookies, headers or searchParams: that would make every view a fresh render.
export const revalidate = 5;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Params = Promise<{ locale: Locale; slug: string }>;

const loadCase = cache((slug: string) => getPublicCaseBySlug({ slug }));

/**
 * Staff preview (app/admin/cases/[id]/preview turns draft mode on): such a request skips the cache, and only then
 * may the page read the session. Draft mode is not authorisation: without a staff session the public rules hold.
 * An unpublished case is shown as it will look once published, under a banner.
 */
const loadView = cache(async (slug: string): Promise<{ c: PublicCase; previewOf: string | null } | null> => {
  if ((await draftMode()).isEnabled) {
    const found = getCaseForPreview({ slug, user: await getCurrentUser() });
    if (found && found.state !== "published" && found.state !== "closed") {
      return { c: { ...found, state: "published" }, previewOf: found.state === "in_review" ? "in review" : "a draft" };
    }
  }
  const c = loadCase(slug);
  return c ? { c, previewOf: null } : null;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, slug } = await params;
  const view = await loadView(slug);
  const t = await getTranslations({ locale, namespace: "casePage" });
  if (!view) return { title: t("notFoundTitle") };
  const found = view.c;
  const url = `${env().appUrl}${localePath(locale, `/cases/${found.slug}`)}`;
  const languages = Object.fromEntries(LOCALES.map((l) => [l, `${env().appUrl}${localePath(l, `/cases/${found.slug}`)}`]));
  return {
    title: `${found.personName}: ${found.title}`,
    description: found.summary,
    alternates: { canonical: url, languages },
    openGraph: { title: `${found.personName}: ${found.title}`, description: found.summary, url, type: "article" },
  };
}

function lettersFor(c: PublicCase): LetterSource[] {
  return c.targets.flatMap((t) => {
    const template = pickTemplate(c.templates, t.language, c.languages);
    if (!template) return [];
    return [
      {
        targetId: t.id,
        role: t.role,
        recipient: officialName(t),
        target: { title: t.title, name: t.name, office: t.office, salutation: t.salutation },
        template: { id: template.id, language: template.language, subject: template.subject, body: template.body },
      },
    ];
  });
}

export default async function CasePage({ params }: { params: Params }) {
  const { locale, slug } = await params;
  setPageLocale(locale);
  const t = await getTranslations("casePage");
  const view = await loadView(slug);
  if (!view) notFound();
  const { c, previewOf } = view;

  const open = isOpenForSignatures(c);
  const channelConfig = getChannelConfig();
  const outcome = isOutcomeStatus(c.riskStatus);
  const url = `${env().appUrl}${localePath(locale, `/cases/${c.slug}`)}`;
  const country = countryName(c.country, locale);
  const counts = c.countsByCountry.map((row) => ({ name: countryName(row.country, locale), count: row.count }));
  // the campaigner's words keep their language, marked for readers and screen readers (decision 024)
  const contentLang = contentLanguageOf(c.languages);
  const risk = messagesFor(locale).risk;
  const languageName = new Intl.DisplayNames([locale], { type: "language" }).of(contentLang) ?? contentLang;
  const actBefore = formatDay(c.actBefore, locale);
  const count = c.signatureCount;
  const letters = lettersFor(c);
  // refreshed with the signature count (revalidate above), and at once when a print run is marked posted
  const deliveries = getDeliveryCounts({ caseId: c.id, asOf: c.countsAsOf });
  const updates = c.updates.map((u) => ({
    id: u.id,
    kind: u.kind,
    title: u.title,
    body: u.body,
    statusLabel: u.riskStatus ? risk[u.riskStatus] : null,
    happenedOn: u.happenedOn,
  }));
  const issuedOn = c.publishedAt ? c.publishedAt.toISOString().slice(0, 10) : null;

  return (
    <div className="container-page pt-6">
      {previewOf && (
        <aside aria-label="Preview" lang="en" className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-md border-2 border-ink bg-accent p-3 sm:p-4">
          <p>
            <strong>Preview — not published.</strong> This case is {previewOf}: only signed-in staff can see this page.
            Signing is switched off until it is published.
          </p>
          <a href={`/admin/cases/${c.id}/preview?exit=1`} className="btn btn-dark min-h-0 px-3 py-1.5 text-[0.9375rem]">
            Back to the editor
          </a>
        </aside>
      )}
      <nav aria-label="Breadcrumb" className="text-[0.9375rem]">
        <ol className="flex flex-wrap items-center gap-x-2 text-ink-soft">
          <li>
            <Link href="/">{t("breadcrumbHome")}</Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" dir="auto" className="text-ink">
            {c.personName}
          </li>
        </ol>
      </nav>

      <div className="case-grid mt-6">
        <div className="area-intro">
          <div className="flex items-start gap-4 sm:gap-6">
            <figure className="w-28 flex-none sm:w-40">
              <div className="aspect-[4/5] overflow-hidden rounded-md border border-line">
                <PersonPortrait name={c.personName} photoPath={c.photoPath} photoAlt={c.photoAlt} size="hero" />
              </div>
              {c.photoCredit && c.photoPath && (
                <figcaption className="mt-1 text-[0.8125rem] text-ink-soft">
                  {t.rich("photoCredit", { credit: c.photoCredit, bdi })}
                </figcaption>
              )}
            </figure>
            <div className="min-w-0 space-y-2">
              <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <RiskBadge label={risk[c.riskStatus]} outcome={outcome} />
              </p>
              <h1 className="text-3xl sm:text-5xl" dir="auto">
                {c.personName}
              </h1>
              {(c.personNameLocal || c.pronouns) && (
                <p className="text-lg text-ink-soft">
                  {c.personNameLocal && (
                    <span dir="auto" className="me-3">
                      {c.personNameLocal}
                    </span>
                  )}
                  {c.pronouns && (
                    <span className="whitespace-nowrap text-[0.9375rem]">
                      (<bdi lang={contentLang}>{c.pronouns}</bdi>)
                    </span>
                  )}
                </p>
              )}
            </div>
          </div>

          <dl className="mt-5 flex flex-wrap gap-x-8 gap-y-3 border-y border-line py-3 text-[0.9375rem]">
            <div>
              <dt className="text-ink-soft">{t("country")}</dt>
              <dd className="font-semibold">{country}</dd>
            </div>
            <div>
              <dt className="text-ink-soft">{t("reference")}</dt>
              <dd className="font-semibold">
                <bdi>{c.reference}</bdi>
              </dd>
            </div>
            <div>
              <dt className="text-ink-soft">{open ? t("actBefore") : t("appealsClosed")}</dt>
              <dd className="font-semibold">{actBefore}</dd>
            </div>
          </dl>

          {differsFromLocale(contentLang, locale) && (
            <p className="mt-5 text-[0.9375rem] text-ink-soft" data-testid="content-language-note">
              {t("contentLanguageNote", { language: languageName })}
            </p>
          )}
          <p className="mt-6 font-serif text-2xl leading-snug sm:text-3xl" lang={contentLang} dir="auto">
            {c.title}
          </p>
          <p className="mt-4 text-lg leading-relaxed" lang={contentLang} dir="auto">
            {c.summary}
          </p>
        </div>

        <section id="act" aria-labelledby="act-heading" className="area-action self-start">
          <div className="rounded-md border-2 border-ink bg-surface shadow-[0_4px_0_var(--color-ink)]">
            <div className="border-b border-line p-4 sm:p-5">
              <h2 id="act-heading" className="text-2xl">
                {open ? t("writeHeading") : t("closedHeading")}
              </h2>
              {open && (
                <p className="mt-1 text-[0.9375rem] text-ink-soft">
                  {t("writeIntro", { count: letters.length })}
                </p>
              )}
              <div className="mt-4">
                <GoalBar count={count} goal={c.goal} emphasis />
              </div>
              {count === 0 && open && (
                <p className="mt-2 text-[0.9375rem] font-semibold">
                  {t.rich("beFirst", { name: c.personName, bdi })}
                </p>
              )}
              {count > 0 && <DeliveryCounts counts={deliveries} className="mt-3" />}
            </div>
            <div className="p-4 sm:p-5">
              {open ? (
                <SignForm
                  action={signAppeal.bind(null, c.slug, locale)}
                  caseId={c.id}
                  personName={c.personName}
                  reference={c.reference}
                  letters={letters}
                  signingOff={previewOf !== null}
                  caseVersion={getCaseVersionForSigning({ caseId: c.id })}
                />
              ) : (
                <ClosedNotice c={c} count={count} contentLang={contentLang} actBefore={actBefore} />
              )}
            </div>
            {count > 0 && (
              <div className="border-t border-line bg-paper/60 p-4 sm:p-5">
                <CountryBreakdown counts={counts} otherCountries={c.otherCountries} personName={c.personName} />
              </div>
            )}
          </div>
        </section>

        <div className="area-body space-y-14">
          <section aria-labelledby="story-heading">
            <h2 id="story-heading" className="text-3xl">
              {t.rich("storyHeading", { name: c.personName, bdi })}
            </h2>
            <RichText className="mt-4 max-w-[68ch]" lang={contentLang}>
              {c.story}
            </RichText>
          </section>

          {(updates.length > 0 || issuedOn) && (
            <section aria-labelledby="updates-heading">
              <h2 id="updates-heading" className="text-3xl">
                {t("updatesHeading")}
              </h2>
              <div className="mt-5">
                <UpdateTimeline updates={updates} issuedOn={issuedOn} contentLanguage={contentLang} />
              </div>
            </section>
          )}

          {c.targets.length > 0 && (
            <section aria-labelledby="targets-heading">
              <h2 id="targets-heading" className="text-3xl">
                {open ? t("targetsHeadingOpen") : t("targetsHeadingClosed")}
              </h2>
              {open && (
                <p className="mt-2 max-w-[68ch] text-ink-soft">
                  {channelConfig.faxGateway ? t("targetsIntroWithFax") : t("targetsIntro")}
                </p>
              )}
              <div className="mt-5">
                <TargetList
                  targets={c.targets.map((target) => ({ ...target, countryName: countryName(target.country, locale) }))}
                  channelConfig={channelConfig}
                />
              </div>
            </section>
          )}

          {open ? (
            <ShareLinks
              url={url}
              text={t("shareTextOpen", { name: c.personName, title: c.title, date: actBefore })}
              heading={t("shareHeadingOpen", { name: c.personName })}
            />
          ) : (
            <ShareLinks url={url} text={`${c.personName}: ${c.title}`} heading={t("shareHeadingClosed", { name: c.personName })} />
          )}
        </div>
      </div>
    </div>
  );
}

async function ClosedNotice({ c, count, contentLang, actBefore }: { c: PublicCase; count: number; contentLang: string; actBefore: string }) {
  const t = await getTranslations("casePage");
  const thanks = count > 0 ? ` ${t("closedThanks", { name: c.personName })}` : "";
  return (
    <div className="space-y-3">
      {c.outcome && (
        <div className="rounded-md border-s-4 border-good bg-good-bg p-4">
          <p className="font-semibold text-good">{t("outcome")}</p>
          <p className="mt-1" lang={contentLang} dir="auto">
            {c.outcome}
          </p>
        </div>
      )}
      <p>
        {c.state === "closed" ? t("noLongerTaking") : t("closedOn", { date: actBefore })}
        {thanks}
      </p>
      <p>
        <Link href="/" className="btn btn-dark w-full">
          {t("seeOpen")}
        </Link>
      </p>
    </div>
  );
}
