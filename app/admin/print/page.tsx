import type { Metadata } from "next";
import { AdminShell } from "@/components/admin/admin-shell";
import { PrintRunsPanel } from "@/components/admin/print-runs-panel";
import { requireCampaigner } from "@/lib/auth/guards";
import { todayIso } from "@/lib/cases/queries";
import { guardPage } from "../_lib/page-guard";
import { signOutAction } from "../actions";
import { printPanelData } from "./_lib/panel-props";
import { createPrintRunAction, markPrintRunPostedAction } from "./actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Print runs" };

export default async function PrintRunsPage() {
  const user = await guardPage(requireCampaigner);
  const { waiting, runs } = printPanelData({});
  const now = new Date();
  return (
    <AdminShell user={user} current="print" signOutAction={signOutAction}>
      <p className="eyebrow">Campaign workspace</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">Print runs</h1>
      <p className="mt-4 max-w-2xl text-lg leading-relaxed text-ink-soft">
        Letters to officials with no email (and faxes when no fax gateway is set up) are posted by the campaign team.
        A print run takes every letter waiting, of every case, into one PDF: print it, fold it into window envelopes,
        post it, then mark the run as posted. Only then do the case pages count those letters as posted.
      </p>
      <PrintRunsPanel
        waiting={waiting}
        runs={runs}
        showCase
        now={now}
        today={todayIso(now)}
        createAction={createPrintRunAction.bind(null, "")}
        markPostedAction={(runId) => markPrintRunPostedAction.bind(null, runId)}
      />
    </AdminShell>
  );
}
