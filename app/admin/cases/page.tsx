import type { Metadata } from "next";
import Link from "next/link";
import { AdminShell } from "@/components/admin/admin-shell";
import { CaseStateBadge } from "@/components/admin/case-state-badge";
import { formatDateTime, formatDay, formatNumber } from "@/components/format";
import { requireCampaigner } from "@/lib/auth/guards";
import { listCasesForStaff } from "@/lib/cases/admin-queries";
import { todayIso } from "@/lib/cases/queries";
import { guardPage } from "../_lib/page-guard";
import { signOutAction } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Cases" };

export default async function CasesPage() {
  const user = await guardPage(requireCampaigner);
  const rows = listCasesForStaff({ user });
  const today = todayIso();
  return (
    <AdminShell user={user} current="cases" signOutAction={signOutAction}>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="eyebrow">Campaign workspace</p>
          <h1 className="mt-2 text-4xl sm:text-5xl">Cases</h1>
        </div>
        <Link href="/admin/cases/new" className="btn btn-primary">
          New case
        </Link>
      </div>
      <p className="mt-4 max-w-2xl text-lg leading-relaxed text-ink-soft">
        Cases waiting for review come first. Signature counts are confirmed appeals; pending ones await the
        supporter’s click in their email.
      </p>

      {rows.length === 0 ? (
        <p className="mt-8 rounded-md border border-line bg-surface p-5">No cases yet. Start with “New case”.</p>
      ) : (
        <div className="mt-8 overflow-x-auto rounded-md border border-line bg-surface">
          <table className="w-full min-w-[44rem] border-collapse text-start text-[0.9375rem]">
            <caption className="sr-only">All cases, with their state, deadline and signatures</caption>
            <thead className="border-b-2 border-ink bg-paper-deep">
              <tr>
                <th scope="col" className="px-4 py-2">Person and headline</th>
                <th scope="col" className="px-4 py-2">State</th>
                <th scope="col" className="px-4 py-2">Take action before</th>
                <th scope="col" className="px-4 py-2 text-end">Signatures</th>
                <th scope="col" className="px-4 py-2">Last change</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {rows.map((c) => (
                <tr key={c.id} className="align-top">
                  <td className="px-4 py-3">
                    <Link href={`/admin/cases/${c.id}`} className="font-semibold" dir="auto">
                      {c.personName}
                    </Link>
                    <span className="ms-2 text-ink-soft">{c.reference}</span>
                    <p className="mt-0.5 line-clamp-2 text-ink-soft" dir="auto">
                      {c.title}
                    </p>
                  </td>
                  <td className="px-4 py-3">
                    <CaseStateBadge state={c.state} scheduled={Boolean(c.publishAt)} />
                    {c.publishAt && <p className="mt-1 text-[0.8125rem] text-ink-soft">{formatDateTime(c.publishAt)}</p>}
                    {c.targets === 0 && c.state !== "closed" && <p className="mt-1 text-[0.8125rem] text-ink-soft">No targets yet</p>}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3">
                    {formatDay(c.actBefore)}
                    {c.actBefore < today && c.state === "published" && <p className="text-[0.8125rem] font-semibold text-danger">Passed</p>}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-end tabular-nums">
                    <strong>{formatNumber(c.confirmed)}</strong> / {formatNumber(c.goal)}
                    {c.pending > 0 && <p className="text-[0.8125rem] text-ink-soft">{formatNumber(c.pending)} pending</p>}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-ink-soft">{formatDateTime(c.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminShell>
  );
}
