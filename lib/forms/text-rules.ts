// What may be typed into staff text fields, for every form (cases, officials, letters, updates). Isomorphic: the
// server decides and the forms show the same messages. Supporters' names and messages have their own, stricter
// rule (lib/signatures/schemas.ts). Letters in Arabic, Chinese or Uyghur pass: joiners (U+200C/D) and the
// direction marks (U+200E/F) are allowed; only what can hide or reorder text is not.

// C0/C1 controls (line breaks and NUL among them), line and paragraph separators, bidi embeddings, overrides and
// isolates (U+202A–U+202E, U+2066–U+2069), the zero-width space and BOM: nothing that can hide text, make a
// title read backwards in someone's inbox, or forge a mail header.
const FORBIDDEN_IN_LINE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069\u200B\uFEFF]/u;
// Text of several lines keeps its line breaks and tabs; every other control and the bidi overrides stay out.
// oxlint-disable-next-line no-control-regex -- refusing control characters is the point
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/u;

/** True when a one-line field (a title, a name, a reference) holds a line break or an invisible control. */
export function breaksLine(value: string): boolean {
  return FORBIDDEN_IN_LINE.test(value);
}

/** True when a text of several lines (a story, a summary, a letter body) holds NUL, another invisible control
 * or a bidi override; line breaks and tabs are fine. */
export function hasHiddenControls(value: string): boolean {
  return FORBIDDEN_IN_TEXT.test(value);
}
