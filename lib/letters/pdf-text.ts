// The text side of the letter PDF, free of pdfkit so it can be unit-tested: which font draws each character,
// which emoji go, and the visual order of a line's runs (the Unicode bidi algorithm, UAX #9, via bidi-js).
// pdfkit/fontkit shape and reverse a right-to-left Arabic run by themselves, but lay out a line that mixes
// directions in logical order: "On behalf of ئايگۈل, Norway" would come out with the runs in the wrong place.
import bidiFactory from "bidi-js";

const bidi = bidiFactory();

/** The fonts a letter is drawn with; each character goes to the first that fits (see fontForCodePoint). */
export type FontKey = "latin" | "arabic" | "han";
export const FONT_ORDER: readonly FontKey[] = ["latin", "arabic", "han"];

/** Does this font have a glyph for the code point? Supplied by the renderer from the loaded fonts. */
export type GlyphCheck = (font: FontKey, codePoint: number) => boolean;

/** A piece of one line in one font and one direction, in visual order once ordered by visualRuns. */
export type TextRun = { text: string; font: FontKey; level: number };

const RTL_LANGUAGES = new Set(["ar", "ug", "fa", "he", "ur", "ps", "sd", "ckb", "yi", "dv"]);

export function isRtlLanguage(language: string): boolean {
  return RTL_LANGUAGES.has((language.split("-")[0] ?? "").toLowerCase());
}

export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

// An emoji and whatever hangs on it: variation selectors, skin tones, tags (subdivision flags), ZWJ sequences,
// flags made of two regional indicators; and the leftovers of keycaps ("1️⃣" keeps its "1").
const EMOJI_SEQUENCE =
  /\p{Regional_Indicator}{1,2}|\p{Extended_Pictographic}(?:\p{Variation_Selector}|\p{Emoji_Modifier}|[\u{E0020}-\u{E007F}])*(?:\u200D\p{Extended_Pictographic}(?:\p{Variation_Selector}|\p{Emoji_Modifier})*)*|\p{Emoji_Modifier}|\u{FE0F}|\u{20E3}/gu;

/**
 * Emoji policy: an emoji the fonts cannot draw is dropped, and the spacing around it tidied ("Free her 🙏!" →
 * "Free her!"), because a letter to an official reads better without a hole or a placeholder. A pictograph the
 * serif font does draw as text (©, ™, ☺ where present) stays.
 */
export function dropEmoji(text: string, canDraw: (codePoint: number) => boolean): { text: string; dropped: number } {
  let dropped = 0;
  const lines = text.split("\n").map((line) => {
    let droppedHere = 0;
    const kept = line.replace(EMOJI_SEQUENCE, (match) => {
      const bare = match.replace(/\p{Variation_Selector}/gu, "");
      const single = [...bare].length === 1 && !/\p{Regional_Indicator}|\p{Emoji_Modifier}|\u20E3/u.test(bare);
      if (single && canDraw(bare.codePointAt(0) ?? 0)) return bare;
      droppedHere += 1;
      return "";
    });
    if (droppedHere === 0) return line;
    dropped += droppedHere;
    return kept
      .replace(/[ \t]{2,}/g, " ")
      .replace(/ +([.,;:!?)\]»،؛؟。，、！？])/gu, "$1")
      .replace(/([([«]) +/gu, "$1")
      .trim();
  });
  return { text: lines.join("\n"), dropped };
}

// Invisible format characters that no font needs to draw; bidi controls are read by the bidi algorithm first.
const IGNORABLE = /[\u00AD\u180E\u200B\u2060-\u2064\u{FEFF}\u{E0000}-\u{E00FF}]|\p{Variation_Selector}/gu;
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const JOINER = /[\u200C\u200D]/u;
const ARABIC = /\p{Script=Arabic}/u;
const HAN = /[\p{Script=Han}\p{Script=Bopomofo}\u3000-\u303F\uFF00-\uFFEF]/u;
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;
const STRONG_RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;

/** Removes characters that are never drawn (soft hyphens, zero-width spaces, stray variation selectors). */
export function removeIgnorables(text: string): string {
  return text.replace(IGNORABLE, "");
}

/**
 * The font for one character: Arabic script to Naskh, Han to Serif SC, anything else to the first font that has
 * it; neutral characters (spaces, punctuation, digits, combining marks) stay in the font of the character before
 * them so a run is not split at every comma. null: no font can draw it.
 */
export function fontForCodePoint(codePoint: number, previous: FontKey | null, has: GlyphCheck): FontKey | null {
  const char = String.fromCodePoint(codePoint);
  if (ARABIC.test(char) && has("arabic", codePoint)) return "arabic";
  if (HAN.test(char) && has("han", codePoint)) return "han";
  if (previous && NEUTRAL.test(char) && has(previous, codePoint)) return previous;
  return FONT_ORDER.find((font) => has(font, codePoint)) ?? null;
}

export class UndrawableCharacterError extends Error {
  constructor(readonly codePoint: number) {
    super(`no font can draw the character ${codePointLabel(codePoint)}`);
    this.name = "UndrawableCharacterError";
  }
}

/** One logical paragraph (a line of the letter without its \n), prepared once and wrapped into lines. */
export type Paragraph = {
  text: string;
  /** font per UTF-16 code unit; both halves of a surrogate pair get the same */
  fonts: FontKey[];
  /** bidi embedding level per UTF-16 code unit */
  levels: Uint8Array;
  /** the paragraph's own direction: 0 left-to-right, 1 right-to-left */
  baseLevel: number;
};

export function prepareParagraph(input: { text: string; direction: "ltr" | "rtl" | "auto"; has: GlyphCheck }): Paragraph {
  const text = removeIgnorables(input.text).replace(/\t/g, " ");
  const fonts: FontKey[] = [];
  let previous: FontKey | null = null;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    let font: FontKey | null;
    if (BIDI_CONTROL.test(char)) font = previous ?? "latin";
    else if (JOINER.test(char)) font = previous ?? "latin";
    else font = fontForCodePoint(codePoint, previous, input.has);
    if (!font) throw new UndrawableCharacterError(codePoint);
    for (let unit = 0; unit < char.length; unit += 1) fonts.push(font);
    if (!BIDI_CONTROL.test(char) && !JOINER.test(char)) previous = font;
  }
  const embedding = bidi.getEmbeddingLevels(text, input.direction);
  return { text, fonts, levels: embedding.levels, baseLevel: embedding.paragraphs[0]?.level ?? 0 };
}

/** Logical runs of [start, end) with one font and one level, bidi controls and joiners the fonts lack left out. */
function logicalRuns(paragraph: Paragraph, start: number, end: number, keepJoiner: (font: FontKey) => boolean): TextRun[] {
  const runs: TextRun[] = [];
  for (let index = start; index < end; index += 1) {
    const char = paragraph.text[index] ?? "";
    if (BIDI_CONTROL.test(char)) continue;
    const font = paragraph.fonts[index] ?? "latin";
    if (JOINER.test(char) && !keepJoiner(font)) continue;
    const level = paragraph.levels[index] ?? 0;
    const last = runs.at(-1);
    if (last && last.font === font && last.level === level) last.text += char;
    else runs.push({ text: char, font, level });
  }
  return runs;
}

function mirror(char: string): string {
  return bidi.getMirroredCharacter(char) ?? char;
}

/**
 * The runs of paragraph.text[start, end) in visual order, left to right (UAX #9 rule L2 applied to runs). A
 * right-to-left run holding Arabic-script letters stays in logical order because fontkit reverses and shapes it
 * itself (its brackets mirrored here); a right-to-left run of neutrals only is reversed and mirrored here.
 */
export function visualRuns(paragraph: Paragraph, start = 0, end = paragraph.text.length, keepJoiner: (font: FontKey) => boolean = () => true): TextRun[] {
  // trailing whitespace takes the paragraph level (rule L1) and is not drawn
  let trimmedEnd = end;
  while (trimmedEnd > start && /\s/u.test(paragraph.text[trimmedEnd - 1] ?? "")) trimmedEnd -= 1;
  const runs = logicalRuns(paragraph, start, trimmedEnd, keepJoiner);
  const maxLevel = Math.max(0, ...runs.map((run) => run.level));
  const minOdd = Math.max(1, Math.min(...runs.map((run) => run.level | 1), maxLevel));
  for (let level = maxLevel; level >= minOdd; level -= 1) {
    for (let index = 0; index < runs.length; index += 1) {
      if ((runs[index]?.level ?? 0) < level) continue;
      let stop = index;
      while (stop + 1 < runs.length && (runs[stop + 1]?.level ?? 0) >= level) stop += 1;
      runs.splice(index, stop - index + 1, ...runs.slice(index, stop + 1).toReversed());
      index = stop;
    }
  }
  return runs.map((run) => {
    if (run.level % 2 === 0) return run;
    // fontkit reverses the glyphs of an Arabic run but does not mirror "(" (Noto Naskh has no 'rtlm'): we do
    if (STRONG_RTL.test(run.text)) return { ...run, text: [...run.text].map(mirror).join("") };
    return { ...run, text: [...run.text].toReversed().map(mirror).join("") };
  });
}

/**
 * Where a line may break: after a space, and between characters of Han text (Chinese has no spaces). Returns the
 * pieces' [start, end) in logical order; each piece keeps its trailing spaces.
 */
export function breakPieces(text: string): [number, number][] {
  const pieces: [number, number][] = [];
  let start = 0;
  let index = 0;
  for (const char of text) {
    const next = index + char.length;
    const following = text.slice(next, next + 2);
    const followingChar = following ? String.fromCodePoint(following.codePointAt(0) ?? 0) : "";
    const breakAfter =
      (/\s/u.test(char) && followingChar !== "" && !/\s/u.test(followingChar)) ||
      (HAN.test(char) && followingChar !== "" && !/[\s\u3001\u3002\uFF0C\uFF01\uFF1F\uFF1A\uFF1B\uFF09\u300D\u300F]/u.test(followingChar)) ||
      (followingChar !== "" && HAN.test(followingChar) && !/[\s\uFF08\u300C\u300E]/u.test(char) && !/[\u3001\u3002\uFF0C]/u.test(followingChar));
    if (breakAfter) {
      pieces.push([start, next]);
      start = next;
    }
    index = next;
  }
  if (start < text.length || pieces.length === 0) pieces.push([start, text.length]);
  return pieces;
}

// The signature line in the letter's language; {name} and {country} are filled in. Unknown languages read English.
const ON_BEHALF_OF: Record<string, string> = {
  en: "On behalf of {name}, {country}",
  fr: "Au nom de {name}, {country}",
  es: "En nombre de {name}, {country}",
  pt: "Em nome de {name}, {country}",
  de: "Im Namen von {name}, {country}",
  ru: "От имени: {name}, {country}",
  zh: "代表：{name}，{country}",
  ar: "نيابةً عن {name}، {country}",
  ug: "{name} نامىدىن، {country}",
  fa: "از طرف {name}، {country}",
  ur: "{name} کی جانب سے، {country}",
};

export function onBehalfOfLine(input: { language: string; name: string; country: string }): string {
  const template = ON_BEHALF_OF[(input.language.split("-")[0] ?? "").toLowerCase()] ?? ON_BEHALF_OF.en ?? "";
  return template.replace("{name}", input.name).replace("{country}", input.country);
}
