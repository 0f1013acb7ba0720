import type { Metadata } from "next";
import Link from "next/link";
import { PrintRunsPanel } from "@/components/admin/print-runs-panel";
import { todayIso } from "@/lib/cases/queries";
import { printPanelData } from "../../../print/_lib/panel-props";
import { createPrintRunAction, markPrintRunPostedAction } from "../../../print/actions";
import { CasePage, openCasePage } from "../_lib/case-page";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Print run" };

export default async function CasePrintPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, editor } = await openCasePage(params);
  const { waiting, runs } = printPanelData({ caseId: editor.id });
  const now = new Date();
  return (
    <CasePage user={user} theCase={editor} current="print" exportable>
      <p className="mt-6 max-w-2xl leading-relaxed text-ink-soft">
        This case’s letters that go by post. A print run takes every one waiting into one PDF; the case page counts
        them as posted once the run is marked as posted. <Link href="/admin/print">Print runs of every case</Link>
      </p>
      <PrintRunsPanel
        waiting={waiting}
        runs={runs}
        showCase={false}
        now={now}
        today={todayIso(now)}
        createAction={createPrintRunAction.bind(null, editor.id)}
        markPostedAction={(runId) => markPrintRunPostedAction.bind(null, runId)}
      />
    </CasePage>
  );
}
