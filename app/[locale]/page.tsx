import type { Locale } from "@/lib/i18n/locales";
import { getTranslations } from "next-intl/server";
import { setPageLocale } from "@/i18n/page-locale";
import { CaseCard, OutcomeCard } from "@/components/case-card";
import { Link } from "@/i18n/navigation";
import { getCaseFacets, listPublicCases } from "@/lib/cases/queries";
import { countryName, isCountryCode } from "@/lib/countries";
import { isRiskStatus, splitCases } from "@/app/_lib/case-views";
import { RISK_STATUS_ORDER } from "@/lib/labels";

// The filters come from the query string, so this page renders per request (it is one cheap query).

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function HomePage({ params, searchParams }: { params: Promise<{ locale: Locale }>; searchParams: SearchParams }) {
  const { locale } = await params;
  setPageLocale(locale);
  const t = await getTranslations("home");
  const tRisk = await getTranslations("risk");
  const query = await searchParams;
  const countryParam = one(query.country);
  const statusParam = one(query.status);
  const country = isCountryCode(countryParam) ? countryParam : undefined;
  const riskStatus = isRiskStatus(statusParam) ? statusParam : undefined;
  const filtered = Boolean(country || riskStatus);

  const facets = getCaseFacets();
  const collator = new Intl.Collator(locale);
  const countries = facets.countries
    .map((code) => ({ code, name: countryName(code, locale) }))
    .toSorted((a, b) => collator.compare(a.name, b.name));
  const statuses = facets.riskStatuses.toSorted((a, b) => RISK_STATUS_ORDER.indexOf(a) - RISK_STATUS_ORDER.indexOf(b));

  const { open, others } = splitCases(listPublicCases({ country, riskStatus }), locale);
  const describeFilter = new Intl.ListFormat(locale, { style: "narrow", type: "unit" }).format(
    [riskStatus && tRisk(riskStatus), country && countryName(country, locale)].filter((x): x is string => Boolean(x)),
  );

  return (
    <>
      <section className="border-b border-line bg-paper-deep/60">
        <div className="container-page py-8 sm:py-14">
          <p className="eyebrow">{t("eyebrow")}</p>
          <h1 className="mt-2 max-w-3xl text-4xl sm:text-5xl">{t("title")}</h1>
          <p className="mt-4 max-w-2xl text-lg leading-relaxed">{t("intro")}</p>
          <p className="mt-4 max-w-2xl text-[0.9375rem] text-ink-soft">{t("languageNote")}</p>
        </div>
      </section>

      <div className="container-page">
        <search aria-label={t("filterLabel")} className="mt-8 block">
          <form method="get" action={`/${locale}`} className="grid grid-cols-2 items-end gap-3 rounded-md border border-line bg-surface p-4 sm:flex sm:gap-4">
            <div className="min-w-0 sm:w-64">
              <label htmlFor="filter-country" className="field-label">
                {t("country")}
              </label>
              <select id="filter-country" name="country" defaultValue={country ?? ""} className="input">
                <option value="">{t("allCountries")}</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="min-w-0 sm:w-64">
              <label htmlFor="filter-status" className="field-label">
                {t("situation")}
              </label>
              <select id="filter-status" name="status" defaultValue={riskStatus ?? ""} className="input">
                <option value="">{t("allSituations")}</option>
                {statuses.map((s) => (
                  <option key={s} value={s}>
                    {tRisk(s)}
                  </option>
                ))}
              </select>
            </div>
            <div className="col-span-2 flex items-center gap-4">
              <button type="submit" className="btn btn-dark">
                {t("filter")}
              </button>
              {filtered && (
                <Link href="/" className="font-semibold">
                  {t("clearFilters")}
                </Link>
              )}
            </div>
          </form>
        </search>

        <section aria-labelledby="open-heading" className="mt-10">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="open-heading" className="text-3xl">
              {t("openHeading")}
            </h2>
            <p className="text-ink-soft">
              {filtered ? t("countFiltered", { count: open.length, filter: describeFilter }) : t("count", { count: open.length })}
            </p>
          </div>
          {open.length > 0 ? (
            <ul className="mt-6 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
              {open.map((c) => (
                <li key={c.slug}>
                  <CaseCard c={c} />
                </li>
              ))}
            </ul>
          ) : (
            <div className="mt-6 rounded-md border border-dashed border-line-strong bg-surface p-8 text-center">
              <p className="font-serif text-xl">{filtered ? t("noneFiltered") : t("none")}</p>
              {filtered && (
                <p className="mt-3">
                  <Link href="/" className="font-semibold">
                    {t("showAll")}
                  </Link>
                </p>
              )}
            </div>
          )}
        </section>

        {others.length > 0 && (
          <section aria-labelledby="outcomes-heading" className="mt-16">
            <h2 id="outcomes-heading" className="text-3xl">
              {t("outcomesHeading")}
            </h2>
            <p className="mt-2 max-w-2xl text-ink-soft">{t("outcomesIntro")}</p>
            <ul className="mt-6 grid gap-4 md:grid-cols-2">
              {others.map((c) => (
                <li key={c.slug}>
                  <OutcomeCard c={c} />
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}
