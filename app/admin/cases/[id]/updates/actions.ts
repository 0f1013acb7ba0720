"use server";

import { revalidatePath } from "next/cache";
import { defineAction, formTexts } from "@/lib/actions/define-action";
import { requireCampaigner, type CurrentUser } from "@/lib/auth/guards";
import { formError, withErrors } from "@/lib/forms/form-state";
import { postUpdate } from "@/lib/updates/post-update";
import { parseUpdateForm, UPDATE_FIELDS, type UpdateField, type UpdateFormState } from "@/lib/updates/schemas";

/** Only the form's own fields are read; the case id is bound by the page and looked up again. */
export const postUpdateAction = defineAction<[caseId: string], Partial<Record<UpdateField, string>>, UpdateFormState, CurrentUser>({
  read: (formData) => formTexts(formData, UPDATE_FIELDS),
  guard: requireCampaigner,
  refused: ({ values, message }) => formError(values, message),
  async work({ args: [caseId], values, formData, user }) {
    const parsed = parseUpdateForm((name) => formData.get(name));
    if (!parsed.ok) return withErrors(parsed.values, parsed.errors);

    const result = typeof caseId === "string" ? postUpdate({ caseId, input: parsed.data, actorId: user.id }) : null;
    if (!result) return formError(values, "This case no longer exists. Nothing was posted.");

    revalidatePath(`/cases/${result.caseSlug}`);
    revalidatePath("/");
    revalidatePath(`/admin/cases/${caseId}/updates`);
    const told = result.notified === 0 ? "No supporter has asked for updates, so no email was sent." : `Emailing ${result.notified === 1 ? "1 supporter" : `${result.notified.toLocaleString("en-GB")} supporters`} who asked to hear back.`;
    return { values: { kind: "further_information", happenedOn: parsed.data.happenedOn }, done: `Posted “${parsed.data.title}”. ${told}` };
  },
});
