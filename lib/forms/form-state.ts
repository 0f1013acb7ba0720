// The one contract between a server action and its form, on the server and in the browser (no "server-only").
import type { z } from "zod";

/** What every form's action answers with: what was typed (to fill the form again after a round trip without
 * JavaScript), each field's errors, a problem with the whole submission, and what was done, all in words safe to
 * show. `Extra` is a form's own payload (a server-rendered preview), never another way to say the same. */
export type FormState<Field extends string, Extra extends object = object> = {
  values: Partial<Record<Field, string>>;
  fieldErrors?: Partial<Record<Field, string[]>>;
  formError?: string;
  done?: string;
} & Extra;

/** Errors as the lib parsers return them: by field, with "form" for the whole submission. */
export type ParsedErrors<Field extends string> = Partial<Record<Field | "form", string[]>>;

/** The form back with one problem about the whole submission, and everything typed kept. */
export function formError<Field extends string>(values: Partial<Record<Field, string>>, message: string): FormState<Field> {
  return { values, formError: message };
}

/** The form back with a parser's errors: every field's, not just the first, and its "form" error as the form's. */
export function withErrors<Field extends string>(values: Partial<Record<Field, string>>, errors: ParsedErrors<Field>): FormState<Field> {
  const { form, ...fields } = errors;
  const state: FormState<Field> = { values };
  if (Object.values(fields).some((m) => Array.isArray(m) && m.length > 0)) state.fieldErrors = fields as Partial<Record<Field, string[]>>;
  if (form?.[0]) state.formError = form[0];
  return state;
}

/** Every issue of a failed zod parse, keyed by its field ("form" when the issue has no path). */
export function zodErrors<Field extends string>(error: z.ZodError): ParsedErrors<Field> {
  const errors: ParsedErrors<Field> = {};
  for (const issue of error.issues) {
    const key = ((issue.path[0] as Field | undefined) ?? "form") as Field | "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/** The form back with every error of a failed zod parse next to its field. */
export function fieldErrors<Field extends string>(values: Partial<Record<Field, string>>, error: z.ZodError): FormState<Field> {
  return withErrors(values, zodErrors<Field>(error));
}

export const hasFieldErrors = (errors: Partial<Record<string, string[]>> | undefined) =>
  Boolean(errors && Object.values(errors).some((m) => m && m.length > 0));
