// What a campaigner may save as a model letter. Shared by the server (which decides) and the letter editor (which
// flags the same problems live, before saving). Only the named fields are read.
import { z } from "zod";
import { LANGUAGE_CODE } from "../targets/schemas";
import { findUnknownFields, type LetterSupporter } from "./render";
import { zodErrors, type FormState } from "../forms/form-state";
import { breaksLine, hasHiddenControls } from "../forms/text-rules";
import type { TargetLetter } from "./preview";
import { bodyVariantProblem, MAX_VARIANTS, subjectVariants } from "./variants";

export const LETTER_FIELDS = ["language", "subject", "body"] as const;
export type LetterField = (typeof LETTER_FIELDS)[number];
export type LetterFormValues = Partial<Record<LetterField, string>>;
export type LetterFormErrors = Partial<Record<LetterField | "form", string[]>>;

export const SUBJECT_MAX = 200;
export const BODY_MAX = 10_000;

/** The supporter every preview and test letter is signed by: realistic, and obviously nobody's real data. */
export const SAMPLE_SUPPORTER: LetterSupporter = {
  fullName: "Amira Haddad",
  initialsOnly: false,
  country: "LB",
  message: "I am writing from Beirut, where many of us are following this case closely and hoping for good news.",
};

const codePoints = (s: string) => [...s].length;
const nfc = (s: unknown) => (typeof s === "string" ? s.normalize("NFC") : s);

/** "Unknown merge field {{supporter.phone}}…": names every unknown field, or null when there is none. */
export function unknownFieldsMessage(text: string): string | null {
  const unknown = findUnknownFields(text);
  if (unknown.length === 0) return null;
  const named = unknown.map((f) => (f.startsWith("unbalanced") ? "an unmatched {{ or }}" : `{{${f}}}`));
  const plural = unknown.length > 1;
  return `Unknown merge field${plural ? "s" : ""}: ${named.join(", ")}. Use only the fields in the list of merge fields.`;
}

const PERSONAL_LINE = /\{\{\s*supporter\.message\s*\}\}/;

/** The sign form offers every supporter a personal line: a letter without its place would silently drop it. */
export function personalLineProblem(body: string): string | null {
  return PERSONAL_LINE.test(body)
    ? null
    : "Put {{supporter.message}} in the letter, on a line of its own where each supporter’s personal line goes (the line disappears when they write none).";
}

/** What is wrong with a subject field (one subject per line), or null: the editor shows it live, saving refuses it. */
export function subjectProblem(subject: string): string | null {
  const lines = subjectVariants(subject);
  if (lines.length === 0) return "Enter a subject, like “Release {{case.personName}} now”.";
  if (lines.length > MAX_VARIANTS) return `Write at most ${MAX_VARIANTS} subjects, one per line (there are ${lines.length}).`;
  const which = (i: number) => (lines.length > 1 ? `Subject ${i + 1}` : "The subject");
  for (const [i, line] of lines.entries()) {
    if (breaksLine(line)) return `${which(i)} contains an invisible control character.`;
    if (codePoints(line) > SUBJECT_MAX) return `${which(i)} can be at most ${SUBJECT_MAX} characters (it has ${codePoints(line)}).`;
  }
  return unknownFieldsMessage(lines.join("\n"));
}

export function letterTemplateSchema(languages: readonly string[]) {
  return z.object({
    language: z
      .string({ error: "Choose the language of this letter." })
      .refine((l) => LANGUAGE_CODE.test(l) && languages.includes(l), { message: "Choose the language of this letter from the list." }),
    // one subject per line: each supporter's letter takes one of them (lib/letters/variants.ts)
    subject: z.preprocess(
      nfc,
      z
        .string()
        .optional()
        .transform((s) => subjectVariants(s ?? "").join("\n"))
        .superRefine((s, ctx) => {
          const problem = subjectProblem(s);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        }),
    ),
    body: z.preprocess(
      nfc,
      z
        .string()
        .optional()
        .transform((s) => (s ?? "").replace(/\r\n?/g, "\n").replace(/[ \t]+$/gm, "").trim())
        .superRefine((s, ctx) => {
          if (s.length === 0) ctx.addIssue({ code: "custom", message: "Write the letter." });
          else if (hasHiddenControls(s))
            ctx.addIssue({ code: "custom", message: "The letter contains an invisible control character. Please remove it." });
          else if (codePoints(s) > BODY_MAX)
            ctx.addIssue({ code: "custom", message: `The letter can be at most ${BODY_MAX.toLocaleString("en-GB")} characters (it has ${codePoints(s).toLocaleString("en-GB")}).` });
          else {
            const problem = unknownFieldsMessage(s) ?? bodyVariantProblem(s) ?? personalLineProblem(s);
            if (problem) ctx.addIssue({ code: "custom", message: problem });
          }
        }),
    ),
  });
}

export type LetterTemplateInput = z.infer<ReturnType<typeof letterTemplateSchema>>;

export type ParsedLetterForm =
  | { ok: true; data: LetterTemplateInput; values: LetterFormValues }
  | { ok: false; errors: LetterFormErrors; values: LetterFormValues };

/** Reads the letter form's own fields and parses them, returning every field's errors and what was typed. */
export function parseLetterForm(get: (name: string) => unknown, languages: readonly string[]): ParsedLetterForm {
  const values: LetterFormValues = {};
  for (const name of LETTER_FIELDS) {
    const value = get(name);
    if (typeof value === "string") values[name] = value;
  }
  const result = letterTemplateSchema(languages).safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  const errors = zodErrors<LetterField>(result.error);
  return { ok: false, errors, values };
}

/** The letter editor's answer. `previewed` is set when it answers "Preview" (the page lands on the letters);
 * `preview` holds the letters the server rendered from the text sent, shown until JavaScript takes over. */
export type LetterFormState = FormState<LetterField, { previewed?: boolean; preview?: TargetLetter[] }>;

/** "Send me a test" has no fields: only what was done, or why not. */
export type TestLetterState = FormState<never>;
