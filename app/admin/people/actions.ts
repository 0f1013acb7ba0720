"use server";

import { revalidatePath } from "next/cache";
import { defineAction, formText } from "@/lib/actions/define-action";
import { disableUser, DisableUserError } from "@/lib/auth/commands/disable-user";
import { enableUser } from "@/lib/auth/commands/enable-user";
import { endSessionsForUser } from "@/lib/auth/commands/end-sessions";
import { InvalidInviteError, inviteUser } from "@/lib/auth/commands/invite-user";
import { requireAdmin, type CurrentUser } from "@/lib/auth/guards";
import {
  InviteUserSchema,
  type EndSessionsFormState,
  type InviteFormState,
  type UserAccessFormState,
} from "@/lib/auth/schemas";
import { fieldErrors, formError, withErrors } from "@/lib/forms/form-state";

export const inviteUserAction = defineAction<[], { email: string; role: string }, InviteFormState, CurrentUser>({
  name: "inviteUserAction",
  read: (formData) => ({ email: formText(formData, "email"), role: formText(formData, "role") }),
  guard: requireAdmin,
  refused: ({ values, message }) => formError(values, message),
  async work({ values, user: admin }) {
    const parsed = InviteUserSchema.safeParse(values);
    if (!parsed.success) return fieldErrors(values, parsed.error);
    let result;
    try {
      result = inviteUser({ ...parsed.data, actorId: admin.id });
    } catch (error) {
      // a disabled address: "enable it first", next to the field
      if (error instanceof InvalidInviteError) return withErrors(values, error.fieldErrors);
      throw error;
    }
    revalidatePath("/admin/people");
    const role = result.role === "admin" ? "an admin" : "a campaigner";
    const done =
      result.outcome === "created"
        ? `Invited ${result.email} as ${role}. They can sign in now at /admin/sign-in.`
        : result.outcome === "updated"
          ? `${result.email} is now ${role} and can sign in.`
          : `${result.email} was already ${role}. Nothing changed.`;
    return { values: { email: "", role: parsed.data.role }, done };
  },
});

export const endSessionsAction = defineAction<[], { userId: string }, EndSessionsFormState, CurrentUser>({
  name: "endSessionsAction",
  read: (formData) => ({ userId: formText(formData, "userId") }),
  guard: requireAdmin,
  refused: ({ message }) => formError({}, message),
  async work({ values, user: admin }) {
    const result = endSessionsForUser({ userId: values.userId, actorId: admin.id });
    if (!result) return formError({}, "There is no such person any more. Reload the page.");
    revalidatePath("/admin/people");
    return { values: {}, done: result.ended === 0 ? "No sessions were open." : `Ended ${result.ended} session${result.ended === 1 ? "" : "s"}.` };
  },
});

const NO_SUCH_PERSON = "There is no such person any more. Reload the page.";

/** Disable and Enable, one form per person so the answer stays in view as the button changes. Disabling takes
 * two presses: "ask" only answers with the question, "confirm" disables; each is a form post, so the question
 * appears without JavaScript too. */
export const userAccessAction = defineAction<[], { userId: string; step: string }, UserAccessFormState, CurrentUser>({
  name: "userAccessAction",
  read: (formData) => ({ userId: formText(formData, "userId"), step: formText(formData, "step") }),
  guard: requireAdmin,
  refused: ({ message }) => formError({}, message),
  async work({ values, user: admin }) {
    if (values.step === "enable") {
      const result = enableUser({ userId: values.userId, actorId: admin.id });
      if (!result) return formError({}, NO_SUCH_PERSON);
      revalidatePath("/admin/people");
      return { values: {}, done: result.outcome === "enabled" ? "Enabled: they can sign in again." : "They were not disabled. Nothing changed." };
    }
    if (values.step === "cancel") return { values: {} };
    if (values.step !== "confirm") return { values: {}, confirming: true };
    let result;
    try {
      result = disableUser({ userId: values.userId, actorId: admin.id });
    } catch (error) {
      if (error instanceof DisableUserError) return formError({}, error.message);
      throw error;
    }
    if (!result) return formError({}, NO_SUCH_PERSON);
    revalidatePath("/admin/people");
    const ended = result.sessionsEnded === 0 ? "" : ` ${result.sessionsEnded} session${result.sessionsEnded === 1 ? "" : "s"} ended.`;
    return { values: {}, done: `Disabled: they cannot sign in until an admin enables them.${ended}` };
  },
});
