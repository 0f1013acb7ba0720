import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminShell } from "@/components/admin/admin-shell";
import { CaseHeader } from "@/components/admin/case-header";
import { PrintRunsPanel } from "@/components/admin/print-runs-panel";
import { requireCampaigner } from "@/lib/auth/guards";
import { getCaseForEditor } from "@/lib/cases/admin-queries";
import { todayIso } from "@/lib/cases/queries";
import { guardPage } from "../../../_lib/page-guard";
import { signOutAction } from "../../../actions";
import { printPanelData } from "../../../print/_lib/panel-props";
import { createPrintRunAction, markPrintRunPostedAction } from "../../../print/actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Print run" };

export default async function CasePrintPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage(requireCampaigner);
  const { id } = await params;
  // the same visibility rule as every other page of a case (lib/cases/admin-queries)
  const editor = getCaseForEditor({ id, user });
  if (!editor) notFound();
  const { waiting, runs } = printPanelData({ caseId: editor.id });
  const now = new Date();
  return (
    <AdminShell user={user} current="cases" signOutAction={signOutAction}>
      <CaseHeader
        caseId={editor.id}
        slug={editor.slug}
        personName={editor.personName}
        reference={editor.reference}
        state={editor.state}
        scheduled={Boolean(editor.publishAt)}
        current="print"
        canExport={user.role === "admin"}
      />
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
    </AdminShell>
  );
}
