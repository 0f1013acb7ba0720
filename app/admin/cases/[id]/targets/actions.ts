"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { TargetFormState } from "@/components/admin/target-form";
import { isAccessError, refusalMessage } from "@/lib/auth/errors";
import { requireCampaigner } from "@/lib/auth/guards";
import { createTarget } from "@/lib/targets/create-target";
import { deleteTarget } from "@/lib/targets/delete-target";
import { getCaseForEditing } from "@/lib/targets/queries";
import { reorderTargets } from "@/lib/targets/reorder-targets";
import { languageChoices, parseTargetForm, TARGET_FIELDS, type TargetFormValues } from "@/lib/targets/schemas";
import { updateTarget } from "@/lib/targets/update-target";

const ID = /^[A-Za-z0-9-]{1,64}$/;
const pagePath = (caseId: string) => `/admin/cases/${caseId}/targets`;

function typed(formData: FormData): TargetFormValues {
  const values: TargetFormValues = {};
  for (const name of TARGET_FIELDS) {
    const value = formData.get(name);
    if (typeof value === "string") values[name] = value;
  }
  return values;
}

/** Refreshes what shows the targets: this editor and the public page (which caches). */
function refresh(caseId: string) {
  revalidatePath(pagePath(caseId));
  revalidatePath(`/admin/cases/${caseId}/letter`);
  revalidatePath("/cases/[slug]", "page");
}

/**
 * Adds a target (targetId null) or saves one. Bound by the page to the case id from the URL, which is looked up
 * again here; only the form's own fields are read, so a caseId, ownerId or position in the body is never applied.
 * Checks the session and role itself: the page's check does not protect a POST to the action.
 */
export async function saveTargetAction(caseId: string, targetId: string | null, _state: TargetFormState, formData: FormData): Promise<TargetFormState> {
  const values = typed(formData);
  let user;
  try {
    user = await requireCampaigner();
  } catch (error) {
    if (!isAccessError(error)) throw error;
    return { values, errors: { form: [refusalMessage(error.code)] } };
  }
  const theCase = typeof caseId === "string" && ID.test(caseId) ? getCaseForEditing({ caseId, user }) : null;
  if (!theCase) return { values, errors: { form: ["This case no longer exists. Nothing was saved."] } };
  const parsed = parseTargetForm((name) => formData.get(name), languageChoices(theCase.languages));
  if (!parsed.ok) return { values, errors: parsed.errors };

  let savedId: string;
  if (targetId === null) {
    const created = createTarget({ caseId: theCase.id, input: parsed.data, actorId: user.id });
    if (!created) return { values, errors: { form: ["This case no longer exists. Nothing was saved."] } };
    savedId = created.targetId;
  } else {
    const ok = typeof targetId === "string" && updateTarget({ caseId: theCase.id, targetId, input: parsed.data, actorId: user.id });
    if (!ok) return { values, errors: { form: ["This target has been removed in the meantime. Nothing was saved."] } };
    savedId = targetId;
  }
  refresh(theCase.id);
  redirect(`${pagePath(theCase.id)}?done=${targetId === null ? "added" : "saved"}#target-${savedId}`);
}

/** For the small forms (move, remove): the guard's refusal becomes the sign-in page or a 404, as for a page. */
async function staffFor(caseId: string) {
  try {
    const user = await requireCampaigner();
    const theCase = ID.test(caseId) ? getCaseForEditing({ caseId, user }) : null;
    return theCase ? { user, theCase } : null;
  } catch (error) {
    if (!isAccessError(error)) throw error;
    if (error.code === "unauthenticated") redirect("/admin/sign-in");
    return null;
  }
}

export async function moveTargetAction(caseId: string, targetId: string, direction: "up" | "down"): Promise<void> {
  const staff = await staffFor(String(caseId));
  if (!staff) redirect("/admin");
  if (direction !== "up" && direction !== "down") redirect(pagePath(staff.theCase.id));
  const ok = reorderTargets({ caseId: staff.theCase.id, targetId: String(targetId), direction, actorId: staff.user.id });
  refresh(staff.theCase.id);
  redirect(ok ? `${pagePath(staff.theCase.id)}?done=moved#target-${targetId}` : `${pagePath(staff.theCase.id)}?error=gone`);
}

export async function removeTargetAction(caseId: string, targetId: string): Promise<void> {
  const staff = await staffFor(String(caseId));
  if (!staff) redirect("/admin");
  const { result } = deleteTarget({ caseId: staff.theCase.id, targetId: String(targetId), actorId: staff.user.id });
  refresh(staff.theCase.id);
  const base = pagePath(staff.theCase.id);
  if (result === "has_appeals") redirect(`${base}?error=has-appeals#target-${targetId}`);
  redirect(result === "deleted" ? `${base}?done=removed` : `${base}?error=gone`);
}
