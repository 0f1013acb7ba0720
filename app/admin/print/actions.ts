"use server";

import { revalidatePath } from "next/cache";
import { revalidatePublicPath } from "@/lib/i18n/revalidate-public";
import { defineAction, formTexts, readNothing } from "@/lib/actions/define-action";
import { requireCampaigner, type CurrentUser } from "@/lib/auth/guards";
import { formError } from "@/lib/forms/form-state";
import { createPrintRun } from "@/lib/print-runs/create-print-run";
import { markPrintRunPosted } from "@/lib/print-runs/mark-print-run-posted";
import { renderPrintRunPdf } from "@/lib/print-runs/render-print-run-pdf";
import { getPrintRunCaseSlugs } from "@/lib/print-runs/queries";
import { MARK_POSTED_FIELDS, type CreatePrintRunFormState, type MarkPostedField, type MarkPostedFormState } from "@/lib/print-runs/schemas";

/** The print pages (all cases, and the case's own) show every run. */
function refreshPrintPages(caseId: string | null) {
  revalidatePath("/admin/print");
  if (caseId) revalidatePath(`/admin/cases/${caseId}/print`);
  else revalidatePath("/admin/cases/[id]/print", "page");
}

/** Bound by the page: the case id, or "" for the run over every case. Checked again by the command. */
export const createPrintRunAction = defineAction<[caseId: string], Record<string, never>, CreatePrintRunFormState, CurrentUser>({
  name: "createPrintRunAction",
  read: readNothing,
  guard: requireCampaigner,
  refused: ({ message }) => formError({}, message),
  async work({ args: [caseId], user }) {
    const result = createPrintRun({ caseId: typeof caseId === "string" && caseId !== "" ? caseId : undefined, userId: user.id });
    if ("unknownCase" in result) return formError({}, "This case no longer exists. No print run was made.");
    refreshPrintPages(typeof caseId === "string" && caseId !== "" ? caseId : null);
    if ("nothingLeft" in result) return formError({}, "Nothing left to print: every letter waiting for post is already in a print run (someone may have just made one).");
    // rendered once now, so a letter that cannot be drawn is named on the page before anyone prints
    const rendered = await renderPrintRunPdf({ runId: result.run.id, userId: user.id });
    const n = result.run.letterCount;
    const failed = rendered?.failures.length ?? 0;
    const warning = failed === 0 ? "" : ` ${failed === 1 ? "1 letter" : `${failed} letters`} could not be rendered: see the reasons below.`;
    return { values: {}, done: `Made a print run of ${n === 1 ? "1 letter" : `${n.toLocaleString("en-GB")} letters`}. Download its PDF below.${warning}` };
  },
});

/** Bound by the page: the run id. Posted letters change the public counts, so the case pages are refreshed. */
export const markPrintRunPostedAction = defineAction<[runId: string], Partial<Record<MarkPostedField, string>>, MarkPostedFormState, CurrentUser>({
  name: "markPrintRunPostedAction",
  read: (formData) => formTexts(formData, MARK_POSTED_FIELDS),
  guard: requireCampaigner,
  refused: ({ values, message }) => formError(values, message),
  async work({ args: [runId], values, user }) {
    const result = markPrintRunPosted({ runId: typeof runId === "string" ? runId : "", postedOn: values.postedOn ?? "", userId: user.id });
    if (!result.ok) return result.field ? { values, fieldErrors: { [result.field]: [result.message] } } : formError(values, result.message);
    refreshPrintPages(null);
    for (const slug of getPrintRunCaseSlugs({ runId })) revalidatePublicPath(`/cases/${slug}`);
    const n = result.letterCount;
    return { values, done: `Marked ${n === 1 ? "1 letter" : `${n.toLocaleString("en-GB")} letters`} as posted on ${result.postedOn}.` };
  },
});
