import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SignaturesChart } from "@/components/admin/signatures-chart";
import { formatDateTime, formatDay, formatExpectedAt, formatNumber, plural } from "@/components/format";
import { GoalBar } from "@/components/goal-bar";
import { getDeliveryCountsByOfficial } from "@/lib/appeals/delivery-counts";
import { getFailedLetterSummary } from "@/lib/appeals/failed-letters";
import { getPacingSchedule } from "@/lib/appeals/pacing-schedule";
import { getMissingMissionCountries, type MissingMissionCountry } from "@/lib/missions/queries";
import { countryName } from "@/lib/countries";
import { getCaseDashboard } from "@/lib/dashboard/queries";
import { CasePage, openCasePage } from "../_lib/case-page";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Case statistics" };

const STATE_ROWS = [
  { key: "queued", label: "Queued", hint: "waiting to be sent, or waiting to try again" },
  { key: "sending", label: "Sending", hint: "being handed to the mail server now" },
  { key: "sent", label: "Sent", hint: "accepted by the official’s mail server" },
  { key: "failed", label: "Failed", hint: "given up on; the reasons are below" },
  { key: "bounced", label: "Bounced", hint: "accepted, then returned by the official’s server; no longer counted as sent" },
] as const;

const percent = (n: number, of: number) => (of === 0 ? "–" : `${Math.round((n / of) * 100)}%`);

export default async function CaseStatsPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, editor } = await openCasePage(params);
  const d = getCaseDashboard({ caseId: editor.id });
  if (!d) notFound();

  const last30 = d.perDay.reduce((sum, day) => sum + day.count, 0);
  const busiest = d.perDay.reduce((best, day) => (day.count > best.count ? day : best), { day: "", count: 0 });
  const a = d.appeals;
  const perOfficial = getDeliveryCountsByOfficial({ caseId: d.id });
  const missing = getMissingMissionCountries({ caseId: d.id });
  const failed = getFailedLetterSummary({ caseId: d.id });
  const schedule = getPacingSchedule({ caseId: d.id });

  return (
    <CasePage user={user} theCase={editor} current="stats" exportable>
      {/* the case header holds the page's one h1, the person's name */}
      <h2 className="mt-6 text-3xl">Signatures</h2>
      <p className="mt-2 text-ink-soft">Days are UTC days. Only confirmed signatures count towards the goal.</p>

      <dl className="mt-6 grid grid-cols-3 gap-3 sm:max-w-xl">
        {[
          { label: "Confirmed", value: d.confirmed },
          { label: "Pending", value: d.pending },
          { label: "Today", value: d.today },
        ].map((s) => (
          <div key={s.label} className="rounded-md border border-line bg-surface p-3 sm:p-4">
            <dt className="text-[0.875rem] text-ink-soft">{s.label}</dt>
            <dd className="font-serif text-2xl font-semibold tabular-nums sm:text-3xl">{formatNumber(s.value)}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 sm:max-w-xl">
        <GoalBar count={d.confirmed} goal={d.goal} />
      </div>

      <section aria-labelledby="per-day-heading" className="mt-12">
        <h2 id="per-day-heading" className="text-2xl">
          Signatures per day, last 30 days
        </h2>
        <p className="mt-2">
          {last30 === 0
            ? "No signatures were confirmed in the last 30 days."
            : `${plural(last30, "signature", "signatures")} confirmed in the last 30 days; the most on ${formatDay(busiest.day)} (${formatNumber(busiest.count)}).`}
        </p>
        <div className="mt-4 rounded-md border border-line bg-surface p-2 sm:p-4">
          <SignaturesChart data={d.perDay} />
        </div>
        <details className="mt-3">
          <summary className="cursor-pointer font-semibold">The numbers for each day</summary>
          <div className="mt-2 max-w-md overflow-x-auto">
            <table className="w-full text-[0.9375rem]">
              <caption className="sr-only">Confirmed signatures per UTC day, last 30 days, newest first</caption>
              <thead>
                <tr className="border-b-2 border-ink text-start">
                  <th scope="col" className="py-1 pe-4">Day</th>
                  <th scope="col" className="py-1 text-end">Confirmed</th>
                </tr>
              </thead>
              <tbody>
                {d.perDay.toReversed().map((day) => (
                  <tr key={day.day} className="border-b border-line">
                    <th scope="row" className="py-1 pe-4 text-start font-normal">
                      <time dateTime={day.day}>{formatDay(day.day)}</time>
                    </th>
                    <td className="py-1 text-end tabular-nums">{formatNumber(day.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>

      <div className="mt-12 grid gap-12 lg:grid-cols-2">
        <section aria-labelledby="country-heading">
          <h2 id="country-heading" className="text-2xl">
            By country
          </h2>
          {d.byCountry.length === 0 ? (
            <p className="mt-2 text-ink-soft">No confirmed signatures yet.</p>
          ) : (
            <table className="mt-3 w-full text-[0.9375rem]">
              <caption className="sr-only">Confirmed signatures by the supporter’s country</caption>
              <thead>
                <tr className="border-b-2 border-ink text-start">
                  <th scope="col" className="py-1 pe-4">Country</th>
                  <th scope="col" className="py-1 pe-4 text-end">Signatures</th>
                  <th scope="col" className="py-1 text-end">Share</th>
                </tr>
              </thead>
              <tbody>
                {d.byCountry.map((c) => (
                  <tr key={c.country} className="border-b border-line">
                    <th scope="row" className="py-1 pe-4 text-start font-normal">
                      {countryName(c.country)}
                    </th>
                    <td className="py-1 pe-4 text-end tabular-nums">{formatNumber(c.count)}</td>
                    <td className="py-1 text-end tabular-nums text-ink-soft">{percent(c.count, d.confirmed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section aria-labelledby="appeals-heading">
          <h2 id="appeals-heading" className="text-2xl">
            Appeals by delivery state
          </h2>
          <p className="mt-2 text-ink-soft">{plural(a.total, "appeal", "appeals")} to officials: one per confirmed signature and official.</p>
          <table className="mt-3 w-full text-[0.9375rem]">
            <caption className="sr-only">Appeals by delivery state</caption>
            <thead>
              <tr className="border-b-2 border-ink text-start">
                <th scope="col" className="py-1 pe-4">State</th>
                <th scope="col" className="py-1 text-end">Appeals</th>
              </tr>
            </thead>
            <tbody>
              {STATE_ROWS.map((s) => (
                <tr key={s.key} className="border-b border-line">
                  <th scope="row" className="py-1 pe-4 text-start font-normal">
                    <span className={s.key === "failed" && a.byStatus.failed > 0 ? "font-semibold text-danger" : "font-semibold"}>{s.label}</span>{" "}
                    <span className="text-ink-soft">— {s.hint}</span>
                  </th>
                  <td className="py-1 text-end tabular-nums">{formatNumber(a.byStatus[s.key])}</td>
                </tr>
              ))}
              <tr className="border-b border-line">
                <th scope="row" className="py-1 pe-4 text-start font-normal">
                  <span className="font-semibold">By post or fax</span> <span className="text-ink-soft">— printed for posting, or faxed: officials with no email address, or whose address bounced</span>
                </th>
                <td className="py-1 text-end tabular-nums">{formatNumber(Object.values(a.offline).reduce((sum, n) => sum + n, 0))}</td>
              </tr>
              {a.forDigest > 0 && (
                <tr className="border-b border-line">
                  <th scope="row" className="py-1 pe-4 text-start font-normal">
                    <span className="font-semibold">Waiting for a digest</span> <span className="text-ink-soft">— to go in the official’s daily email (Digests tab)</span>
                  </th>
                  <td className="py-1 text-end tabular-nums">{formatNumber(a.forDigest)}</td>
                </tr>
              )}
            </tbody>
          </table>
          {a.failures.length > 0 && (
            <div className="mt-6">
              <h3 className="text-xl">Why appeals failed</h3>
              <ul className="mt-2 divide-y divide-line rounded-md border border-line bg-surface">
                {a.failures.map((f) => (
                  <li key={f.reason} className="flex justify-between gap-4 px-3 py-2">
                    <code className="min-w-0 text-[0.875rem] [overflow-wrap:anywhere]">{f.reason}</code>
                    <span className="tabular-nums">{formatNumber(f.count)}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="mt-6">
            <h3 id="failed-for-good-heading" className="text-xl">
              Letters that failed for good
            </h3>
            {failed.letters === 0 ? (
              <p className="mt-2 text-ink-soft">None: every letter was sent, is on its way, or went on by fax or post.</p>
            ) : (
              <>
                <p className="mt-2">
                  <span className="font-semibold text-danger">{plural(failed.letters, "letter", "letters")}</span> could not be emailed and nothing else
                  carries {failed.letters === 1 ? "it" : "them"}, from {plural(failed.supporters, "supporter", "supporters")}.{" "}
                  {failed.told === failed.supporters
                    ? failed.supporters === 1
                      ? "The supporter was told"
                      : "Each was told"
                    : `${formatNumber(failed.told)} of them ${failed.told === 1 ? "was" : "were"} told`}{" "}
                  by email, with a copy of the letter and how to send it themselves.
                </p>
                {failed.told < failed.supporters && (
                  <p className="mt-1 text-[0.9375rem] text-ink-soft">
                    Not told: supporters who erased their details, or whose letter failed after the case stopped taking action.
                  </p>
                )}
              </>
            )}
          </div>
          {a.retrying.length > 0 && (
            <div className="mt-6">
              <h3 className="text-xl">Waiting to try again</h3>
              <ul className="mt-2 divide-y divide-line rounded-md border border-line bg-surface">
                {a.retrying.map((f) => (
                  <li key={f.reason} className="flex justify-between gap-4 px-3 py-2">
                    <code className="min-w-0 text-[0.875rem] [overflow-wrap:anywhere]">{f.reason}</code>
                    <span className="tabular-nums">{formatNumber(f.count)}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      </div>

      <section aria-labelledby="officials-heading" className="mt-12">
        <h2 id="officials-heading" className="text-2xl">
          Letters by official
        </h2>
        <p className="mt-2 text-ink-soft">
          The same counts the case page shows, per official. Emailed and faxed: accepted by the mail server or the fax
          gateway. Posted: in a print run marked as posted. Sent by supporters: their own “I sent it” reports.
        </p>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[40rem] text-[0.9375rem]">
            <caption className="sr-only">Letters by official and what happened to them</caption>
            <thead>
              <tr className="border-b-2 border-ink text-start">
                <th scope="col" className="py-1 pe-4">Official</th>
                <th scope="col" className="py-1 pe-4 text-end">Letters</th>
                <th scope="col" className="py-1 pe-4 text-end">Emailed</th>
                <th scope="col" className="py-1 pe-4 text-end">Faxed</th>
                <th scope="col" className="py-1 pe-4 text-end">Posted</th>
                <th scope="col" className="py-1 pe-4 text-end">Waiting for post</th>
                <th scope="col" className="py-1 text-end">Sent by supporters</th>
              </tr>
            </thead>
            <tbody>
              {perOfficial.map((o) => (
                <tr key={o.targetId} className="border-b border-line">
                  <th scope="row" className="py-1 pe-4 text-start font-normal" dir="auto">
                    {o.official}
                  </th>
                  {[o.appeals, o.emailed, o.faxed, o.posted, o.waitingForPost].map((n, i) => (
                    <td key={i} className="py-1 pe-4 text-end tabular-nums">
                      {formatNumber(n)}
                    </td>
                  ))}
                  <td className="py-1 text-end tabular-nums">{formatNumber(o.reportedBySupporters)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {schedule.length > 0 && (
        <section aria-labelledby="pacing-heading" className="mt-12">
          <h2 id="pacing-heading" className="text-2xl">
            Emails waiting for their turn
          </h2>
          <p className="mt-2 max-w-2xl text-ink-soft">
            Each official’s letters are spread out (at most the rate shown, inside office hours when set) so they reach
            the inbox rather than a spam filter. Times are in the official’s time zone; set the rate and hours on Targets.
          </p>
          <div className="mt-4 overflow-x-auto">
            <table className="w-full min-w-[40rem] text-[0.9375rem]">
              <caption className="sr-only">Letters waiting per official, with the next and the last expected</caption>
              <thead>
                <tr className="border-b-2 border-ink text-start">
                  <th scope="col" className="py-1 pe-4">Official</th>
                  <th scope="col" className="py-1 pe-4">Pace</th>
                  <th scope="col" className="py-1 pe-4 text-end">Waiting</th>
                  <th scope="col" className="py-1 pe-4">Next letter</th>
                  <th scope="col" className="py-1">Last letter expected</th>
                </tr>
              </thead>
              <tbody>
                {schedule.map((o) => (
                  <tr key={o.targetId} className="border-b border-line align-top">
                    <th scope="row" className="py-1 pe-4 text-start font-normal" dir="auto">
                      {o.official}
                    </th>
                    <td className="py-1 pe-4">
                      {o.perHour} an hour{o.officeHours ? `, ${o.officeHours}` : ", any hour"}
                      <span className="block text-[0.875rem] text-ink-soft">{o.timeZone}</span>
                    </td>
                    <td className="py-1 pe-4 text-end tabular-nums">{formatNumber(o.waiting)}</td>
                    <td className="py-1 pe-4">{o.nextAt ? <time dateTime={o.nextAt.toISOString()} title={formatDateTime(o.nextAt)}>{formatExpectedAt(o.nextAt, o.timeZone)}</time> : "–"}</td>
                    <td className="py-1">{o.lastAt ? <time dateTime={o.lastAt.toISOString()} title={formatDateTime(o.lastAt)}>{formatExpectedAt(o.lastAt, o.timeZone)}</time> : "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {missing.length > 0 && (
        <section aria-labelledby="missing-missions-heading" className="mt-12">
          <h2 id="missing-missions-heading" className="text-2xl">
            Embassy copies not sent
          </h2>
          <p className="mt-2 max-w-2xl text-ink-soft">
            These supporters’ countries have no mission on record with an email or a postal address, so their copy to
            the embassy went nowhere. Import the missions (see Missions) to reach later supporters there.
          </p>
          <ul className="mt-3 space-y-1 text-[0.9375rem]">
            {missing.map((m) => (
              <li key={`${m.operatorCountry}-${m.hostCountry}`}>
                <span className="font-semibold">{countryName(m.hostCountry)}</span>: {plural(m.supporters, "supporter", "supporters")}{" "}
                <span className="text-ink-soft">— {MISSING_REASONS[m.reason](countryName(m.operatorCountry))}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </CasePage>
  );
}

const MISSING_REASONS: Record<MissingMissionCountry["reason"], (state: string) => string> = {
  no_mission: (state) => `no mission of ${state} there on record`,
  no_usable_contact: (state) => `${state}’s mission there has neither an email nor a postal address on record`,
  imported_since: () => "a usable mission was imported after these supporters confirmed",
};
