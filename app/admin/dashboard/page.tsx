import type { Metadata } from "next";
import Link from "next/link";
import { AdminShell } from "@/components/admin/admin-shell";
import { formatNumber, plural } from "@/components/format";
import { GoalBar } from "@/components/goal-bar";
import { requireCampaigner } from "@/lib/auth/guards";
import { getDashboardTotals, listCaseStats } from "@/lib/dashboard/queries";
import { CASE_STATE_LABELS } from "@/lib/labels";
import { guardPage } from "../_lib/page-guard";
import { signOutAction } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Signatures dashboard" };

export default async function SignaturesDashboardPage() {
  const user = await guardPage(requireCampaigner);
  const totals = getDashboardTotals();
  const rows = listCaseStats();

  return (
    <AdminShell user={user} current="dashboard" signOutAction={signOutAction}>
      <p className="eyebrow">Campaign workspace</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">Signatures</h1>
      <p className="mt-3 max-w-2xl text-ink-soft">
        Every case, with its confirmed and pending signatures. “Today” counts confirmations since midnight UTC. Only
        confirmed signatures count towards a goal.
      </p>

      <dl className="mt-6 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          { label: "Cases", value: totals.cases },
          { label: "Confirmed", value: totals.confirmed },
          { label: "Pending", value: totals.pending },
          { label: "Confirmed today", value: totals.today },
        ].map((s) => (
          <div key={s.label} className="rounded-md border border-line bg-surface p-3 sm:p-4">
            <dt className="text-[0.875rem] text-ink-soft">{s.label}</dt>
            <dd className="font-serif text-2xl font-semibold tabular-nums sm:text-3xl">{formatNumber(s.value)}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="cases-heading" className="mt-10">
        <h2 id="cases-heading" className="text-2xl">
          {plural(rows.length, "case", "cases")}
        </h2>
        {rows.length === 0 ? (
          <p className="mt-3 text-ink-soft">There are no cases yet.</p>
        ) : (
          <ul className="mt-4 divide-y divide-line overflow-hidden rounded-md border border-line bg-surface">
            {rows.map((c) => (
              <li key={c.id} className="grid gap-4 p-4 md:grid-cols-[minmax(0,1fr)_auto_14rem] md:items-center" aria-labelledby={`case-${c.id}`}>
                <div className="min-w-0">
                  <h3 id={`case-${c.id}`} className="text-xl">
                    <Link href={`/admin/cases/${c.id}/stats`} dir="auto">
                      {c.personName}
                    </Link>
                  </h3>
                  <p className="mt-0.5 text-[0.9375rem] text-ink-soft">
                    {c.reference} · {CASE_STATE_LABELS[c.state]} ·{" "}
                    <Link href={`/admin/cases/${c.id}/updates`} aria-label={`Updates on ${c.personName}`}>
                      Updates
                    </Link>
                  </p>
                </div>
                <dl className="grid grid-cols-3 gap-x-5 text-center md:text-end">
                  <div>
                    <dt className="text-[0.8125rem] text-ink-soft">Confirmed</dt>
                    <dd className="text-lg font-semibold tabular-nums" data-testid="confirmed">
                      {formatNumber(c.confirmed)}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-[0.8125rem] text-ink-soft">Pending</dt>
                    <dd className="text-lg tabular-nums">{formatNumber(c.pending)}</dd>
                  </div>
                  <div>
                    <dt className="text-[0.8125rem] text-ink-soft">Today</dt>
                    <dd className="text-lg tabular-nums">{formatNumber(c.today)}</dd>
                  </div>
                </dl>
                <GoalBar count={c.confirmed} goal={c.goal} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </AdminShell>
  );
}
