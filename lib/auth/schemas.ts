// What staff may type into the sign-in and people forms. Shared by the server (which decides) and the forms.
import { z } from "zod";
import { USER_ROLES } from "@/db/schema";
import { checkEmail } from "../signatures/schemas";

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

export type FormErrors<K extends string> = Partial<Record<K | "form", string[]>>;

/** All field errors of a failed parse, keyed by field, so each can be shown next to its field. */
export function fieldErrors<K extends string>(error: z.ZodError): FormErrors<K> {
  const errors: FormErrors<K> = {};
  for (const issue of error.issues) {
    const key = ((issue.path[0] as K | undefined) ?? "form") as K | "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
