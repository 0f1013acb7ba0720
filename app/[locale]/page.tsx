import Link from "next/link";
import { CaseCard, OutcomeCard } from "@/components/case-card";
import { plural } from "@/components/format";
import { getCaseFacets, listPublicCases } from "@/lib/cases/queries";
import { countryName, isCountryCode } from "@/lib/countries";
import { RISK_LABELS } from "@/lib/labels";
import { isRiskStatus, splitCases } from "./_lib/case-views";

// The filters come from the query string, so this page renders per request (it is one cheap query).

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const countryParam = one(params.country);
  const statusParam = one(params.status);
  const country = isCountryCode(countryParam) ? countryParam : undefined;
  const riskStatus = isRiskStatus(statusParam) ? statusParam : undefined;
  const filtered = Boolean(country || riskStatus);

  const facets = getCaseFacets();
  const countries = facets.countries
    .map((code) => ({ code, name: countryName(code) }))
    .toSorted((a, b) => a.name.localeCompare(b.name, "en"));
  const statusOrder = Object.keys(RISK_LABELS);
  const statuses = facets.riskStatuses.toSorted((a, b) => statusOrder.indexOf(a) - statusOrder.indexOf(b));

  const { open, others } = splitCases(listPublicCases({ country, riskStatus }));
  const describeFilter = [riskStatus && RISK_LABELS[riskStatus], country && countryName(country)].filter(Boolean).join(", ");

  return (
    <>
      <section className="border-b border-line bg-paper-deep/60">
        <div className="container-page py-8 sm:py-14">
          <p className="eyebrow">Urgent actions</p>
          <h1 className="mt-2 max-w-3xl text-4xl sm:text-5xl">People at risk need your voice today</h1>
          <p className="mt-4 max-w-2xl text-lg leading-relaxed">
            Each person below is detained, disappeared or in danger for who they are or what they said. Write to
            the officials who can change that: it takes a minute, and every letter is delivered and counted.
          </p>
        </div>
      </section>

      <div className="container-page">
        <search aria-label="Filter urgent actions" className="mt-8 block">
          <form method="get" action="/" className="grid grid-cols-2 items-end gap-3 rounded-md border border-line bg-surface p-4 sm:flex sm:gap-4">
            <div className="min-w-0 sm:w-64">
              <label htmlFor="filter-country" className="field-label">
                Country
              </label>
              <select id="filter-country" name="country" defaultValue={country ?? ""} className="input">
                <option value="">All countries</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="min-w-0 sm:w-64">
              <label htmlFor="filter-status" className="field-label">
                Situation
              </label>
              <select id="filter-status" name="status" defaultValue={riskStatus ?? ""} className="input">
                <option value="">All situations</option>
                {statuses.map((s) => (
                  <option key={s} value={s}>
                    {RISK_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
            <div className="col-span-2 flex items-center gap-4">
              <button type="submit" className="btn btn-dark">
                Filter
              </button>
              {filtered && (
                <Link href="/" className="font-semibold">
                  Clear filters
                </Link>
              )}
            </div>
          </form>
        </search>

        <section aria-labelledby="open-heading" className="mt-10">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="open-heading" className="text-3xl">
              Open for appeals
            </h2>
            <p className="text-ink-soft">
              {filtered
                ? `${plural(open.length, "urgent action", "urgent actions")} for ${describeFilter}`
                : plural(open.length, "urgent action", "urgent actions")}
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
              <p className="font-serif text-xl">
                {filtered ? "No open urgent actions match these filters." : "There are no open urgent actions right now."}
              </p>
              {filtered && (
                <p className="mt-3">
                  <Link href="/" className="font-semibold">
                    Show all urgent actions
                  </Link>
                </p>
              )}
            </div>
          )}
        </section>

        {others.length > 0 && (
          <section aria-labelledby="outcomes-heading" className="mt-16">
            <h2 id="outcomes-heading" className="text-3xl">
              Outcomes and closed cases
            </h2>
            <p className="mt-2 max-w-2xl text-ink-soft">
              Appeals work. Some of these people are free; for others the deadline has passed and we follow their
              cases still.
            </p>
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
