// Every page about one case opens the same way: the staff guard (each page checks the session itself), the case
// by the one visibility rule (lib/cases/admin-queries), a 404 for anything else; then the shell and the header
// with its tabs.
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AdminShell } from "@/components/admin/admin-shell";
import { CaseHeader, type CaseTab } from "@/components/admin/case-header";
import { requireCampaigner, type CurrentUser } from "@/lib/auth/guards";
import { getCaseForEditor } from "@/lib/cases/admin-queries";
import { PendingChanges } from "@/components/admin/pending-changes";
import { listCaseRevisions } from "@/lib/revisions/queries";
import type { Case } from "@/lib/cases/types";
import { guardPage } from "../../../_lib/page-guard";
import { signOutAction } from "../../../actions";

export async function openCasePage(params: Promise<{ id: string }>) {
  const user = await guardPage(requireCampaigner);
  const { id } = await params;
  const editor = getCaseForEditor({ id, user });
  if (!editor) notFound();
  return { user, editor };
}

export function CasePage({
  user,
  theCase,
  current,
  exportable = false,
  showPending = true,
  children,
}: {
  user: CurrentUser;
  theCase: Pick<Case, "id" | "slug" | "personName" | "reference" | "state" | "publishAt">;
  current: CaseTab;
  /** the tab offers admins the CSV of confirmed signatures */
  exportable?: boolean;
  /** the changes waiting for an admin, under the page (the changes page lists them itself) */
  showPending?: boolean;
  children: ReactNode;
}) {
  const pending = listCaseRevisions({ caseId: theCase.id, decided: 0 });
  return (
    <AdminShell user={user} current="cases" signOutAction={signOutAction}>
      <CaseHeader
        caseId={theCase.id}
        slug={theCase.slug}
        personName={theCase.personName}
        reference={theCase.reference}
        state={theCase.state}
        scheduled={Boolean(theCase.publishAt)}
        current={current}
        canExport={exportable && user.role === "admin"}
        pendingChanges={pending.length}
      />
      {children}
      {showPending && <PendingChanges changes={pending} changesHref={`/admin/cases/${theCase.id}/changes`} />}
    </AdminShell>
  );
}
