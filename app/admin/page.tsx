import type { Metadata } from "next";
import Link from "next/link";
import { AdminShell, ROLE_LABELS } from "@/components/admin/admin-shell";
import { formatNumber } from "@/components/format";
import { requireCampaigner } from "@/lib/auth/guards";
import { getDashboardTotals } from "@/lib/dashboard/queries";
import { listCasesWithPendingRevisions } from "@/lib/revisions/queries";
import { guardPage } from "./_lib/page-guard";
import { signOutAction } from "./actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Dashboard" };

export default async function AdminDashboardPage() {
  const user = await guardPage(requireCampaigner);
  const totals = getDashboardTotals();
  const waiting = listCasesWithPendingRevisions();
  const waitingCount = waiting.reduce((n, c) => n + c.pending, 0);
  return (
    <AdminShell user={user} current="dashboard" signOutAction={signOutAction}>
      <p className="eyebrow">Campaign workspace</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">Dashboard</h1>
      <p className="mt-4 max-w-2xl text-lg leading-relaxed text-ink-soft">
        You are signed in as {ROLE_LABELS[user.role].toLowerCase()}.{" "}
        {user.role === "admin"
          ? "You can do everything here: write and publish urgent actions, and decide who else may sign in."
          : "You can write urgent actions and send them to an admin for review."}
      </p>
      {waiting.length > 0 && (
        <section aria-labelledby="waiting-heading" className="mt-8 rounded-md border-2 border-ink bg-surface p-5">
          <h2 id="waiting-heading" className="text-xl">
            {waitingCount === 1 ? "1 change to a live case waits for approval" : `${waitingCount} changes to live cases wait for approval`}
          </h2>
          <p className="mt-1 text-[0.9375rem] text-ink-soft">
            {user.role === "admin"
              ? "Supporters and officials see the current version until you approve. Read each old → new before approving."
              : "An admin approves or rejects them; until then supporters and officials see the current version."}
          </p>
          <ul className="mt-3 space-y-1">
            {waiting.map((c) => (
              <li key={c.caseId}>
                <Link href={`/admin/cases/${c.caseId}/changes`} className="font-semibold" dir="auto">
                  {c.personName} ({c.reference}): {c.pending === 1 ? "1 change" : `${c.pending} changes`}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <li className="rounded-md border border-line bg-surface p-5">
          <h2 className="text-xl">
            <Link href="/admin/dashboard">Signatures</Link>
          </h2>
          <p className="mt-1 text-[0.9375rem] text-ink-soft">
            {formatNumber(totals.confirmed)} confirmed, {formatNumber(totals.pending)} pending, {formatNumber(totals.today)} today, across{" "}
            {formatNumber(totals.cases)} {totals.cases === 1 ? "case" : "cases"}. Per case: signatures per day, countries, appeals
            delivered; post updates from there.
          </p>
        </li>
        <li className="rounded-md border border-line bg-surface p-5">
          <h2 className="text-xl">
            <Link href="/admin/missions">Diplomatic missions</Link>
          </h2>
          <p className="mt-1 text-[0.9375rem] text-ink-soft">The embassies that get supporters’ copies, per state, and how to import them.</p>
        </li>
        {user.role === "admin" && (
          <>
            <li className="rounded-md border border-line bg-surface p-5">
              <h2 className="text-xl">
                <Link href="/admin/people">People</Link>
              </h2>
              <p className="mt-1 text-[0.9375rem] text-ink-soft">Invite campaigners and admins, and end anyone’s sessions.</p>
            </li>
            <li className="rounded-md border border-line bg-surface p-5">
              <h2 className="text-xl">
                <Link href="/admin/audit">Audit log</Link>
              </h2>
              <p className="mt-1 text-[0.9375rem] text-ink-soft">Who signed in, invited, posted, exported, and when.</p>
            </li>
          </>
        )}
      </ul>
    </AdminShell>
  );
}
