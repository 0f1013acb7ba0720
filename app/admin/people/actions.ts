"use server";

import { revalidatePath } from "next/cache";
import type { EndSessionsFormState } from "@/components/admin/end-sessions-form";
import type { InviteFormState } from "@/components/admin/invite-form";
import { endSessionsForUser } from "@/lib/auth/commands/end-sessions";
import { inviteUser } from "@/lib/auth/commands/invite-user";
import { isAccessError, refusalMessage } from "@/lib/auth/errors";
import { requireAdmin } from "@/lib/auth/guards";
import { fieldErrors, InviteUserSchema } from "@/lib/auth/schemas";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/** Each action checks the session and role itself: the page's check does not protect a POST to the action. */
async function adminOrRefusal() {
  try {
    return { admin: await requireAdmin() };
  } catch (error) {
    if (isAccessError(error)) return { refusal: refusalMessage(error.code) };
    throw error;
  }
}

export async function inviteUserAction(_state: InviteFormState, formData: FormData): Promise<InviteFormState> {
  const values = { email: text(formData, "email"), role: text(formData, "role") };
  const { admin, refusal } = await adminOrRefusal();
  if (!admin) return { values, errors: { form: [refusal] } };
  const parsed = InviteUserSchema.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors<"email" | "role">(parsed.error) };
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
}

export async function endSessionsAction(_state: EndSessionsFormState, formData: FormData): Promise<EndSessionsFormState> {
  const { admin, refusal } = await adminOrRefusal();
  if (!admin) return { error: refusal };
  const result = endSessionsForUser({ userId: text(formData, "userId"), actorId: admin.id });
  if (!result) return { error: "There is no such person any more. Reload the page." };
  revalidatePath("/admin/people");
  return { done: result.ended === 0 ? "No sessions were open." : `Ended ${result.ended} session${result.ended === 1 ? "" : "s"}.` };
}
