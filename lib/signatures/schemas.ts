// What a supporter may send when signing. Shared by the server (which decides) and the form (which shows the
// same messages before a round trip). Names in every script are accepted intact; only characters that can
// forge a header, hide text or reorder what an official reads are refused.
import { z } from "zod";
import { isCountryCode } from "../countries";
import type { FormState } from "../forms/form-state";
import { errorKey } from "../i18n/error-key";
import type { PreviewLetter } from "../letters/preview";

export const NAME_MAX = 100;
export const MESSAGE_MAX = 1000;
export const EMAIL_MAX = 254;

// Control characters (CR, LF, NUL, TAB...), line/paragraph separators, Hangul fillers, and every invisible
// format character (\p{Cf}: bidi embeddings, overrides and isolates, marks, BOM, soft hyphen...) except ZWNJ/ZWJ,
// which Persian and emoji need, and the tag characters of flag emoji.
const FORBIDDEN_IN_NAME = /[\p{Cc}\u2028\u2029\u115F\u1160\u3164\uFFA0]|(?!\u200C|\u200D|[\u{E0020}-\u{E007F}])\p{Cf}/u;
// A message may have line breaks; everything else above stays out.
// oxlint-disable-next-line no-control-regex -- refusing control characters is the point
const FORBIDDEN_IN_MESSAGE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u115F\u1160\u3164\uFFA0]|(?!\u200C|\u200D|[\u{E0020}-\u{E007F}])\p{Cf}/u;

const codePoints = (s: string) => [...s].length;

// One plain address: dot-atom local part (no quotes, comments or display names), a domain of LDH labels.
// Non-ASCII domains are accepted and sent as punycode by the mail layer; non-ASCII local parts are refused
// because most receiving servers reject SMTPUTF8.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;

export type EmailProblem = "empty" | "tooLong" | "notOne" | "shape" | "local" | "domain";

/** What is wrong with an address, as a code: supporters read it translated ("errors.email.*"), staff forms in
 * English through checkEmail. */
export function emailProblem(value: string): EmailProblem | null {
  if (value.length === 0) return "empty";
  if (value.length > EMAIL_MAX) return "tooLong";
  if (/[\s,;<>()"[\]\\]/u.test(value) || FORBIDDEN_IN_NAME.test(value)) return "notOne";
  const at = value.lastIndexOf("@");
  if (at <= 0 || value.indexOf("@") !== at) return "shape";
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local)) return "local";
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || /^\d+$/.test(labels.at(-1) ?? "")) return "domain";
  return null;
}

const EMAIL_PROBLEM_TEXT: Record<EmailProblem, string> = {
  empty: "Enter your email address, so we can ask you to confirm.",
  tooLong: `An email address can be at most ${EMAIL_MAX} characters.`,
  notOne: "Enter one email address only, like name@example.org, with no spaces, names or commas.",
  shape: "Enter an email address like name@example.org.",
  local: "The part before the @ is not a valid email address.",
  domain: "The part after the @ is not a valid domain, like example.org.",
};

/** The problem in English, for the staff workspace (which stays English, docs/decisions/024-languages.md). */
export function checkEmail(value: string): string | null {
  const problem = emailProblem(value);
  return problem ? EMAIL_PROBLEM_TEXT[problem] : null;
}

/** The problem as a supporter-facing message key (lib/i18n/error-key.ts). */
export function emailProblemKey(value: string): string | null {
  const problem = emailProblem(value);
  if (!problem) return null;
  return problem === "tooLong" ? errorKey("email.tooLong", { max: EMAIL_MAX }) : `email.${problem}`;
}

/** The form two spellings of one address share: lower case, and an international domain as punycode, so
 * "x@bücher.example" and "x@xn--bcher-kva.example" are one supporter. */
export function normalizeEmail(email: string): string {
  const lowered = email.normalize("NFC").trim().toLowerCase();
  const at = lowered.lastIndexOf("@");
  const domain = lowered.slice(at + 1);
  if (at < 0 || [...domain].every((c) => c.charCodeAt(0) < 128)) return lowered;
  try {
    return `${lowered.slice(0, at)}@${new URL(`http://${domain}`).hostname}`;
  } catch {
    return lowered;
  }
}

const text = (s: unknown) => (typeof s === "string" ? s.normalize("NFC") : s);
// An unticked checkbox is absent from the form data: `.optional()`, not a z.undefined() member, is what lets a
// zod 4 object accept the missing key (a union with z.undefined() still fails it as "expected nonoptional").
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1");

export const SignAppealSchema = z.object({
  fullName: z.preprocess(
    text,
    z
      .string({ error: "name.missing" })
      .transform((s) => s.trim())
      .superRefine((s, ctx) => {
        if (s.length === 0) ctx.addIssue({ code: "custom", message: "name.empty" });
        else if (FORBIDDEN_IN_NAME.test(s))
          ctx.addIssue({ code: "custom", message: "name.control" });
        else if (codePoints(s) > NAME_MAX)
          ctx.addIssue({ code: "custom", message: errorKey("name.tooLong", { max: NAME_MAX }) });
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
  country: z
    .string({ error: "country.missing" })
    .refine((c) => isCountryCode(c), { message: "country.unknown" }),
  message: z.preprocess(
    text,
    z
      .string()
      .optional()
      .transform((s) => (s ?? "").replace(/\r\n?/g, "\n").trim())
      .superRefine((s, ctx) => {
        if (FORBIDDEN_IN_MESSAGE.test(s))
          ctx.addIssue({ code: "custom", message: "message.control" });
        else if (codePoints(s) > MESSAGE_MAX)
          ctx.addIssue({ code: "custom", message: errorKey("message.tooLong", { max: MESSAGE_MAX, count: codePoints(s) }) });
      }),
  ),
  initialsOnly: checkbox,
  allowReply: checkbox,
  followUpdates: checkbox,
});

export type SignAppealInput = z.infer<typeof SignAppealSchema>;
export type SignAppealField = keyof SignAppealInput;
export type FieldErrors = Partial<Record<SignAppealField | "form", string[]>>;

export const SIGN_FIELDS = ["fullName", "email", "country", "message", "initialsOnly", "allowReply", "followUpdates"] as const;
export const HONEYPOT_FIELD = "website";
export const INTENT_FIELD = "intent";
/** The case's content version the page was rendered from (hidden): the letters the supporter previewed. */
export const VERSION_FIELD = "caseVersion";
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
