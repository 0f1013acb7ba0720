// Model letters: a subject and body with {{merge.fields}}, rendered once per target. Pure and isomorphic: the
// server renders what is sent, the browser renders the live preview, with the same code.
import { countryName } from "../countries";
import type { Target } from "../targets/types";
import { bodyVariantProblem, resolveVariants } from "./variants";
import { keptPerKey } from "../kept";

export const MERGE_FIELDS = {
  "supporter.name": "The supporter's full name, or their initials if they asked",
  "supporter.country": "The supporter's country, named in the letter's language",
  "supporter.message": "The supporter's personal message; the line disappears when there is none",
  "target.title": "The official's title, e.g. President of the People's Republic of China",
  "target.name": "The official's name",
  "target.office": "The official's office",
  "target.salutation": "How the letter greets the official, e.g. Dear President",
  "case.personName": "The name of the person at risk",
  "case.reference": "The urgent action reference, e.g. UA 27/20",
  date: "The date the letter is sent, written in the letter's language",
} as const;

export type MergeField = keyof typeof MERGE_FIELDS;

const FIELD_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

export class LetterTemplateError extends Error {
  constructor(readonly unknownFields: string[]) {
    super(`Unknown merge field${unknownFields.length > 1 ? "s" : ""}: ${unknownFields.map((f) => `{{${f}}}`).join(", ")}`);
    this.name = "LetterTemplateError";
  }
}

/** A body whose [[variants]] blocks are malformed: the problem names the line. */
export class LetterVariantError extends LetterTemplateError {
  constructor(problem: string) {
    super([]);
    this.message = problem;
    this.name = "LetterVariantError";
  }
}

export function isMergeField(name: string): name is MergeField {
  return Object.hasOwn(MERGE_FIELDS, name);
}

/** Every merge field in the text that the renderer does not know, plus unbalanced braces, in order. */
export function findUnknownFields(...texts: string[]): string[] {
  const unknown = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(FIELD_PATTERN)) {
      const name = match[1] ?? "";
      if (!isMergeField(name)) unknown.add(name);
    }
    const leftover = text.replace(FIELD_PATTERN, "");
    if (leftover.includes("{{") || leftover.includes("}}")) unknown.add("unbalanced {{ or }}");
  }
  return [...unknown];
}

export type LetterTemplate = { subject: string; body: string; language: string };
export type LetterSupporter = { fullName: string; initialsOnly: boolean; country: string; message?: string | null };
export type LetterTarget = Pick<Target, "title" | "salutation"> & Partial<Pick<Target, "name" | "office">>;
export type LetterCase = { personName: string; reference: string };
export type RenderedLetter = { subject: string; body: string };

// Intl objects are built once and kept: making one costs more than rendering a whole letter (decision 028)
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const letterDateFormat = keptPerKey((language: string): Intl.DateTimeFormat | null => {
  try {
    return new Intl.DateTimeFormat([language, "en"], { dateStyle: "long", timeZone: "UTC" });
  } catch {
    return null; // not a language tag Intl takes: the ISO day, every time
  }
});

/** "Li Qiaochu" → "L. Q."; works for any script, one initial per space-separated part. */
export function initialsOf(fullName: string): string {
  return fullName
    .split(/\s+/u)
    .filter(Boolean)
    .map((part) => {
      const first = graphemes.segment(part)[Symbol.iterator]().next().value?.segment ?? "";
      return `${first.toLocaleUpperCase()}.`;
    })
    .join(" ");
}

export function signatureName(supporter: Pick<LetterSupporter, "fullName" | "initialsOnly">): string {
  return supporter.initialsOnly ? initialsOf(supporter.fullName) : supporter.fullName;
}

export function formatLetterDate(date: Date, language: string): string {
  const format = letterDateFormat(language);
  return format ? format.format(date) : date.toISOString().slice(0, 10);
}

export function renderLetter(input: {
  template: LetterTemplate;
  supporter: LetterSupporter;
  target: LetterTarget;
  caseInfo: LetterCase;
  date: Date;
  /** which subject and which version of each block this supporter's letter takes (letterVariantSeed) */
  variantSeed: string;
}): RenderedLetter {
  const { supporter, target, caseInfo, date } = input;
  const unknown = findUnknownFields(input.template.subject, input.template.body);
  if (unknown.length > 0) throw new LetterTemplateError(unknown);
  const problem = bodyVariantProblem(input.template.body);
  if (problem) throw new LetterVariantError(problem);
  // versions are chosen before merging, so a supporter's own words can never be read as markers
  const template = { ...input.template, ...resolveVariants(input.template, input.variantSeed) };

  const message = (supporter.message ?? "").trim();
  const values: Record<MergeField, string> = {
    "supporter.name": signatureName(supporter),
    "supporter.country": countryName(supporter.country, template.language),
    "supporter.message": message,
    "target.title": target.title,
    "target.name": target.name ?? "",
    "target.office": target.office ?? "",
    "target.salutation": target.salutation,
    "case.personName": caseInfo.personName,
    "case.reference": caseInfo.reference,
    date: formatLetterDate(date, template.language),
  };
  const fill = (text: string) => text.replace(FIELD_PATTERN, (_, name: MergeField) => values[name]);

  // A line holding nothing but an empty merge field (no personal message, an official with no name) goes,
  // together with one blank line after it, so the letter reads as if written by hand.
  const lines = template.body.replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  let dropNextBlank = false;
  for (const line of lines) {
    const only = /^\s*\{\{\s*([^{}]*?)\s*\}\}\s*$/.exec(line);
    if (only && values[only[1] as MergeField] === "") {
      dropNextBlank = true;
      continue;
    }
    if (dropNextBlank && line.trim() === "") {
      dropNextBlank = false;
      continue;
    }
    dropNextBlank = false;
    kept.push(fill(line));
  }
  const body = kept.join("\n").replace(/\n{3,}/g, "\n\n").trim();
  const subject = fill(template.subject).replace(/\s+/g, " ").trim();
  return { subject, body };
}
