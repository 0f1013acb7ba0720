// What a supporter may send when signing: the server's schema, built from the plain checks in ./sign-checks.ts
// (which the sign form runs in the browser, without zod).
import { z } from "zod";
import type { FormState } from "../forms/form-state";
import type { PreviewLetter } from "../letters/preview";
import { countryProblemKey, emailProblemKey, HONEYPOT_FIELD, INTENT_FIELD, messageProblemKey, nameProblemKey, SIGN_FIELDS, VERSION_FIELD, type FieldErrors, type SignAppealField } from "./sign-checks";

// the plain checks and constants, for the server's callers that import them from here
export * from "./sign-checks";

const text = (s: unknown) => (typeof s === "string" ? s.normalize("NFC") : s);
// An unticked checkbox is absent from the form data: `.optional()`, not a z.undefined() member, is what lets a
// zod 4 object accept the missing key (a union with z.undefined() still fails it as "expected nonoptional").
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1");

/** The server's decision. Each field's rule is the plain check in ./sign-checks.ts that the browser runs too. */
export const SignAppealSchema = z.object({
  fullName: z.preprocess(
    text,
    z
      .string({ error: "name.missing" })
      .transform((s) => s.trim())
      .superRefine((s, ctx) => {
        const problem = nameProblemKey(s);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
  ),
  email: z.preprocess(
    text,
    z
      .string({ error: "email.missing" })
      .transform((s) => s.trim())
      .superRefine((s, ctx) => {
        const problem = emailProblemKey(s);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
  ),
  country: z.string({ error: "country.missing" }).superRefine((c, ctx) => {
    const problem = countryProblemKey(c);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  message: z.preprocess(
    text,
    z
      .string()
      .optional()
      .transform((s) => (s ?? "").replace(/\r\n?/g, "\n").trim())
      .superRefine((s, ctx) => {
        const problem = messageProblemKey(s);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
  ),
  initialsOnly: checkbox,
  allowReply: checkbox,
  followUpdates: checkbox,
});

export type SignAppealInput = z.infer<typeof SignAppealSchema>;
const VERSION_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export type ParsedSignForm =
  | { ok: true; data: SignAppealInput; honeypot: boolean; seenVersion: string | null }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Parses the sign form's fields. Unknown and repeated fields are refused, never stored. `ignore` names fields
 * that the framework adds (server action ids) and that are not ours to judge. */
export function parseSignForm(
  entries: Iterable<[string, unknown]>,
  ignore: (name: string) => boolean = () => false,
): ParsedSignForm {
  const values: Record<string, string> = {};
  const errors: FieldErrors = {};
  const allowed = new Set<string>([...SIGN_FIELDS, HONEYPOT_FIELD, INTENT_FIELD, VERSION_FIELD]);
  const unexpected: string[] = [];
  for (const [name, value] of entries) {
    if (ignore(name)) continue;
    if (!allowed.has(name)) {
      unexpected.push(name);
      continue;
    }
    if (typeof value !== "string") {
      unexpected.push(name);
      continue;
    }
    if (Object.hasOwn(values, name)) {
      unexpected.push(name);
      continue;
    }
    values[name] = value;
  }
  if (unexpected.length > 0) {
    errors.form = ["form.unexpectedFields"];
  }
  const honeypot = (values[HONEYPOT_FIELD] ?? "") !== "";
  const result = SignAppealSchema.safeParse(values);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = (issue.path[0] as SignAppealField | undefined) ?? "form";
      (errors[key] ??= []).push(issue.message);
    }
  }
  if (!result.success || errors.form) {
    const safeValues = Object.fromEntries(
      Object.entries(values).filter(([k]) => k !== HONEYPOT_FIELD && k !== INTENT_FIELD && k !== VERSION_FIELD),
    );
    return { ok: false, errors, values: safeValues };
  }
  const seen = values[VERSION_FIELD] ?? "";
  return { ok: true, data: result.data, honeypot, seenVersion: VERSION_PATTERN.test(seen) ? seen : null };
}

/** The sign form's answer; `preview` holds the letters as the server rendered them, for "Preview my letter"
 * without JavaScript. */
export type SignFormState = FormState<SignAppealField, { preview?: PreviewLetter[] }>;
