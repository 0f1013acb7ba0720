"use server";

import { revalidatePath } from "next/cache";
import { revalidatePublicPath } from "@/lib/i18n/revalidate-public";
import { defineAction, formTexts } from "@/lib/actions/define-action";
import { requireCampaigner, type CurrentUser } from "@/lib/auth/guards";
import { formError, withErrors } from "@/lib/forms/form-state";
import { PROPOSED_MESSAGE } from "@/lib/revisions/describe";
import { newFormKey, postUpdate } from "@/lib/updates/post-update";
import { parseUpdateForm, UPDATE_FIELDS, type UpdateField, type UpdateFormState } from "@/lib/updates/schemas";

/** Only the form's own fields are read; the case id is bound by the page and looked up again. */
export const postUpdateAction = defineAction<[caseId: string], UpdateFormState["values"], UpdateFormState, CurrentUser>({
  name: "postUpdateAction",
  read: (formData) => formTexts(formData, [...UPDATE_FIELDS, "formKey"]),
  guard: requireCampaigner,
  refused: ({ values, message }) => formError(values, message),
  async work({ args: [caseId], values, formData, user }) {
    const formKey = values.formKey ?? "";
    const parsed = parseUpdateForm((name) => formData.get(name));
    // a refused form keeps its key: fixed and sent again, it is still the same one post
    if (!parsed.ok) return withErrors<UpdateField | "formKey">({ ...parsed.values, formKey }, parsed.errors);

    const result = typeof caseId === "string" ? postUpdate({ caseId, input: parsed.data, actorId: user.id, formKey }) : null;
    if (!result) return formError(values, "This case no longer exists. Nothing was posted.");
    // a fresh key for the next update from the same form; a second submit of this one found the first above
    const next = { kind: "further_information", happenedOn: parsed.data.happenedOn, formKey: newFormKey() } as const;
    if (result.revisionId) {
      revalidatePath(`/admin/cases/${caseId}`, "layout");
      return { values: next, done: `“${parsed.data.title}”: ${PROPOSED_MESSAGE} No supporter is emailed before.` };
    }

    revalidatePublicPath(`/cases/${result.caseSlug}`);
    revalidatePublicPath("/");
    revalidatePath(`/admin/cases/${caseId}/updates`);
    const told = result.notified === 0 ? "No supporter has asked for updates, so no email was sent." : `Emailing ${result.notified === 1 ? "1 supporter" : `${result.notified.toLocaleString("en-GB")} supporters`} who asked to hear back.`;
    return { values: next, done: `Posted “${parsed.data.title}”. ${told}` };
  },
});
