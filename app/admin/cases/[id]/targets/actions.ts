"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction, formTexts, readNothing } from "@/lib/actions/define-action";
import { requireCampaigner, type CurrentUser } from "@/lib/auth/guards";
import { countryName } from "@/lib/countries";
import { fieldErrors, formError, withErrors } from "@/lib/forms/form-state";
import { addRoutedCopy } from "@/lib/targets/add-routed-copy";
import { createTarget } from "@/lib/targets/create-target";
import { deleteTarget } from "@/lib/targets/delete-target";
import { getCaseForEditing } from "@/lib/targets/queries";
import { reorderTargets } from "@/lib/targets/reorder-targets";
import {
  languageChoices,
  parseTargetForm,
  ROUTED_COPY_FIELDS,
  RoutedCopySchema,
  TARGET_FIELDS,
  TOO_MANY_TARGETS,
  type RoutedCopyFormState,
  type TargetFormState,
  type TargetFormValues,
} from "@/lib/targets/schemas";
import { updateTarget } from "@/lib/targets/update-target";

const ID = /^[A-Za-z0-9-]{1,64}$/;
const pagePath = (caseId: string) => `/admin/cases/${caseId}/targets`;
const GONE = "This case no longer exists. Nothing was saved.";

/** Refreshes what shows the targets: this editor and the public page (which caches). */
function refresh(caseId: string) {
  revalidatePath(pagePath(caseId));
  revalidatePath(`/admin/cases/${caseId}/letter`);
  revalidatePath("/[locale]/cases/[slug]", "page");
}

/**
 * Adds a target (targetId null) or saves one. Bound by the page to the case id from the URL, which is looked up
 * again here; only the form's own fields are read, so a caseId, ownerId or position in the body is never applied.
 */
export const saveTargetAction = defineAction<[caseId: string, targetId: string | null], TargetFormValues, TargetFormState, CurrentUser>({
  name: "saveTargetAction",
  read: (formData) => formTexts(formData, TARGET_FIELDS),
  guard: requireCampaigner,
  refused: ({ values, message }) => formError(values, message),
  async work({ args: [caseId, targetId], values, formData, user }) {
    const theCase = typeof caseId === "string" && ID.test(caseId) ? getCaseForEditing({ caseId, user }) : null;
    if (!theCase) return formError(values, GONE);
    const parsed = parseTargetForm((name) => formData.get(name), languageChoices(theCase.languages));
    if (!parsed.ok) return withErrors(values, parsed.errors);

    if (targetId === null) {
      const created = createTarget({ caseId: theCase.id, input: parsed.data, actorId: user.id });
      if (!created) return formError(values, GONE);
      if (created.result === "too_many") return formError(values, TOO_MANY_TARGETS);
      refresh(theCase.id);
      redirect(created.result === "proposed" ? `${pagePath(theCase.id)}?done=proposed#pending-changes` : `${pagePath(theCase.id)}?done=added#target-${created.targetId}`);
    }
    const saved = typeof targetId === "string" && updateTarget({ caseId: theCase.id, targetId, input: parsed.data, actorId: user.id });
    if (!saved) return formError(values, "This target has been removed in the meantime. Nothing was saved.");
    refresh(theCase.id);
    redirect(saved === "proposed" ? `${pagePath(theCase.id)}?done=proposed#pending-changes` : `${pagePath(theCase.id)}?done=saved#target-${targetId}`);
  },
});

/** Adds "the embassy of <state> in your country" (a routed copy), once per state. Bound to the case id from the
 * URL, looked up again here; only the state is read from the form. */
export const addRoutedCopyAction = defineAction<[caseId: string], RoutedCopyFormState["values"], RoutedCopyFormState, CurrentUser>({
  name: "addRoutedCopyAction",
  read: (formData) => formTexts(formData, ROUTED_COPY_FIELDS),
  guard: requireCampaigner,
  refused: ({ values, message }) => formError(values, message),
  async work({ args: [caseId], values, user }) {
    const theCase = typeof caseId === "string" && ID.test(caseId) ? getCaseForEditing({ caseId, user }) : null;
    if (!theCase) return formError(values, GONE);
    const parsed = RoutedCopySchema.safeParse(values);
    if (!parsed.success) return fieldErrors(values, parsed.error);
    const added = addRoutedCopy({ caseId: theCase.id, missionOf: parsed.data.missionOf, actorId: user.id });
    if (added.result === "gone") return formError(values, GONE);
    if (added.result === "exists")
      return formError(values, `This case already sends a copy to the embassy of ${countryName(parsed.data.missionOf)} in each supporter’s country.`);
    if (added.result === "too_many") return formError(values, TOO_MANY_TARGETS);
    refresh(theCase.id);
    redirect(added.result === "proposed" ? `${pagePath(theCase.id)}?done=proposed#pending-changes` : `${pagePath(theCase.id)}?done=routed#target-${added.targetId}`);
  },
});

/** For the small forms (move, remove): a refusal becomes the sign-in page, or the workspace, as for a page. */
const refusedToPage = ({ code }: { code: "unauthenticated" | "forbidden" }): never => redirect(code === "unauthenticated" ? "/admin/sign-in" : "/admin");

/** The bound case, looked up again for this user; the workspace when it is not theirs or gone. */
function caseFor(caseId: unknown, user: CurrentUser) {
  const theCase = typeof caseId === "string" && ID.test(caseId) ? getCaseForEditing({ caseId, user }) : null;
  if (!theCase) redirect("/admin");
  return theCase;
}

export const moveTargetAction = defineAction<[caseId: string, targetId: string, direction: "up" | "down"], Record<string, never>, CurrentUser>({
  name: "moveTargetAction",
  form: "plain",
  read: readNothing,
  guard: requireCampaigner,
  refused: refusedToPage,
  async work({ args: [caseId, targetId, direction], user }) {
    const theCase = caseFor(caseId, user);
    if (direction !== "up" && direction !== "down") redirect(pagePath(theCase.id));
    const moved = reorderTargets({ caseId: theCase.id, targetId: String(targetId), direction, actorId: user.id });
    refresh(theCase.id);
    if (moved === "proposed") redirect(`${pagePath(theCase.id)}?done=proposed#pending-changes`);
    redirect(moved ? `${pagePath(theCase.id)}?done=moved#target-${targetId}` : `${pagePath(theCase.id)}?error=gone`);
  },
});

export const removeTargetAction = defineAction<[caseId: string, targetId: string], Record<string, never>, CurrentUser>({
  name: "removeTargetAction",
  form: "plain",
  read: readNothing,
  guard: requireCampaigner,
  refused: refusedToPage,
  async work({ args: [caseId, targetId], user }) {
    const theCase = caseFor(caseId, user);
    const { result } = deleteTarget({ caseId: theCase.id, targetId: String(targetId), actorId: user.id });
    refresh(theCase.id);
    const base = pagePath(theCase.id);
    if (result === "has_appeals") redirect(`${base}?error=has-appeals#target-${targetId}`);
    if (result === "proposed") redirect(`${base}?done=proposed#pending-changes`);
    redirect(result === "deleted" ? `${base}?done=removed` : `${base}?error=gone`);
  },
});
