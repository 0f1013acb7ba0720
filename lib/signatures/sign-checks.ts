// What a supporter may send when signing, checked without a validation library: these plain functions are what
// the server's schema (./schemas.ts, zod) is built from, and what the sign form runs in the browser before a round
// trip, so both give the same messages word for word and the page ships no zod (docs/decisions/025). Names in
// every script are accepted intact; only characters that can forge a header, hide text or reorder what an
// official reads are refused.
import { isCountryCode } from "../countries";
import { errorKey } from "../i18n/error-key";

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

const codePointsOf = (s: string) => [...s].length;

/** The name's problem as a message key, or null; `name` as typed (trimmed and NFC-normalised here). */
export function nameProblemKey(name: string): string | null {
  const s = name.normalize("NFC").trim();
  if (s.length === 0) return "name.empty";
  if (FORBIDDEN_IN_NAME.test(s)) return "name.control";
  if (codePointsOf(s) > NAME_MAX) return errorKey("name.tooLong", { max: NAME_MAX });
  return null;
}

/** The personal line's problem as a message key, or null (it may be empty). */
export function messageProblemKey(message: string): string | null {
  const s = message.normalize("NFC").replace(/\r\n?/g, "\n").trim();
  if (FORBIDDEN_IN_MESSAGE.test(s)) return "message.control";
  if (codePointsOf(s) > MESSAGE_MAX) return errorKey("message.tooLong", { max: MESSAGE_MAX, count: codePointsOf(s) });
  return null;
}

export const countryProblemKey = (country: string): string | null => (isCountryCode(country) ? null : "country.unknown");

export const SIGN_FIELDS = ["fullName", "email", "country", "message", "initialsOnly", "allowReply", "followUpdates"] as const;
export type SignAppealField = (typeof SIGN_FIELDS)[number];
export type FieldErrors = Partial<Record<SignAppealField | "form", string[]>>;
export const HONEYPOT_FIELD = "website";
export const INTENT_FIELD = "intent";
/** The case's content version the page was rendered from (hidden): the letters the supporter previewed. */
export const VERSION_FIELD = "caseVersion";

/** The text fields' problems, as the server's schema finds them (the browser's check before sending). */
export function signFieldProblems(values: { fullName: string; email: string; country: string; message: string }): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: SignAppealField, key: string | null) => {
    if (key) errors[field] = [key];
  };
  add("fullName", nameProblemKey(values.fullName));
  add("email", emailProblemKey(values.email.normalize("NFC").trim()));
  add("country", countryProblemKey(values.country));
  add("message", messageProblemKey(values.message));
  return errors;
}
