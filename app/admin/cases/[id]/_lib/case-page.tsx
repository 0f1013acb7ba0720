// Every page about one case opens the same way: the staff guard (each page checks the session itself), the case
// by the one visibility rule (lib/cases/admin-queries), a 404 for anything else; then the shell and the header
// with its tabs.
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AdminShell } from "@/components/admin/admin-shell";
import { CaseHeader, type CaseTab } from "@/components/admin/case-header";
import { requireCampaigner, type CurrentUser } from "@/lib/auth/guards";
import { getCaseForEditor } from "@/lib/cases/admin-queries";
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
  children,
}: {
  user: CurrentUser;
  theCase: Pick<Case, "id" | "slug" | "personName" | "reference" | "state" | "publishAt">;
  current: CaseTab;
  /** the tab offers admins the CSV of confirmed signatures */
  exportable?: boolean;
  children: ReactNode;
}) {
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
      />
      {children}
    </AdminShell>
  );
}
