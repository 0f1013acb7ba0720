import type { Metadata } from "next";
import Link from "next/link";
import { AdminShell } from "@/components/admin/admin-shell";
import { CaseEditorForm } from "@/components/admin/case-editor-form";
import { requireCampaigner } from "@/lib/auth/guards";
import { todayIso } from "@/lib/cases/queries";
import { guardPage } from "../../_lib/page-guard";
import { signOutAction } from "../../actions";
import { newCaseValues } from "../_lib/editor-values";
import { withUploadedPhoto } from "../_lib/uploaded-photo";
import { countrySelectOptions, riskStatusOptions } from "../_lib/options";
import { createCaseAction } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "New case" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewCasePage({ searchParams }: Props) {
  const user = await guardPage(requireCampaigner);
  return (
    <AdminShell user={user} current="cases" signOutAction={signOutAction}>
      <nav aria-label="Breadcrumb" className="text-[0.9375rem]">
        <ol className="flex flex-wrap items-center gap-x-2 text-ink-soft">
          <li>
            <Link href="/admin/cases">Cases</Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" className="text-ink">
            New case
          </li>
        </ol>
      </nav>
      <h1 className="mt-3 text-4xl sm:text-5xl">New case</h1>
      <p className="mt-3 max-w-2xl text-lg leading-relaxed text-ink-soft">
        Save as a draft at any time. Then add the officials to write to and the model letter, and send it for review.
      </p>
      <div className="mt-8">
        <CaseEditorForm
          action={createCaseAction}
          initial={withUploadedPhoto({ values: newCaseValues(todayIso()) }, await searchParams, user.id)}
          countries={countrySelectOptions()}
          riskStatuses={riskStatusOptions()}
          submitLabel="Save draft"
        />
      </div>
    </AdminShell>
  );
}
