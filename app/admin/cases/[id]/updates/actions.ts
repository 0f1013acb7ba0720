"use server";

import { revalidatePath } from "next/cache";
import type { UpdateFormState } from "@/components/admin/update-form";
import { isAccessError, refusalMessage } from "@/lib/auth/errors";
import { requireCampaigner } from "@/lib/auth/guards";
import { postUpdate } from "@/lib/updates/post-update";
import { parseUpdateForm } from "@/lib/updates/schemas";

/** Parse → authorise → work. The action checks the session and role itself: the page's check does not protect
 * a POST to it. Only the form's own fields are read; the case id is bound by the page and looked up again. */
export async function postUpdateAction(caseId: string, _state: UpdateFormState, formData: FormData): Promise<UpdateFormState> {
  const parsed = parseUpdateForm((name) => formData.get(name));

  let actorId: string;
  try {
    actorId = (await requireCampaigner()).id;
  } catch (error) {
    if (!isAccessError(error)) throw error;
    return { values: parsed.ok ? {} : parsed.values, errors: { form: [refusalMessage(error.code)] } };
  }
  if (!parsed.ok) return { values: parsed.values, errors: parsed.errors };

  const result = typeof caseId === "string" ? postUpdate({ caseId, input: parsed.data, actorId }) : null;
  if (!result) return { values: { ...parsed.data, riskStatus: parsed.data.riskStatus ?? "" }, errors: { form: ["This case no longer exists. Nothing was posted."] } };

  revalidatePath(`/cases/${result.caseSlug}`);
  revalidatePath("/");
  revalidatePath(`/admin/cases/${caseId}/updates`);
  const told = result.notified === 0 ? "No supporter has asked for updates, so no email was sent." : `Emailing ${result.notified === 1 ? "1 supporter" : `${result.notified.toLocaleString("en-GB")} supporters`} who asked to hear back.`;
  return { values: { kind: "further_information", happenedOn: parsed.data.happenedOn }, done: `Posted “${parsed.data.title}”. ${told}` };
}
