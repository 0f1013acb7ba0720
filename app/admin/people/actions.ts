"use server";

import { revalidatePath } from "next/cache";
import { defineAction, formText } from "@/lib/actions/define-action";
import { endSessionsForUser } from "@/lib/auth/commands/end-sessions";
import { inviteUser } from "@/lib/auth/commands/invite-user";
import { requireAdmin, type CurrentUser } from "@/lib/auth/guards";
import { InviteUserSchema, type EndSessionsFormState, type InviteFormState } from "@/lib/auth/schemas";
import { fieldErrors, formError } from "@/lib/forms/form-state";

export const inviteUserAction = defineAction<[], { email: string; role: string }, InviteFormState, CurrentUser>({
  read: (formData) => ({ email: formText(formData, "email"), role: formText(formData, "role") }),
  guard: requireAdmin,
  refused: ({ values, message }) => formError(values, message),
  async work({ values, user: admin }) {
    const parsed = InviteUserSchema.safeParse(values);
    if (!parsed.success) return fieldErrors(values, parsed.error);
    const result = inviteUser({ ...parsed.data, actorId: admin.id });
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
