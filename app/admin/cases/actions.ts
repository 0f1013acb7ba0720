"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { CaseEditorState } from "@/components/admin/case-editor-form";
import type { WorkflowFormState } from "@/components/admin/case-workflow-forms";
import { requireAdmin, requireCampaigner } from "@/lib/auth/guards";
import { getCaseForEditor } from "@/lib/cases/admin-queries";
import { parseUtcDateTime, readCaseFields, type CaseFormValues } from "@/lib/cases/case-schemas";
import { closeCase } from "@/lib/cases/close-case";
import { createCase } from "@/lib/cases/create-case";
import { saveCasePhoto } from "@/lib/cases/photos";
import { cancelScheduledPublish, publishCase } from "@/lib/cases/publish-case";
import { submitCaseForReview } from "@/lib/cases/submit-case-for-review";
import { updateCase } from "@/lib/cases/update-case";
import { editorValues } from "./_lib/editor-values";
import { formText, staffAction } from "./_lib/staff-action";

/** The uploaded file, if one was chosen, stored and re-encoded; its path then rides in the form's hidden field,
 * so a later validation error does not make the campaigner choose it again. */
async function takePhoto(formData: FormData, values: CaseFormValues): Promise<{ values: CaseFormValues; photoError?: string }> {
  const file = formData.get("photo");
  if (!(file instanceof Blob) || file.size === 0) return { values };
  const saved = await saveCasePhoto({ file });
  if (!saved.ok) return { values, photoError: saved.error };
  return { values: { ...values, photoPath: saved.photoPath, removePhoto: "" } };
}

const readEditor = (formData: FormData) => ({ id: formText(formData, "id"), intent: formText(formData, "intent"), fields: readCaseFields(formData) as CaseFormValues });
const refusedEditor = (v: ReturnType<typeof readEditor>, message: string): CaseEditorState => ({ values: v.fields, errors: { form: [message] } });

/** "Preview story" without JavaScript: the page again, with every value and the rendered story. Saves nothing. */
async function previewOnly(formData: FormData, values: CaseFormValues): Promise<CaseEditorState> {
  const photo = await takePhoto(formData, values);
  return { values: photo.values, preview: true, ...(photo.photoError ? { errors: { photo: [photo.photoError] } } : {}) };
}

export const createCaseAction = staffAction<CaseEditorState, ReturnType<typeof readEditor>>({
  read: readEditor,
  guard: requireCampaigner,
  refused: refusedEditor,
  async work({ user, values, formData }) {
    if (values.intent === "preview") return previewOnly(formData, values.fields);
    const photo = await takePhoto(formData, values.fields);
    const result = createCase({ input: photo.values, user, photoError: photo.photoError });
    if (!result.ok) return { values: photo.values, errors: result.errors };
    revalidatePath("/admin/cases");
    redirect(`/admin/cases/${result.id}?created=1`);
  },
});

export const updateCaseAction = staffAction<CaseEditorState, ReturnType<typeof readEditor>>({
  read: readEditor,
  guard: requireCampaigner,
  refused: refusedEditor,
  async work({ user, values, formData }) {
    if (values.intent === "preview") return previewOnly(formData, values.fields);
    const photo = await takePhoto(formData, values.fields);
    const result = updateCase({ id: values.id, input: photo.values, user, photoError: photo.photoError });
    if (!result.ok) return { values: photo.values, errors: result.errors };
    revalidatePath(`/admin/cases/${result.id}`, "layout");
    revalidatePath("/admin/cases");
    if (result.state === "published" || result.state === "closed") {
      revalidatePath("/");
      revalidatePath(`/cases/${result.slug}`);
    }
    const saved = getCaseForEditor({ id: result.id, user });
    return {
      values: saved ? editorValues(saved) : photo.values,
      done: result.changed.length === 0 ? "Nothing had changed." : result.state === "published" ? "Saved. The public page shows the change within seconds." : "Saved.",
    };
  },
});

const readId = (formData: FormData) => ({ id: formText(formData, "id") });
const refusedWorkflow = (_v: unknown, message: string): WorkflowFormState => ({ error: message });

export const submitForReviewAction = staffAction<WorkflowFormState, { id: string }>({
  read: readId,
  guard: requireCampaigner,
  refused: refusedWorkflow,
  async work({ user, values }) {
    const result = submitCaseForReview({ id: values.id, user });
    if (!result.ok) return { error: result.message };
    revalidatePath(`/admin/cases/${values.id}`, "layout");
    revalidatePath("/admin/cases");
    return { done: "Sent for review. An admin can now publish it." };
  },
});

const readPublish = (formData: FormData) => ({ id: formText(formData, "id"), intent: formText(formData, "intent"), publishAt: formText(formData, "publishAt") });

export const publishCaseAction = staffAction<WorkflowFormState, ReturnType<typeof readPublish>>({
  read: readPublish,
  guard: requireAdmin,
  refused: (v, message) => ({ error: message, values: { publishAt: v.publishAt } }),
  async work({ user, values }) {
    const now = new Date();
    let publishAt: Date | null = null;
    if (values.intent === "schedule") {
      publishAt = parseUtcDateTime(values.publishAt);
      if (!publishAt) return { errors: { publishAt: ["Enter a date and time, e.g. 2026-03-14 09:30."] }, values: { publishAt: values.publishAt } };
      if (publishAt.getTime() <= now.getTime()) return { errors: { publishAt: ["Choose a time in the future, or publish now."] }, values: { publishAt: values.publishAt } };
    }
    const result = publishCase({ id: values.id, user, publishAt, now });
    if (!result.ok) return { error: result.message, errors: result.errors, values: { publishAt: values.publishAt } };
    revalidatePath(`/admin/cases/${values.id}`, "layout");
    revalidatePath("/admin/cases");
    if (result.scheduled) return { done: `Scheduled for ${publishAt!.toISOString().slice(0, 16).replace("T", " ")} UTC.` };
    revalidatePath("/");
    revalidatePath(`/cases/${result.slug}`);
    return { done: `Published. It is live at /cases/${result.slug}.` };
  },
});

export const cancelScheduleAction = staffAction<WorkflowFormState, { id: string }>({
  read: readId,
  guard: requireAdmin,
  refused: refusedWorkflow,
  async work({ user, values }) {
    const result = cancelScheduledPublish({ id: values.id, user });
    if (!result.ok) return { error: result.message };
    revalidatePath(`/admin/cases/${values.id}`, "layout");
    return { done: "The scheduled time is cancelled. The case stays unpublished." };
  },
});

const readClose = (formData: FormData) => ({ id: formText(formData, "id"), outcome: formText(formData, "outcome"), outcomeStatus: formText(formData, "outcomeStatus") });

export const closeCaseAction = staffAction<WorkflowFormState, ReturnType<typeof readClose>>({
  read: readClose,
  guard: requireAdmin,
  refused: (v, message) => ({ error: message, values: { outcome: v.outcome, outcomeStatus: v.outcomeStatus } }),
  async work({ user, values }) {
    const result = closeCase({ id: values.id, user, input: values });
    if (!result.ok) return { error: result.message, errors: result.errors, values: { outcome: values.outcome, outcomeStatus: values.outcomeStatus } };
    revalidatePath(`/admin/cases/${values.id}`, "layout");
    revalidatePath("/admin/cases");
    revalidatePath("/");
    revalidatePath(`/cases/${result.slug}`);
    return { done: "Closed. The case page now shows the outcome and takes no more appeals." };
  },
});
