import type { Metadata } from "next";
import { AdminShell } from "@/components/admin/admin-shell";
import { coverageSentence } from "@/components/admin/mission-coverage";
import { formatDateTime, formatNumber } from "@/components/format";
import { requireCampaigner } from "@/lib/auth/guards";
import { countryName } from "@/lib/countries";
import { getLastMissionImport, listMissionCoverage, listMissionRoutes } from "@/lib/missions/queries";
import { guardPage } from "../_lib/page-guard";
import { signOutAction } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Diplomatic missions" };

const byCountryName = (a: { hostCountry: string }, b: { hostCountry: string }) =>
  countryName(a.hostCountry).localeCompare(countryName(b.hostCountry), "en");

const IMPORT_COMMAND = "npm run missions:import -- path/to/database_of_embassies.csv --operator CN";

export default async function MissionsPage() {
  const user = await guardPage(requireCampaigner);
  const states = listMissionCoverage();
  const last = getLastMissionImport();

  return (
    <AdminShell user={user} current="dashboard" signOutAction={signOutAction}>
      <p className="eyebrow">Campaign workspace</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">Diplomatic missions</h1>
      <p className="mt-4 max-w-2xl leading-relaxed text-ink-soft">
        A case’s copy “to the embassy in each supporter’s country” goes to the mission of that state in the
        supporter’s own country: an embassy before a consulate, by email where it has one, else by post. These
        are the missions on record.
      </p>

      <section aria-labelledby="states-heading" className="mt-8">
        <h2 id="states-heading" className="text-2xl">
          Missions per state
        </h2>
        {states.length === 0 ? (
          <p className="mt-3 rounded-md border border-dashed border-line-strong bg-surface p-5 text-ink-soft">
            No missions on record yet: a copy to the embassy goes nowhere until they are imported (below).
          </p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full border-collapse text-start">
              <caption className="sr-only">Missions on record, per sending state</caption>
              <thead>
                <tr className="border-b-2 border-line-strong">
                  <th scope="col" className="py-2 pe-4">State</th>
                  <th scope="col" className="py-2 pe-4 text-end">Missions</th>
                  <th scope="col" className="py-2 pe-4 text-end">Countries</th>
                  <th scope="col" className="py-2 pe-4 text-end">Copy by email</th>
                  <th scope="col" className="py-2 pe-4 text-end">Copy by post</th>
                </tr>
              </thead>
              <tbody>
                {states.map((s) => (
                  <tr key={s.operatorCountry} className="border-b border-line">
                    <th scope="row" className="py-2 pe-4 font-semibold">
                      {countryName(s.operatorCountry)} <span className="font-normal text-ink-soft">({s.operatorCountry})</span>
                    </th>
                    <td className="py-2 pe-4 text-end tabular-nums">{formatNumber(s.missions)}</td>
                    <td className="py-2 pe-4 text-end tabular-nums">{formatNumber(s.hostCountries)}</td>
                    <td className="py-2 pe-4 text-end tabular-nums">{formatNumber(s.withEmail)}</td>
                    <td className="py-2 pe-4 text-end tabular-nums">{formatNumber(s.postOnly)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {states.map((s) => {
          const routes = listMissionRoutes({ operatorCountry: s.operatorCountry }).toSorted(byCountryName);
          return (
            <details key={s.operatorCountry} className="mt-4 rounded-md border border-line bg-surface p-4">
              <summary className="cursor-pointer font-semibold">
                {countryName(s.operatorCountry)}: {coverageSentence(s)}
              </summary>
              <p className="mt-2 text-[0.9375rem] text-ink-soft">
                Where a supporter signs from a country not listed here, no copy is sent.
              </p>
              <ul className="mt-3 space-y-1 text-[0.9375rem]">
                {routes.map((r) => (
                  <li key={r.hostCountry}>
                    <strong>{countryName(r.hostCountry)}</strong>:{" "}
                    {r.missionName === null ? (
                      <span className="text-danger">no mission with an email or a postal address</span>
                    ) : (
                      <>
                        {r.missionName} — {r.channel === "email" ? "by email" : "by post"}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </details>
          );
        })}
      </section>

      <section aria-labelledby="import-heading" className="mt-10 max-w-3xl">
        <h2 id="import-heading" className="text-2xl">
          Last import
        </h2>
        {last ? (
          <p className="mt-3">
            {formatDateTime(last.at)}
            {last.source && (
              <>
                , from <code>{last.source}</code>
              </>
            )}
            : {formatNumber(last.added)} added, {formatNumber(last.updated)} updated, {formatNumber(last.unchanged)} unchanged.
            {last.demo && " Demo data: every email was replaced with an example.org address, so no real embassy is ever mailed; postal addresses are real."}
          </p>
        ) : (
          <p className="mt-3 text-ink-soft">Nothing has been imported yet.</p>
        )}

        <h2 className="mt-8 text-2xl">Import the full file</h2>
        <p className="mt-3 leading-relaxed">
          Missions come from the public{" "}
          <a href="https://github.com/database-of-embassies/database-of-embassies">database of embassies</a>{" "}
          (Wikidata, CC0): download its <code>database_of_embassies.csv</code> and, on the server, run
        </p>
        <pre className="mt-3 overflow-x-auto rounded-md border border-line bg-surface p-3 text-[0.9375rem]">
          <code>{IMPORT_COMMAND}</code>
        </pre>
        <p className="mt-3 leading-relaxed text-ink-soft">
          Repeat <code>--operator</code> for each state your cases are about. Missions are matched by their Wikidata
          item, so a newer file updates them in place; a file with a wrong header or any broken row is refused
          whole, each problem named with its line, and nothing changes. There is no upload form here on purpose:
          the import is a task for whoever runs the server, from its shell.
        </p>
      </section>
    </AdminShell>
  );
}
