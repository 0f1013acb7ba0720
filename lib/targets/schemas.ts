// What a campaigner may type about an official. Shared by the server (which decides) and the target form (which
// shows the same messages). Only the named fields are read: anything else a request carries (caseId, ownerId,
// position) is never applied.
import { z } from "zod";
import { DELIVERY_MODES, DIGEST_FORMATS, TARGET_ROLES } from "@/db/schema";
import { isCountryCode, type CountryCode } from "../countries";
import { checkEmail } from "../signatures/schemas";
import type { FormState } from "../forms/form-state";
import { breaksLine } from "../forms/text-rules";
import { isIanaTimeZone } from "./time-zone";

export const TARGET_FIELDS = [
  "role",
  "title",
  "name",
  "office",
  "postalAddress",
  "country",
  "email",
  "fax",
  "salutation",
  "language",
  "deliveryMode",
  "digestHour",
  "digestFormat",
  "pacePerHour",
  "officeHoursStart",
  "officeHoursEnd",
  "officeDays",
  "timeZone",
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];
export type TargetFormValues = Partial<Record<TargetField, string>>;
export type TargetFormErrors = Partial<Record<TargetField | "form", string[]>>;

export const TITLE_MAX = 200;
export const LINE_MAX = 200;
export const POSTAL_ADDRESS_MAX = 600;
export const SALUTATION_MAX = 100;
/** Officials (and routed copies) per case: every supporter's confirmation writes one letter to each, and a long
 * list is where an extra address is easiest to slip in unnoticed. */
export const MAX_TARGETS_PER_CASE = 12;
export const TOO_MANY_TARGETS = `A case can have at most ${MAX_TARGETS_PER_CASE} officials and copies. Remove one before adding another.`;

/** The languages a target can be given; the case's own preferred languages are added to these. */
export const BASE_LANGUAGES = ["en", "zh", "fr", "es", "ar", "ru", "pt", "de"] as const;
export const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** The short list of letter languages for a case: the base list, then the case's own, without repeats. */
export function languageChoices(caseLanguages: readonly string[]): string[] {
  return [...new Set([...BASE_LANGUAGES, ...caseLanguages.filter((l) => LANGUAGE_CODE.test(l))])];
}

export function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames(["en"], { type: "language" }).of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

// An address has line breaks; everything else a one-line field refuses (lib/forms/text-rules.ts) stays out, tabs too.
// oxlint-disable-next-line no-control-regex -- refusing control characters is the point
const FORBIDDEN_IN_ADDRESS = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200B\uFEFF]/u;

const codePoints = (s: string) => [...s].length;
const nfc = (s: unknown) => (typeof s === "string" ? s.normalize("NFC") : s);

/** Checks a fax number; returns a message or null. "+" and 7–15 digits (E.164), spaces and hyphens allowed. */
export function checkFax(value: string): string | null {
  if (!value.startsWith("+")) return "Start the fax number with + and the country code, like +86 10 6529 2345.";
  if (!/^\+[\d\s-]+$/.test(value)) return "A fax number can hold only +, digits, spaces and hyphens.";
  const digits = value.replace(/\D/g, "");
  if (digits.startsWith("0")) return "After the +, give the country code (it never starts with 0), like +86 10 6529 2345.";
  if (digits.length < 7 || digits.length > 15)
    return `An international fax number has 7 to 15 digits after the + (this one has ${digits.length}).`;
  return null;
}

/** "+86 10 6529-2345" → "+861065292345" (E.164). Call only on a number checkFax accepted. */
export function normalizeFax(value: string): string {
  return `+${value.replace(/\D/g, "")}`;
}

// ITU country calling codes of one and two digits; every other code has three.
const ONE_DIGIT = new Set(["1", "7"]);
const TWO_DIGIT = new Set(
  "20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98".split(" "),
);

/** "+861065292345" → "+86 106 529 2345": the country code, then the rest in threes with a final four. */
export function formatFax(e164: string): string {
  const digits = e164.replace(/\D/g, "");
  const ccLength = ONE_DIGIT.has(digits[0] ?? "") ? 1 : TWO_DIGIT.has(digits.slice(0, 2)) ? 2 : 3;
  const cc = digits.slice(0, ccLength);
  let rest = digits.slice(ccLength);
  const groups: string[] = [];
  while (rest.length > 4) {
    const take = rest.length === 5 ? 2 : 3;
    groups.push(rest.slice(0, take));
    rest = rest.slice(take);
  }
  if (rest) groups.push(rest);
  return `+${cc} ${groups.join(" ")}`.trim();
}

const line = (label: string, { required, max = LINE_MAX, example }: { required: boolean; max?: number; example?: string }) =>
  z.preprocess(
    nfc,
    z
      .string()
      .optional()
      .transform((s) => (s ?? "").trim())
      .superRefine((s, ctx) => {
        if (s.length === 0) {
          if (required) ctx.addIssue({ code: "custom", message: `Enter the ${label}${example ? `, like “${example}”` : ""}.` });
        } else if (breaksLine(s))
          ctx.addIssue({ code: "custom", message: `The ${label} contains a line break or an invisible control character.` });
        else if (codePoints(s) > max)
          ctx.addIssue({ code: "custom", message: `The ${label} can be at most ${max} characters (it has ${codePoints(s)}).` });
      })
      .transform((s) => (s === "" ? null : s)),
  );

/** The most letters an hour a campaigner may allow one official: one a second is already no pacing at all. */
export const PACE_MAX_PER_HOUR = 3600;

/** The working weeks the form offers, as ISO weekday digits (1 = Monday): null keeps Monday to Friday. */
export const OFFICE_WEEKS = [
  { value: "12345", label: "Monday to Friday" },
  { value: "123456", label: "Monday to Saturday" },
  { value: "71234", label: "Sunday to Thursday" },
  { value: "1234567", label: "Every day" },
] as const;

const blankToNull = (s: unknown) => (typeof s === "string" && s.trim() !== "" ? s.trim() : null);

const hourField = (which: "start" | "end") =>
  z.preprocess(
    blankToNull,
    z
      .string()
      .nullable()
      .superRefine((s, ctx) => {
        if (s === null) return;
        const n = Number(s);
        const [min, max] = which === "start" ? [0, 23] : [1, 24];
        if (!/^\d{1,2}$/.test(s) || n < min || n > max) ctx.addIssue({ code: "custom", message: `Choose the hour the office ${which === "start" ? "opens" : "closes"} from the list.` });
      })
      .transform((s) => (s === null ? null : Number(s))),
  );

/** The schema for one target; `languages` is the list the form offered (languageChoices of the case). */
export function targetSchema(languages: readonly string[]) {
  return z.object({
    role: z.enum(TARGET_ROLES, { error: "Choose whether the letter is addressed to this official or copied to them." }),
    title: line("title", { required: true, max: TITLE_MAX, example: "Minister of Public Security" }).transform((s) => s ?? ""),
    name: line("name", { required: false }),
    office: line("office", { required: false }),
    postalAddress: z.preprocess(
      nfc,
      z
        .string()
        .optional()
        .transform((s) =>
          (s ?? "")
            .replace(/\r\n?/g, "\n")
            .split("\n")
            .map((l) => l.trim())
            .join("\n")
            .replace(/\n{3,}/g, "\n\n")
            .trim(),
        )
        .superRefine((s, ctx) => {
          if (s.length === 0) ctx.addIssue({ code: "custom", message: "Enter the postal address, one line per line of the envelope." });
          else if (FORBIDDEN_IN_ADDRESS.test(s))
            ctx.addIssue({ code: "custom", message: "The postal address contains a tab or an invisible control character." });
          else if (codePoints(s) > POSTAL_ADDRESS_MAX)
            ctx.addIssue({ code: "custom", message: `The postal address can be at most ${POSTAL_ADDRESS_MAX} characters (it has ${codePoints(s)}).` });
        }),
    ),
    country: z
      .string({ error: "Choose the country of the postal address." })
      .refine((c) => isCountryCode(c), { message: "Choose the country of the postal address from the list." }),
    email: z.preprocess(
      nfc,
      z
        .string()
        .optional()
        // only the ends: a space or line break inside is part of what checkEmail refuses
        .transform((s) => (s ?? "").replace(/^[ \t]+|[ \t]+$/g, ""))
        .superRefine((s, ctx) => {
          if (s === "") return;
          if (/[\r\n]/.test(s)) {
            ctx.addIssue({ code: "custom", message: "The email address contains a line break. Enter one address on one line." });
            return;
          }
          if (/[,;]/.test(s)) {
            ctx.addIssue({ code: "custom", message: "Enter one email address only: no commas or semicolons. Add another target for each further address." });
            return;
          }
          if (/[<>]/.test(s) || /\s/.test(s)) {
            ctx.addIssue({ code: "custom", message: "Enter the bare address only, like office@example.org, without a name or angle brackets." });
            return;
          }
          const problem = checkEmail(s);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        })
        .transform((s) => (s === "" ? null : s)),
    ),
    fax: z
      .string()
      .optional()
      .transform((s) => (s ?? "").trim())
      .superRefine((s, ctx) => {
        if (s === "") return;
        const problem = checkFax(s);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .transform((s) => (s === "" ? null : normalizeFax(s))),
    salutation: line("salutation", { required: true, max: SALUTATION_MAX, example: "Your Excellency" }).transform((s) => s ?? ""),
    language: z
      .string({ error: "Choose the language the official reads." })
      .refine((l) => LANGUAGE_CODE.test(l) && languages.includes(l), { message: "Choose the language of the letter from the list." }),
    // a form that predates digests (or a client that leaves them out) keeps today's one email per supporter
    deliveryMode: z.enum(DELIVERY_MODES, { error: "Choose how this official gets the letters: one email per supporter, or one digest a day." }).default("each"),
    digestHour: z
      .string()
      .optional()
      .transform((s) => (s ?? "").trim())
      .superRefine((s, ctx) => {
        if (s !== "" && !(/^\d{1,2}$/.test(s) && Number(s) <= 23))
          ctx.addIssue({ code: "custom", message: "Choose the hour the digest is sent, from 0 to 23 on the official’s clock." });
      })
      .transform((s) => (s === "" ? DEFAULT_DIGEST_HOUR : Number(s))),
    digestFormat: z.enum(DIGEST_FORMATS, { error: "Choose whether the letters are in the email itself or in one attached PDF." }).default("inline"),
    // pacing (lib/outbox/pacing.ts): empty keeps the server's default rate and no office hours
    pacePerHour: z.preprocess(
      blankToNull,
      z
        .string()
        .nullable()
        .superRefine((s, ctx) => {
          if (s === null) return;
          if (!/^\d+$/.test(s) || Number(s) < 1)
            ctx.addIssue({ code: "custom", message: "Enter the most letters an hour as a whole number of 1 or more, like 20, or leave it empty for the default." });
          else if (Number(s) > PACE_MAX_PER_HOUR) ctx.addIssue({ code: "custom", message: `At most ${PACE_MAX_PER_HOUR} letters an hour (one a second).` });
        })
        .transform((s) => (s === null ? null : Number(s))),
    ),
    officeHoursStart: hourField("start"),
    officeHoursEnd: hourField("end"),
    officeDays: z.preprocess(
      blankToNull,
      z
        .string()
        .nullable()
        .refine((d) => d === null || OFFICE_WEEKS.some((w) => w.value === d), { message: "Choose the office's working days from the list." })
        .transform((d) => (d === "12345" ? null : d)),
    ),
    timeZone: z.preprocess(
      blankToNull,
      z
        .string()
        .nullable()
        .refine((tz) => tz === null || isIanaTimeZone(tz), {
          message: "Enter a time zone by its IANA name, like Asia/Shanghai or Europe/Paris (not an offset like +08:00 or an abbreviation like CET), or leave it empty for the country's.",
        }),
    ),
  }).superRefine((t, ctx) => {
    const { officeHoursStart: start, officeHoursEnd: end } = t;
    // an hour refused above has its own message already
    if ((start !== null && !(start >= 0 && start <= 23)) || (end !== null && !(end >= 1 && end <= 24))) return;
    if (start !== null && end === null) ctx.addIssue({ code: "custom", path: ["officeHoursEnd"], message: "Choose when the office closes too, or neither hour." });
    else if (start === null && end !== null) ctx.addIssue({ code: "custom", path: ["officeHoursStart"], message: "Choose when the office opens too, or neither hour." });
    else if (start !== null && end !== null && end <= start) ctx.addIssue({ code: "custom", path: ["officeHoursEnd"], message: "The office must close after it opens, on the same day." });
  });
}

/** The hour a digest goes when none is chosen: the start of an office day. */
export const DEFAULT_DIGEST_HOUR = 9;

export type TargetInput = z.infer<ReturnType<typeof targetSchema>>;

export type ParsedTargetForm =
  | { ok: true; data: TargetInput; values: TargetFormValues }
  | { ok: false; errors: TargetFormErrors; values: TargetFormValues };

/** Reads the target form's own fields from `get` (FormData.get or a record lookup) and parses them, returning
 * every field's errors at once and what was typed. */
export function parseTargetForm(get: (name: string) => unknown, languages: readonly string[]): ParsedTargetForm {
  const values: TargetFormValues = {};
  for (const name of TARGET_FIELDS) {
    const value = get(name);
    if (typeof value === "string") values[name] = value;
  }
  const result = targetSchema(languages).safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  const errors: TargetFormErrors = {};
  for (const issue of result.error.issues) {
    const key = (issue.path[0] as TargetField | undefined) ?? "form";
    (errors[key] ??= []).push(issue.message);
  }
  return { ok: false, errors, values };
}

export type TargetFormState = FormState<TargetField>;

// ---- A routed copy: "the embassy of <state> in each supporter's country". Not an official with an address of
// their own, so it has its own small form and schema: the campaigner chooses only the state whose missions get
// the copy; the row's address stays empty (the mission's is fixed per supporter at confirmation) and this is
// the one kind of target whose postalAddress may be "".

export const ROUTED_COPY_FIELDS = ["missionOf"] as const;
export type RoutedCopyField = (typeof ROUTED_COPY_FIELDS)[number];
export type RoutedCopyFormState = FormState<RoutedCopyField>;

export const RoutedCopySchema = z.object({
  missionOf: z
    .string({ error: "Choose the state whose embassies get the copy." })
    .refine((c) => isCountryCode(c), { message: "Choose the state whose embassies get the copy from the list." }),
});

/** How a routed copy is titled everywhere: "The embassy of China in your country". */
export function routedCopyTitle(countryName: string): string {
  return `The embassy of ${countryName} in your country`;
}

export type RoutedCopyInput = TargetInput & { routing: "mission"; missionOf: string };

/** The target row of a routed copy to `missionOf`'s missions: a copy, greeted "Your Excellency". */
export function routedCopyInput({ missionOf, countryName, language }: { missionOf: CountryCode; countryName: string; language: string }): RoutedCopyInput {
  return {
    role: "copy",
    title: routedCopyTitle(countryName),
    name: null,
    office: null,
    postalAddress: "",
    country: missionOf,
    email: null,
    fax: null,
    salutation: "Your Excellency",
    language,
    deliveryMode: "each",
    digestHour: DEFAULT_DIGEST_HOUR,
    digestFormat: "inline",
    pacePerHour: null,
    officeHoursStart: null,
    officeHoursEnd: null,
    officeDays: null,
    timeZone: null,
    routing: "mission",
    missionOf,
  };
}
