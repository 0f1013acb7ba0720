// "Send it from your own email": one mailto: link (plus Gmail and Outlook web compose links) per official, built
// from an already rendered letter. Pure and isomorphic, like render.ts: the editor shows the same length the
// supporter's page will produce. Encoding follows RFC 6068; see docs/decisions/005-missions-and-mailto.md.
import { checkEmail } from "../signatures/schemas";

/** Above this the campaigner's editor warns that some mail clients may cut the letter. */
export const MAILTO_WARN_LENGTH = 1600;
/** Above this desktop mail clients and browsers start failing: no link is offered, only "copy the letter". */
export const MAILTO_MAX_LENGTH = 2000;

export type MailtoInput = { to: string[]; cc?: string[]; subject: string; body: string; fallbackSubject: string };
export type MailtoLinks =
  | { fits: true; length: number; mailto: string; gmail: string; outlook: string }
  | { fits: false; length: number; to: string[]; cc: string[]; subject: string; body: string }; // body with CRLF

export type MailtoLengthLevel = "ok" | "warn" | "too_long";

export class MailtoAddressError extends Error {
  constructor(readonly field: "to" | "cc", readonly index: number) {
    // The address itself stays out of the message: callers may log it.
    super(`${field}[${index}] is not a single plain email address`);
    this.name = "MailtoAddressError";
  }
}

// Lone surrogates make encodeURIComponent throw (URIError); a letter pasted from elsewhere may carry one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** UTF-8 percent-encoding of an hfvalue. encodeURIComponent leaves only unreserved characters and ! ' ( ) *,
 * all RFC 6068 qchars, and writes a space as %20, never "+" (which some clients would keep as a plus). */
function encodeValue(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, "\uFFFD"));
}

/** An address in the path or in cc: "@" may stay literal (a some-delim); everything else that is not unreserved
 * is encoded, including "+" and "%" in local parts, so no client can read them as a space or an escape. */
function encodeAddress(address: string): string {
  return encodeValue(address).replaceAll("%40", "@");
}

function cleanAddresses(field: "to" | "cc", addresses: readonly string[]): string[] {
  return addresses.map((raw, index) => {
    const address = raw.trim();
    // checkEmail refuses spaces, CR/LF, commas, semicolons, angle brackets and display names.
    if (checkEmail(address) !== null) throw new MailtoAddressError(field, index);
    return address;
  });
}

function uniqueBy(addresses: string[], seen: Set<string>): string[] {
  return addresses.filter((a) => {
    const key = a.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const oneLine = (s: string) => s.replace(/[\r\n]+/g, " ").trim();

type Prepared = { to: string[]; cc: string[]; subject: string; body: string };

function prepare(input: MailtoInput): Prepared {
  const seen = new Set<string>();
  const to = uniqueBy(cleanAddresses("to", input.to), seen);
  if (to.length === 0) throw new MailtoAddressError("to", 0);
  const cc = uniqueBy(cleanAddresses("cc", input.cc ?? []), seen);
  // An empty subject= makes Outlook take the next field for the subject: fall back instead.
  const subject = oneLine(input.subject) || oneLine(input.fallbackSubject);
  if (!subject) throw new Error("buildMailto: both subject and fallbackSubject are blank");
  // RFC 6068 §5: line breaks in a body are CRLF, encoded %0D%0A.
  const body = input.body.replace(/\r\n?|\n/g, "\r\n");
  return { to, cc, subject, body };
}

function mailtoOf(p: Prepared): string {
  const hfields = [
    ...(p.cc.length > 0 ? [`cc=${p.cc.map(encodeAddress).join(",")}`] : []),
    `subject=${encodeValue(p.subject)}`,
    `body=${encodeValue(p.body)}`,
  ];
  return `mailto:${p.to.map(encodeAddress).join(",")}?${hfields.join("&")}`;
}

function query(params: [string, string][]): string {
  return params.map(([k, v]) => `${k}=${encodeValue(v)}`).join("&");
}

function gmailOf(p: Prepared): string {
  const params: [string, string][] = [
    ["view", "cm"],
    ["fs", "1"],
    ["to", p.to.join(",")],
    ...(p.cc.length > 0 ? [["cc", p.cc.join(",")] as [string, string]] : []),
    ["su", p.subject],
    ["body", p.body],
  ];
  return `https://mail.google.com/mail/?${query(params)}`;
}

function outlookOf(p: Prepared): string {
  const params: [string, string][] = [
    ["to", p.to.join(",")],
    ...(p.cc.length > 0 ? [["cc", p.cc.join(",")] as [string, string]] : []),
    ["subject", p.subject],
    ["body", p.body],
  ];
  return `https://outlook.office.com/mail/deeplink/compose?${query(params)}`;
}

/** The links for one official, or, when the mailto: link would be longer than MAILTO_MAX_LENGTH, the parts the
 * page shows for "copy the letter" instead. Throws MailtoAddressError for an address that is not plain. */
export function buildMailto(input: MailtoInput): MailtoLinks {
  const prepared = prepare(input);
  const mailto = mailtoOf(prepared);
  if (mailto.length > MAILTO_MAX_LENGTH) return { fits: false, length: mailto.length, ...prepared };
  return { fits: true, length: mailto.length, mailto, gmail: gmailOf(prepared), outlook: outlookOf(prepared) };
}

/** The length of the mailto: link, for the letter editor's per-official figure. */
export function mailtoLength(input: MailtoInput): number {
  return mailtoOf(prepare(input)).length;
}

/** What the editor says about a length: fine, warn (above MAILTO_WARN_LENGTH), or no link (above the maximum). */
export function mailtoLengthLevel(length: number): MailtoLengthLevel {
  if (length > MAILTO_MAX_LENGTH) return "too_long";
  return length > MAILTO_WARN_LENGTH ? "warn" : "ok";
}
