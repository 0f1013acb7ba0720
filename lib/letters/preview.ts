// The model letter as each target will receive it, signed by the sample supporter. Pure and isomorphic: the
// editor's live preview (browser), its "Preview" button without JavaScript (server) and "Send me a test" all
// render through here, with the template-choice rule confirmSignature uses.
import { LetterTemplateError, renderLetter, type LetterCase, type LetterTemplate } from "./render";
import { officialName } from "../targets/naming";
import type { Target } from "../targets/types";
import { SAMPLE_SUPPORTER } from "./schemas";

/** The sample supporter's pick of a letter's versions, in the editor's preview and in "Send me a test". */
export const SAMPLE_VARIANT_SEED = "sample supporter";

export type PreviewTarget = Pick<Target, "id" | "role" | "title" | "name" | "office" | "salutation" | "language">;

/** One official's letter as shown before sending: on the sign form and in the letter editor. */
export type PreviewLetter = {
  targetId: string;
  role: "primary" | "copy";
  recipient: string;
  language: string;
  subject: string;
  body: string;
};

export type TargetLetter = {
  targetId: string;
  role: Target["role"];
  recipient: string;
  /** the language of the template this target's letter is written from */
  language: string;
  subject: string;
  body: string;
  /** why there is no letter: no template at all, or the template has unknown fields */
  problem?: string;
};

/** The template a target's letter is written from: its own language if the case has one, else the case's first
 * preferred language that has one, else any. Pure, so the browser's preview and the server's letters agree. */
export function pickTemplate<T extends { language: string }>(templates: T[], language: string, preferred: string[]): T | undefined {
  return (
    templates.find((t) => t.language === language) ??
    preferred.map((l) => templates.find((t) => t.language === l)).find(Boolean) ??
    templates[0]
  );
}

/** Templates with the one being edited put in place of (or beside) the saved one of its language. */
export function withDraft(saved: LetterTemplate[], draft: LetterTemplate | null): LetterTemplate[] {
  if (!draft) return saved;
  return [...saved.filter((t) => t.language !== draft.language), draft];
}

export function previewLetters({
  templates,
  targets,
  caseInfo,
  preferred,
  date,
  variantSeed = SAMPLE_VARIANT_SEED,
}: {
  templates: LetterTemplate[];
  targets: PreviewTarget[];
  caseInfo: LetterCase;
  preferred: string[];
  date: Date;
  /** whose versions to show: by default the sample supporter's */
  variantSeed?: string;
}): TargetLetter[] {
  return targets.map((target) => {
    const recipient = officialName(target);
    const base = { targetId: target.id, role: target.role, recipient };
    const template = pickTemplate(templates, target.language, preferred);
    if (!template) return { ...base, language: target.language, subject: "", body: "", problem: "There is no letter yet." };
    try {
      const letter = renderLetter({ template, supporter: SAMPLE_SUPPORTER, target, caseInfo, date, variantSeed });
      return { ...base, language: template.language, ...letter };
    } catch (error) {
      if (!(error instanceof LetterTemplateError)) throw error;
      return { ...base, language: template.language, subject: "", body: "", problem: error.message };
    }
  });
}

// Scripts written without spaces (Han, kana, Thai) count a word per character; elsewhere a word is a
// run of letters, marks and digits, joined by apostrophes, hyphens or dots ("don't", "case.personName").
// A regex, not Intl.Segmenter: the server's and the browser's ICU segment differently, which breaks hydration.
const NO_SPACES = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}`;
const LETTER = String.raw`(?:(?![${NO_SPACES}])[\p{L}\p{M}\p{N}])`;
const WORD = new RegExp(String.raw`[${NO_SPACES}]|${LETTER}+(?:['’.-]${LETTER}+)*`, "gu");

/** Characters (as a reader counts them) and words (in any script) of a text. */
export function textLength(text: string): { characters: number; words: number } {
  return { characters: [...text].length, words: text.match(WORD)?.length ?? 0 };
}
