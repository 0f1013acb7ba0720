import type { Metadata } from "next";
import Link from "next/link";
import { AdminShell } from "@/components/admin/admin-shell";
import { formatDateTime } from "@/components/format";
import { requireAdmin } from "@/lib/auth/guards";
import { BOUNCE_REPORTS_SHOWN, listBounceReports } from "@/lib/bounces/queries";
import { guardPage } from "../_lib/page-guard";
import { signOutAction } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Bounce reports" };

const KIND_WORDS = { hard: "Hard bounce", soft: "Soft bounce", complaint: "Complaint", ignored: "Ignored" } as const;

/** What the bounce listener received (decision 018): applied reports, and the ignored ones with the reason. */
export default async function BounceReportsPage({ searchParams }: { searchParams: Promise<{ show?: string | string[] }> }) {
  const admin = await guardPage(requireAdmin);
  const ignoredOnly = (await searchParams).show === "ignored";
  const reports = listBounceReports(ignoredOnly ? { kind: "ignored" } : {});
  return (
    <AdminShell user={admin} current="bounces" signOutAction={signOutAction}>
      <p className="eyebrow">Campaign workspace</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">Bounce reports</h1>
      <p className="mt-3 max-w-2xl text-ink-soft">
        Delivery reports and spam complaints returned for Vigil’s mail, and letters an official’s mail server refused while Vigil was
        sending them (“refused at send time”), newest first (the last {BOUNCE_REPORTS_SHOWN}). An ignored report
        changed nothing: it did not parse, named no letter, or carried a forged address. The returned message itself is not kept. Times are UTC.
      </p>
      <p className="mt-4">
        {ignoredOnly ? <Link href="/admin/bounces">Show every report</Link> : <Link href="/admin/bounces?show=ignored">Show only ignored reports</Link>}
      </p>
      {reports.length === 0 ? (
        <p className="mt-8 text-ink-soft">{ignoredOnly ? "No report has been ignored." : "No report has arrived."}</p>
      ) : (
        <ol className="mt-6 divide-y divide-line overflow-hidden rounded-md border border-line bg-surface" aria-label="Bounce reports">
          {reports.map((r) => (
            <li key={r.id} className="grid gap-x-6 gap-y-1 px-4 py-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
              <time dateTime={r.receivedAt.toISOString()} className="text-[0.9375rem] text-ink-soft tabular-nums">
                {formatDateTime(r.receivedAt)}
              </time>
              <div className="min-w-0">
                <p>
                  <strong>{KIND_WORDS[r.kind]}</strong>
                  {r.status && <span className="tabular-nums"> · {r.status}</span>}
                  {r.reason && <span> · {r.reason}</span>}
                </p>
                {r.diagnostic && <p className="break-words text-[0.9375rem]">{r.diagnostic}</p>}
                <p className="break-all text-[0.875rem] text-ink-soft">to {r.envelopeTo}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </AdminShell>
  );
}
