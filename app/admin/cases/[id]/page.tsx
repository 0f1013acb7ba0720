import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminShell } from "@/components/admin/admin-shell";
import { CaseEditorForm } from "@/components/admin/case-editor-form";
import { CaseHeader } from "@/components/admin/case-header";
import { EmailProblemsBanner } from "@/components/admin/email-problems-banner";
import { PendingChanges } from "@/components/admin/pending-changes";
import { requireCampaigner } from "@/lib/auth/guards";
import { listCaseRevisions } from "@/lib/revisions/queries";
import { getCaseEmailProblems } from "@/lib/bounces/queries";
import { getCaseForEditor } from "@/lib/cases/admin-queries";
import { guardPage } from "../../_lib/page-guard";
import { signOutAction } from "../../actions";
import { editorValues } from "../_lib/editor-values";
import { withUploadedPhoto } from "../_lib/uploaded-photo";
import { countrySelectOptions, riskStatusOptions } from "../_lib/options";
import { updateCaseAction } from "../actions";
import { resetEmailHealthAction } from "./bounce-actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Case details" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CaseDetailsPage({ params, searchParams }: Props) {
  const user = await guardPage(requireCampaigner);
  const { id } = await params;
  const c = getCaseForEditor({ id, user });
  if (!c) notFound();
  const pending = listCaseRevisions({ caseId: c.id, decided: 0 });
  const query = await searchParams;
  const created = query.created === "1";
  const emailProblems = getCaseEmailProblems({ caseId: c.id });
  const emailDone = query.done === "email-reset" ? "reset" : query.error === "email-reset" ? "not-reset" : undefined;
  const isPublic = c.state === "published" || c.state === "closed";
  return (
    <AdminShell user={user} current="cases" signOutAction={signOutAction}>
      <CaseHeader caseId={c.id} slug={c.slug} personName={c.personName} reference={c.reference} state={c.state} scheduled={Boolean(c.publishAt)} current="details" pendingChanges={pending.length} />
      <EmailProblemsBanner caseId={c.id} problems={emailProblems} reset={(address) => resetEmailHealthAction.bind(null, c.id, address)} done={emailDone} />
      <div className="mt-8">
        <CaseEditorForm
          action={updateCaseAction}
          initial={withUploadedPhoto(
            {
              values: editorValues(c),
              done: created ? "Draft saved. Next: add the officials on the Targets tab and write the model letter." : undefined,
            },
            query,
            user.id,
          )}
          caseId={c.id}
          countries={countrySelectOptions()}
          riskStatuses={riskStatusOptions()}
          slugLocked={isPublic}
          submitLabel={isPublic ? "Save changes" : "Save draft"}
        />
      </div>
      <PendingChanges changes={pending} changesHref={`/admin/cases/${c.id}/changes`} />
    </AdminShell>
  );
}
