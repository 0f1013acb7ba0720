"use server";

import { revalidatePath } from "next/cache";
import { revalidatePublicPath } from "@/lib/i18n/revalidate-public";
import { redirect } from "next/navigation";
import { defineAction, formText } from "@/lib/actions/define-action";
import { requireAdmin, requireCampaigner, type CurrentUser } from "@/lib/auth/guards";
import { getCaseForEditor } from "@/lib/cases/admin-queries";
import { parseUtcDateTime, readCaseFields, type CaseEditorState, type CaseFormValues, type WorkflowFormState } from "@/lib/cases/case-schemas";
import { closeCase } from "@/lib/cases/close-case";
import { createCase } from "@/lib/cases/create-case";
import { cancelScheduledPublish, publishCase } from "@/lib/cases/publish-case";
import { submitCaseForReview } from "@/lib/cases/submit-case-for-review";
import { updateCase } from "@/lib/cases/update-case";
import { formError, withErrors } from "@/lib/forms/form-state";
import { PROPOSED_MESSAGE } from "@/lib/revisions/describe";
import { editorValues } from "./_lib/editor-values";

const readEditor = (formData: FormData) => ({ id: formText(formData, "id"), intent: formText(formData, "intent"), fields: readCaseFields(formData) as CaseFormValues });
const refusedEditor = ({ values, message }: { values: ReturnType<typeof readEditor>; message: string }): CaseEditorState => formError(values.fields, message);

/** "Preview story" without JavaScript: the page again, with every value and the rendered story. Saves nothing.
 * (Photos arrive through their own route, app/admin/photos: this form carries only the stored photo's path.) */
const previewOnly = (values: CaseFormValues): CaseEditorState => ({ values, preview: true });

export const createCaseAction = defineAction<[], ReturnType<typeof readEditor>, CaseEditorState, CurrentUser>({
  name: "createCaseAction",
  read: readEditor,
  guard: requireCampaigner,
  refused: refusedEditor,
  // the story typed so far comes back with the words of the failure, as with a refusal
  failed: refusedEditor,
  async work({ user, values }) {
    if (values.intent === "preview") return previewOnly(values.fields);
    const result = createCase({ input: values.fields, user });
    if (!result.ok) return withErrors(values.fields, result.errors);
    revalidatePath("/admin/cases");
    redirect(`/admin/cases/${result.id}?created=1`);
  },
});

export const updateCaseAction = defineAction<[], ReturnType<typeof readEditor>, CaseEditorState, CurrentUser>({
  name: "updateCaseAction",
  read: readEditor,
  guard: requireCampaigner,
  refused: refusedEditor,
  // the story typed so far comes back with the words of the failure, as with a refusal
  failed: refusedEditor,
  async work({ user, values }) {
    if (values.intent === "preview") return previewOnly(values.fields);
    const result = updateCase({ id: values.id, input: values.fields, user });
    if (!result.ok) return withErrors(values.fields, result.errors);
    revalidatePath(`/admin/cases/${result.id}`, "layout");
    revalidatePath("/admin/cases");
    if (result.state === "published" || result.state === "closed") {
      revalidatePublicPath("/");
      revalidatePublicPath(`/cases/${result.slug}`);
    }
    const saved = getCaseForEditor({ id: result.id, user });
    return {
      values: saved ? editorValues(saved) : values.fields,
      done:
        result.changed.length === 0
          ? "Nothing had changed."
          : result.revisionId
            ? PROPOSED_MESSAGE
            : result.state === "published"
              ? "Saved. The public page shows the change within seconds."
              : "Saved.",
    };
  },
});

const readId = (formData: FormData) => ({ id: formText(formData, "id") });
const refusedWorkflow = ({ message }: { message: string }): WorkflowFormState => formError({}, message);

export const submitForReviewAction = defineAction<[], { id: string }, WorkflowFormState, CurrentUser>({
  name: "submitForReviewAction",
  read: readId,
  guard: requireCampaigner,
  refused: refusedWorkflow,
  async work({ user, values }) {
    const result = submitCaseForReview({ id: values.id, user });
    if (!result.ok) return formError({}, result.message);
    revalidatePath(`/admin/cases/${values.id}`, "layout");
    revalidatePath("/admin/cases");
    return { values: {}, done: "Sent for review. An admin can now publish it." };
  },
});

const readPublish = (formData: FormData) => ({
  id: formText(formData, "id"),
  intent: formText(formData, "intent"),
  publishAt: formText(formData, "publishAt"),
  // the caseContentVersion the review page showed: what the admin read is what goes public
  reviewedVersion: formText(formData, "reviewedVersion"),
});

export const publishCaseAction = defineAction<[], ReturnType<typeof readPublish>, WorkflowFormState, CurrentUser>({
  name: "publishCaseAction",
  read: readPublish,
  guard: requireAdmin,
  refused: ({ values, message }) => formError({ publishAt: values.publishAt }, message),
  async work({ user, values }) {
    const now = new Date();
    let publishAt: Date | null = null;
    if (values.intent === "schedule") {
      publishAt = parseUtcDateTime(values.publishAt);
      if (!publishAt) return { values: { publishAt: values.publishAt }, fieldErrors: { publishAt: ["Enter a date and time, e.g. 2026-03-14 09:30."] } };
      if (publishAt.getTime() <= now.getTime()) return { values: { publishAt: values.publishAt }, fieldErrors: { publishAt: ["Choose a time in the future, or publish now."] } };
    }
    const result = publishCase({ id: values.id, user, reviewedVersion: values.reviewedVersion, publishAt, now });
    if (!result.ok) {
      // the page shows the case as it is now (and its new version in this form), to be read again
      if (result.code === "changed") revalidatePath(`/admin/cases/${values.id}`, "layout");
      return { ...withErrors({ publishAt: values.publishAt }, result.errors ?? {}), formError: result.message };
    }
    revalidatePath(`/admin/cases/${values.id}`, "layout");
    revalidatePath("/admin/cases");
    if (result.scheduled) return { values: {}, done: `Scheduled for ${publishAt!.toISOString().slice(0, 16).replace("T", " ")} UTC.` };
    revalidatePublicPath("/");
    revalidatePublicPath(`/cases/${result.slug}`);
    return { values: {}, done: `Published. It is live at /cases/${result.slug}.` };
  },
});

export const cancelScheduleAction = defineAction<[], { id: string }, WorkflowFormState, CurrentUser>({
  name: "cancelScheduleAction",
  read: readId,
  guard: requireAdmin,
  refused: refusedWorkflow,
  async work({ user, values }) {
    const result = cancelScheduledPublish({ id: values.id, user });
    if (!result.ok) return formError({}, result.message);
    revalidatePath(`/admin/cases/${values.id}`, "layout");
    return { values: {}, done: "The scheduled time is cancelled. The case stays unpublished." };
  },
});

const readClose = (formData: FormData) => ({ id: formText(formData, "id"), outcome: formText(formData, "outcome"), outcomeStatus: formText(formData, "outcomeStatus") });

export const closeCaseAction = defineAction<[], ReturnType<typeof readClose>, WorkflowFormState, CurrentUser>({
  name: "closeCaseAction",
  read: readClose,
  guard: requireAdmin,
  refused: ({ values, message }) => formError({ outcome: values.outcome, outcomeStatus: values.outcomeStatus }, message),
  async work({ user, values }) {
    const result = closeCase({ id: values.id, user, input: values });
    if (!result.ok) return { ...withErrors({ outcome: values.outcome, outcomeStatus: values.outcomeStatus }, result.errors ?? {}), formError: result.message };
    revalidatePath(`/admin/cases/${values.id}`, "layout");
    revalidatePath("/admin/cases");
    revalidatePublicPath("/");
    revalidatePublicPath(`/cases/${result.slug}`);
    return { values: {}, done: "Closed. The case page now shows the outcome and takes no more appeals." };
  },
});
