// What staff may type into the case editor and the review page. No "server-only": the editor form imports the
// limits to show them. Unknown keys are dropped by construction (readCaseFields copies only CASE_FIELDS, and
// z.object strips the rest), so `role`, `ownerId`, `state` or `createdBy` posted with the form never reach a write.
import { z } from "zod";
import { RISK_STATUSES } from "@/db/schema";
import { isCountryCode } from "../countries";
import { zodErrors, type FormState } from "../forms/form-state";
import { breaksLine, hasHiddenControls } from "../forms/text-rules";

export const CASE_FIELDS = [
  "slug",
  "reference",
  "title",
  "personName",
  "personNameLocal",
  "pronouns",
  "photoPath",
  "photoAlt",
  "photoCredit",
  "removePhoto",
  "country",
  "tags",
  "riskStatus",
  "summary",
  "story",
  "actBefore",
  "languages",
  "goal",
] as const;
export type CaseField = (typeof CASE_FIELDS)[number];
export type CaseFormValues = Partial<Record<CaseField, string>>;
export type CaseFieldErrors = Partial<Record<CaseField | "photo" | "form", string[]>>;

export const LIMITS = {
  slug: 80,
  reference: 20,
  title: 200,
  personName: 120,
  pronouns: 40,
  photoAlt: 300,
  photoCredit: 200,
  summary: 400,
  story: 20_000,
  tags: 20,
  tag: 40,
  languages: 10,
  goalMax: 10_000_000,
  outcome: 2_000,
} as const;

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Photos this app stored itself (lib/cases/photos.ts): never a URL a form chose. */
export const PHOTO_PATH_PATTERN = /^\/photos\/[a-f0-9]{32}\.webp$/;
const LANGUAGE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MAX_YEARS_AHEAD = 2;

const codePoints = (s: string) => [...s].length;

/** True for a real calendar day written YYYY-MM-DD (not 2025-02-30). */
export function isRealDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The last day a deadline may be set to: two years from today. */
export function latestDeadline(now = new Date()): string {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() + MAX_YEARS_AHEAD);
  return d.toISOString().slice(0, 10);
}

const trimmed = () => z.string().transform((s) => s.replace(/\r\n?/g, "\n").trim());

/** A field of one line (a headline, a name) refuses line breaks and invisible controls; a text of several lines
 * (a summary, the story) keeps its line breaks but refuses NUL, the other controls and bidi overrides. */
type Shape = "line" | "text";

const withShape = (schema: ReturnType<typeof trimmed>, label: string, shape: Shape) =>
  shape === "line"
    ? schema.refine((s) => !breaksLine(s), `Keep ${label} on one line, without invisible control characters.`)
    : schema.refine((s) => !hasHiddenControls(s), `Remove the invisible control characters (such as text-direction overrides) from ${label}.`);

function requiredText(label: string, max: number, shape: Shape) {
  return withShape(trimmed(), label, shape)
    .refine((s) => s.length > 0, `Enter ${label}.`)
    .refine((s) => codePoints(s) <= max, `Keep ${label} to ${max.toLocaleString("en-GB")} characters or fewer.`);
}

function optionalText(label: string, max: number, shape: Shape) {
  return withShape(trimmed(), label, shape)
    .refine((s) => codePoints(s) <= max, `Keep ${label} to ${max.toLocaleString("en-GB")} characters or fewer.`)
    .transform((s) => (s === "" ? null : s));
}

/** "Asia, Death penalty ,asia" → "asia,death-penalty" */
export function normaliseTags(raw: string): string[] {
  const tags = raw
    .split(",")
    .map((t) => t.trim().toLowerCase().replace(/\s+/g, "-"))
    .filter(Boolean);
  return [...new Set(tags)];
}

export function normaliseLanguages(raw: string): string[] {
  const list = raw
    .split(/[\s,]+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [lang, region] = l.split("-");
      return region ? `${lang!.toLowerCase()}-${region}` : lang!.toLowerCase();
    });
  return [...new Set(list)];
}

export const CaseInputSchema = z.object({
  slug: trimmed()
    .transform((s) => s.toLowerCase())
    .superRefine((s, ctx) => {
      // empty: made from the person's name (lib/cases/check-case-input.ts), which needs the database to be unique
      if (s.length === 0) return;
      if (s.length < 3 || s.length > LIMITS.slug || !SLUG_PATTERN.test(s))
        ctx.addIssue({
          code: "custom",
          message: `Use 3 to ${LIMITS.slug} lower-case letters (a–z), digits and single hyphens, e.g. li-qiaochu, or leave it empty to make it from the name.`,
        });
    }),
  reference: requiredText("the reference", LIMITS.reference, "line"),
  title: requiredText("a headline", LIMITS.title, "line"),
  personName: requiredText("the person’s name", LIMITS.personName, "line"),
  personNameLocal: optionalText("the name in their own script", LIMITS.personName, "line"),
  pronouns: optionalText("pronouns", LIMITS.pronouns, "line"),
  photoPath: trimmed()
    .refine((s) => s === "" || PHOTO_PATH_PATTERN.test(s), "Upload the photo again.")
    .transform((s) => (s === "" ? null : s)),
  photoAlt: optionalText("the photo description", LIMITS.photoAlt, "line"),
  photoCredit: optionalText("the photo credit", LIMITS.photoCredit, "line"),
  removePhoto: z.string().transform((s) => s === "on" || s === "true" || s === "1"),
  country: trimmed()
    .transform((s) => s.toUpperCase())
    .refine((s) => s.length > 0, "Choose the country.")
    .refine((s) => s.length === 0 || isCountryCode(s), "Choose a country from the list."),
  tags: z
    .string()
    // before normalising, which would turn a line break into a hyphen and hide what was typed
    .refine((s) => !breaksLine(s), "Keep the tags on one line, separated by commas, without invisible control characters.")
    .transform(normaliseTags)
    .refine((list) => list.length <= LIMITS.tags, `Use at most ${LIMITS.tags} tags.`)
    .refine(
      (list) => list.every((t) => codePoints(t) <= LIMITS.tag && /^[\p{L}\p{N}-]+$/u.test(t)),
      `Each tag is a word or two (letters, digits, hyphens), at most ${LIMITS.tag} characters, separated by commas.`,
    ),
  riskStatus: z.enum(RISK_STATUSES, { error: "Choose the person’s situation." }),
  summary: requiredText("a summary", LIMITS.summary, "text"),
  story: optionalText("the story", LIMITS.story, "text").transform((s) => s ?? ""),
  actBefore: trimmed().superRefine((s, ctx) => {
    if (s === "") ctx.addIssue({ code: "custom", message: "Enter the date appeals must be sent by." });
    else if (!isRealDay(s)) ctx.addIssue({ code: "custom", message: "Enter a real date, e.g. 2026-03-14." });
    else if (s > latestDeadline()) ctx.addIssue({ code: "custom", message: `Choose a date within ${MAX_YEARS_AHEAD} years from today.` });
  }),
  languages: z
    .string()
    .transform(normaliseLanguages)
    .refine((list) => list.length > 0, "Enter at least one language code, e.g. en.")
    .refine((list) => list.length <= LIMITS.languages, `Use at most ${LIMITS.languages} languages.`)
    .refine((list) => list.every((l) => LANGUAGE_PATTERN.test(l)), "Use language codes such as en, fr, zh or pt-BR, separated by commas."),
  goal: trimmed().pipe(
    z
      .string()
      .refine((s) => s.length > 0, "Enter a signature goal.")
      .transform((s) => s.replace(/[\s,’'_]/g, ""))
      .refine((s) => s === "" || /^\d+$/.test(s), "Enter the goal as a whole number, e.g. 5000.")
      .transform(Number)
      .refine((n) => n >= 1 && n <= LIMITS.goalMax, `Enter a goal between 1 and ${LIMITS.goalMax.toLocaleString("en-GB")}.`),
  ),
});
export type CaseInput = z.output<typeof CaseInputSchema>;

/** Copies only the editor's own fields out of a form post, as strings ("" for absent). */
export function readCaseFields(source: FormData | Record<string, unknown>): Record<CaseField, string> {
  const get = (name: string): unknown => (source instanceof FormData ? source.get(name) : source[name]);
  const values = {} as Record<CaseField, string>;
  for (const field of CASE_FIELDS) {
    const raw = get(field);
    values[field] = typeof raw === "string" ? raw : typeof raw === "number" ? String(raw) : "";
  }
  return values;
}

/** All field errors of a failed parse, keyed by field. */
export function caseFieldErrors(error: z.ZodError): CaseFieldErrors {
  return zodErrors<CaseField>(error);
}

export function mergeErrors(...all: CaseFieldErrors[]): CaseFieldErrors {
  const merged: CaseFieldErrors = {};
  for (const errors of all) {
    for (const [key, messages] of Object.entries(errors) as [keyof CaseFieldErrors, string[]][]) {
      for (const m of messages) if (!(merged[key] ??= []).includes(m)) merged[key]!.push(m);
    }
  }
  return merged;
}

export const hasErrors = (errors: CaseFieldErrors) => Object.values(errors).some((m) => m && m.length > 0);

// ---- review page forms

/** "2026-03-14T09:30" from a datetime-local field, read as UTC (the field says so). */
export function parseUtcDateTime(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(`${value.length === 16 ? `${value}:00` : value}Z`);
  return Number.isNaN(date.getTime()) || !isRealDay(value.slice(0, 10)) ? null : date;
}

export const OUTCOME_RISK_STATUSES = ["released", "charges_dropped", "sentence_commuted"] as const;

export const CloseCaseSchema = z.object({
  outcome: requiredText("what happened", LIMITS.outcome, "text"),
  outcomeStatus: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.union([z.literal(""), z.enum(RISK_STATUSES, { error: "Choose a situation from the list." })]))
    .transform((s) => (s === "" ? null : s)),
});

/** The case editor's answer; `preview` is set after "Preview story" without JavaScript (the rendered story). */
export type CaseEditorState = FormState<CaseField | "photo", { preview?: boolean }>;

export const WORKFLOW_FIELDS = ["publishAt", "outcome", "outcomeStatus"] as const;
/** Submit for review, publish (now or at a time), cancel a schedule, close with an outcome. */
export type WorkflowFormState = FormState<(typeof WORKFLOW_FIELDS)[number]>;
