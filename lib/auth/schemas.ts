// What staff may type into the sign-in and people forms. Shared by the server (which decides) and the forms.
import { z } from "zod";
import { USER_ROLES } from "@/db/schema";
import { checkEmail } from "../signatures/schemas";
import type { FormState } from "../forms/form-state";

/** The form Auth.js keeps an address in (its default normaliser: NFKC, trimmed, lower case), so the users
 * table, ADMIN_EMAILS and the sign-in form always compare equal. */
export function normalizeStaffEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}

const staffEmail = z
  .string({ error: "Enter an email address." })
  .transform((s) => s.trim())
  .superRefine((s, ctx) => {
    const problem = s.length === 0 ? "Enter your email address." : checkEmail(s);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform(normalizeStaffEmail);

export const SignInSchema = z.object({ email: staffEmail });

export const InviteUserSchema = z.object({
  email: staffEmail,
  role: z.enum(USER_ROLES, { error: "Choose a role: campaigner or admin." }),
});
export type InviteUserInput = z.infer<typeof InviteUserSchema>;

export type SignInFormState = FormState<"email">;

export type InviteFormState = FormState<"email" | "role">;

/** "End sessions" has no fields: only what was done, or why not. */
export type EndSessionsFormState = FormState<never>;

/** Disable and Enable. Disabling asks first: `confirming` shows the second step (a real round trip, so it works
 * without JavaScript). */
export type UserAccessFormState = FormState<never, { confirming?: boolean }>;
