// One renderer for every letter on paper: a print run (many letters, one PDF), a fax attachment, a supporter's
// "print and post it yourself" copy. pdfkit in the server process, Noto fonts from npm, our own line layout so
// mixed scripts come out shaped and in bidi order (docs/decisions/006-letter-pdf-renderer.md).
import "server-only";
import fs from "node:fs";
import PdfKitDocument from "pdfkit";
import { countryName } from "../countries";
import {
  breakPieces,
  codePointLabel,
  dropEmoji,
  type FontKey,
  type GlyphCheck,
  isRtlLanguage,
  onBehalfOfLine,
  type Paragraph,
  prepareParagraph,
  type TextRun,
  UndrawableCharacterError,
  visualRuns,
} from "./pdf-text";
import { formatLetterDate } from "./render";

export type PaperSize = "A4" | "Letter";
export type PdfLetter = {
  id: string; // appeal id, echoed back in failures
  recipientLines: string[]; // the official's name/title, office, postal address lines, country: as on the envelope
  date: Date; // the letter's date
  language: string; // the letter's language (BCP 47), for the date format and the "On behalf of" words
  onBehalfOf: string; // supporter's name or initials as it signs
  supporterCountry: string; // ISO 3166 alpha-2; named with countryName(code, language)
  subject: string;
  body: string; // the rendered letter text (renderLetter output), \n line breaks
};
export type PdfOptions = {
  paper: PaperSize;
  returnAddress: string[];
  organisation: string;
  /** false: no return line in the envelope window (a supporter's own letter: their name must not show through) */
  windowReturnLine?: boolean;
};
export type PdfResult = { pdf: Buffer; rendered: string[]; failures: { id: string; reason: string }[] };

/** A letter longer than this many pages is refused: no appeal needs it, and a runaway body must not fill a run. */
export const MAX_PAGES_PER_LETTER = 6;
const MAX_CHARACTERS = 40_000;

const MM = 72 / 25.4;
const INCH = 72;

type PaperLayout = {
  size: [number, number];
  left: number;
  right: number; // right edge of the text column
  top: number; // first baseline area on continuation pages
  bottom: number; // no baseline below this
  // the envelope window's address field: return line at its top, recipient lines below
  field: { x: number; y: number; width: number; height: number };
  /** where the recipient lines start when they fit (DIN 5008: below the 17.7 mm additions zone) */
  addressTop: number;
  foldMarks: number[];
  punchMark?: number;
  dateTop: number;
};

// A4: DIN 5008 form B for a C5/6, DL or C4 envelope with a left window: address field 20 mm from the left,
// 45 mm from the top, 85 × 45 mm; folds at 105 and 210 mm; punch mark at 148.5 mm.
// Letter: a US #10 window envelope (window 4½ × 1⅛ in, ⅞ in from the left): field 1 in from the left and
// 2 in from the top of a letter tri-folded at 3⅔ and 7⅓ in.
const LAYOUTS: Record<PaperSize, PaperLayout> = {
  A4: {
    size: [210 * MM, 297 * MM],
    left: 25 * MM,
    right: 190 * MM,
    top: 25 * MM,
    bottom: 277 * MM,
    field: { x: 20 * MM, y: 45 * MM, width: 85 * MM, height: 45 * MM },
    addressTop: 62.7 * MM,
    foldMarks: [105 * MM, 210 * MM],
    punchMark: 148.5 * MM,
    dateTop: 98.5 * MM,
  },
  Letter: {
    size: [8.5 * INCH, 11 * INCH],
    left: 1 * INCH,
    right: 7.5 * INCH,
    top: 1 * INCH,
    bottom: 10.25 * INCH,
    field: { x: 1 * INCH, y: 2 * INCH, width: 3.875 * INCH, height: 1.125 * INCH },
    addressTop: 2 * INCH + 11,
    foldMarks: [(11 / 3) * INCH, (22 / 3) * INCH],
    dateTop: 3.5 * INCH,
  },
};

const SIZE = { body: 11, subject: 11, address: 10, returnLine: 7, letterhead: 8.5, small: 7.5 };
const LEADING = 1.4;
// Naskh's letters are small for their nominal size beside Noto Serif; drawn 10 % larger they read as one size
const FONT_SCALE: Record<FontKey, number> = { latin: 1, arabic: 1.1, han: 1 };

// Resolved at run time from node_modules, never a font installed on one machine; read once per process. Node's
// resolver is fetched at run time because Turbopack rewrites a visible require.resolve() into a bundle module id
// (and refuses to bundle a .ttf).
function resolveFont(specifier: string): string {
  const nodeModule = (process.getBuiltinModule as typeof process.getBuiltinModule | undefined)?.("node:module");
  if (!nodeModule) throw new Error("Letter PDFs need Node 20.16 or later (process.getBuiltinModule)");
  return nodeModule.createRequire(import.meta.url).resolve(specifier);
}
const FONT_FILES: Record<string, string> = {
  latin: "@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf",
  "latin-bold": "@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf",
  arabic: "@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf",
  "arabic-bold": "@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf",
  han: "@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf",
};
const fontData = new Map<string, Buffer>();

function loadFont(name: string): Buffer {
  let data = fontData.get(name);
  if (!data) {
    data = fs.readFileSync(resolveFont(FONT_FILES[name] ?? ""));
    fontData.set(name, data);
  }
  return data;
}

/** Noto Serif SC has one weight here: bold Chinese is drawn in the regular weight. */
function fontName(font: FontKey, bold: boolean): string {
  return bold && font !== "han" ? `${font}-bold` : font;
}

type Doc = PDFKit.PDFDocument;
// Without `features` pdfkit lays text out word by word and joins the words in logical order, which reverses the
// words of a right-to-left run; with them, fontkit lays out the whole run (and still adds its default features).
const WHOLE_RUN: PDFKit.Mixins.OpenTypeFeatures[] = ["kern"];
type FontkitFont = { hasGlyphForCodePoint(codePoint: number): boolean };

function glyphCheck(doc: Doc): GlyphCheck {
  const fonts = new Map<FontKey, FontkitFont>();
  for (const key of ["latin", "arabic", "han"] as const) {
    doc.font(key);
    // pdfkit keeps the fontkit font it embeds on `_font.font`; its own API has no "has glyph" question
    const font = (Reflect.get(doc, "_font") as { font?: FontkitFont } | undefined)?.font;
    if (!font || typeof font.hasGlyphForCodePoint !== "function") throw new Error("pdfkit did not load the font as TrueType");
    fonts.set(key, font);
  }
  return (key, codePoint) => /\s/u.test(String.fromCodePoint(codePoint)) || (fonts.get(key)?.hasGlyphForCodePoint(codePoint) ?? false);
}

type Measured = TextRun & { width: number };
type Line = { runs: Measured[]; width: number; baseLevel: number };
type Align = "start" | "end";
type DrawText = { kind: "text"; line: Line; x: number; baseline: number; size: number; bold: boolean; gray?: boolean };
type DrawRule = { kind: "rule"; x1: number; y1: number; x2: number; y2: number };
type Op = DrawText | DrawRule;

class LetterFailure extends Error {}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

class Typesetter {
  constructor(
    private readonly doc: Doc,
    private readonly has: GlyphCheck,
    private readonly keepJoiner: (font: FontKey) => boolean,
  ) {}

  width(text: string, font: FontKey, bold: boolean, size: number): number {
    return this.doc.font(fontName(font, bold)).fontSize(size * FONT_SCALE[font]).widthOfString(text, { features: WHOLE_RUN });
  }

  private measureRange(paragraph: Paragraph, start: number, end: number, bold: boolean, size: number): number {
    return visualRuns(paragraph, start, end, this.keepJoiner).reduce((sum, run) => sum + this.width(run.text, run.font, bold, size), 0);
  }

  private line(paragraph: Paragraph, start: number, end: number, bold: boolean, size: number): Line {
    const runs = visualRuns(paragraph, start, end, this.keepJoiner).map((run) => ({ ...run, width: this.width(run.text, run.font, bold, size) }));
    return { runs, width: runs.reduce((sum, run) => sum + run.width, 0), baseLevel: paragraph.baseLevel };
  }

  /** Wraps one logical line of text to `width`, breaking at spaces (and between Han characters). */
  wrap(input: { text: string; direction: "ltr" | "rtl" | "auto"; width: number; size: number; bold?: boolean }): Line[] {
    const bold = input.bold ?? false;
    const paragraph = prepareParagraph({ text: input.text, direction: input.direction, has: this.has });
    if (paragraph.text.trim() === "") return [{ runs: [], width: 0, baseLevel: paragraph.baseLevel }];
    const lines: Line[] = [];
    let lineStart = -1;
    let lineEnd = -1;
    const flush = () => {
      if (lineStart >= 0) lines.push(this.line(paragraph, lineStart, lineEnd, bold, input.size));
      lineStart = -1;
    };
    for (const [start, end] of breakPieces(paragraph.text)) {
      const from = lineStart >= 0 ? lineStart : start;
      if (this.measureRange(paragraph, from, end, bold, input.size) <= input.width) {
        lineStart = from;
        lineEnd = end;
        continue;
      }
      flush();
      if (this.measureRange(paragraph, start, end, bold, input.size) <= input.width) {
        lineStart = start;
        lineEnd = end;
        continue;
      }
      // one word wider than the column (a long link): break it between characters, never inside one
      let index = start;
      for (const { segment } of graphemes.segment(paragraph.text.slice(start, end))) {
        const next = index + segment.length;
        const from2 = lineStart >= 0 ? lineStart : index;
        if (lineStart >= 0 && this.measureRange(paragraph, from2, next, bold, input.size) > input.width) {
          flush();
          lineStart = index;
        } else if (lineStart < 0) lineStart = index;
        lineEnd = next;
        index = next;
      }
    }
    flush();
    return lines;
  }
}

/** Where a line of `width` starts so that it sits at the start (or end) of its own direction. */
function lineX(line: Line, align: Align, left: number, right: number): number {
  const rightAligned = (line.baseLevel % 2 === 1) !== (align === "end");
  return rightAligned ? right - line.width : left;
}

type LetterPlan = { pages: Op[][] };

function where(part: string, error: unknown): never {
  if (error instanceof UndrawableCharacterError) {
    throw new LetterFailure(`the ${part} has the character ${codePointLabel(error.codePoint)}, which no font in the PDF can draw`);
  }
  throw error;
}

function wrapOrFail(type: Typesetter, part: string, input: Parameters<Typesetter["wrap"]>[0]): Line[] {
  try {
    return type.wrap(input);
  } catch (error) {
    return where(part, error);
  }
}

function planLetter(input: { letter: PdfLetter; options: PdfOptions; layout: PaperLayout; type: Typesetter; canDraw: (cp: number) => boolean }): LetterPlan {
  const { letter, options, layout, type } = input;
  // far more than MAX_PAGES_PER_LETTER pages hold in any script: refused before spending time laying it out
  if (letter.body.length > MAX_CHARACTERS) throw new LetterFailure(`letter too long: more than ${MAX_PAGES_PER_LETTER} pages`);
  const clean = (text: string) => dropEmoji(text.normalize("NFC"), input.canDraw).text;
  const rtl = isRtlLanguage(letter.language);
  const direction = rtl ? "rtl" : "ltr";
  const first: Op[] = [];
  const text = (line: Line, align: Align, left: number, right: number, baseline: number, size: number, bold = false, gray = false): DrawText => ({
    kind: "text",
    line,
    x: lineX(line, align, left, right),
    baseline,
    size,
    bold,
    gray,
  });

  // fold and punch marks at the left edge, first page only
  for (const y of [...layout.foldMarks, ...(layout.punchMark ? [layout.punchMark] : [])]) {
    first.push({ kind: "rule", x1: 4 * MM, y1: y, x2: (y === layout.punchMark ? 9 : 8) * MM, y2: y });
  }

  // letterhead: the organisation and its address, top right, in the header zone above the window
  try {
    let baseline = 15 * MM;
    for (const [index, raw] of [options.organisation, ...options.returnAddress].entries()) {
      for (const line of type.wrap({ text: clean(raw), direction: "auto", width: 70 * MM, size: SIZE.letterhead, bold: index === 0 })) {
        first.push(text(line, "end", layout.left, layout.right, baseline, SIZE.letterhead, index === 0));
        baseline += SIZE.letterhead * 1.3;
      }
    }
  } catch (error) {
    where("return address", error);
  }

  // the return line shows through the window above the recipient, small enough to fit on one line
  const field = layout.field;
  const inset = 2 * MM;
  const fieldLeft = field.x + inset;
  const fieldRight = field.x + field.width - inset;
  const returnText = clean([options.organisation, ...options.returnAddress].filter(Boolean).join(" · "));
  const showReturnLine = options.windowReturnLine !== false;
  let returnLine: Line | undefined;
  let returnSize = SIZE.returnLine;
  try {
    for (; showReturnLine && returnSize >= 5; returnSize -= 0.5) {
      const lines = type.wrap({ text: returnText, direction: "auto", width: fieldRight - fieldLeft, size: returnSize });
      if (lines.length === 1) {
        returnLine = lines[0];
        break;
      }
    }
  } catch (error) {
    where("return address", error);
  }
  if (showReturnLine && !returnLine) throw new LetterFailure("the return address does not fit on one line of the envelope window");

  let addressLines: Line[] = [];
  try {
    addressLines = letter.recipientLines
      .map((line) => clean(line).trim())
      .filter(Boolean)
      .flatMap((line) => type.wrap({ text: line, direction: "auto", width: fieldRight - fieldLeft, size: SIZE.address }));
  } catch (error) {
    where("address", error);
  }
  if (addressLines.length === 0) throw new LetterFailure("the letter has no address");
  const addressLeading = SIZE.address * 1.2;
  const fieldBottom = field.y + field.height - 1.5 * MM;
  const highestTop = field.y + returnSize * 1.6 + 1 * MM;
  const capacity = Math.floor((fieldBottom - highestTop) / addressLeading);
  if (addressLines.length > capacity) {
    throw new LetterFailure(`the address has ${addressLines.length} lines; the envelope window holds ${capacity}`);
  }
  const addressTop = Math.max(highestTop, Math.min(layout.addressTop, fieldBottom - addressLines.length * addressLeading));
  const returnBaseline = addressTop - returnSize * 0.6;
  if (returnLine) {
    const returnOp = text(returnLine, "start", fieldLeft, fieldRight, returnBaseline, returnSize, false, true);
    first.push(returnOp);
    // the underline runs under the text wherever its direction put it (a right-to-left line sits at the right)
    first.push({ kind: "rule", x1: returnOp.x, y1: returnBaseline + returnSize * 0.35, x2: returnOp.x + returnLine.width, y2: returnBaseline + returnSize * 0.35 });
  }
  addressLines.forEach((line, index) => {
    first.push(text(line, "start", fieldLeft, fieldRight, addressTop + SIZE.address * 0.85 + index * addressLeading, SIZE.address));
  });

  // One line under the address block holds, at its end, the date (unless the model letter already dates itself)
  // and, at its start, whom the letter is from: "On behalf of <name>, <country>", so a one-page letter stays one page.
  const bodyLeading = SIZE.body * LEADING;
  const dateText = formatLetterDate(letter.date, letter.language);
  const signature = onBehalfOfLine({ language: letter.language, name: letter.onBehalfOf, country: countryName(letter.supporterCountry, letter.language) });
  let baseline = layout.dateTop;
  const dateLines = letter.body.includes(dateText) ? [] : wrapOrFail(type, "date", { text: dateText, direction, width: layout.right - layout.left, size: SIZE.body });
  const column = layout.right - layout.left;
  const dateWidth = Math.max(0, ...dateLines.map((line) => line.width));
  const behalfLines = wrapOrFail(type, "signature", { text: clean(signature), direction, width: column - dateWidth - 8 * MM, size: SIZE.body });
  const rows = Math.max(dateLines.length, behalfLines.length);
  for (let row = 0; row < rows; row++) {
    const date = dateLines[row];
    const behalf = behalfLines[row];
    if (date) first.push(text(date, "end", layout.left, layout.right, baseline, SIZE.body));
    if (behalf) first.push(text(behalf, "start", layout.left, layout.right, baseline, SIZE.body));
    baseline += bodyLeading;
  }
  baseline += bodyLeading;

  // subject, body and signature flow over as many pages as they need, up to the cap
  const pages: Op[][] = [first];
  const flow = (lines: Line[], size: number, bold: boolean) => {
    for (const line of lines) {
      if (baseline > layout.bottom) {
        pages.push([]);
        baseline = layout.top + 8 * MM;
        if (pages.length > MAX_PAGES_PER_LETTER) throw new LetterFailure(`letter too long: more than ${MAX_PAGES_PER_LETTER} pages`);
      }
      pages.at(-1)?.push(text(line, "start", layout.left, layout.right, baseline, size, bold));
      baseline += size * LEADING;
    }
  };
  const wrapAll = (part: string, source: string, size: number, bold: boolean) => {
    try {
      return clean(source)
        .split("\n")
        .flatMap((paragraph) => type.wrap({ text: paragraph, direction, width: column, size, bold }));
    } catch (error) {
      return where(part, error);
    }
  };
  flow(wrapAll("subject", letter.subject.replace(/\s+/g, " ").trim(), SIZE.subject, true), SIZE.subject, true);
  baseline += bodyLeading * 0.6;
  flow(wrapAll("body", letter.body.replace(/\r\n?/g, "\n").trim(), SIZE.body, false), SIZE.body, false);

  // a letter over one page: the subject at the head of each later page, "n / N" at the foot of each
  if (pages.length > 1) {
    const subject = wrapAll("subject", letter.subject.replace(/\s+/g, " ").trim(), SIZE.small, false)[0];
    pages.forEach((ops, index) => {
      if (index > 0 && subject) ops.push(text(subject, "start", layout.left, layout.right, layout.top, SIZE.small, false, true));
      const [number] = type.wrap({ text: `${index + 1} / ${pages.length}`, direction: "ltr", width: column, size: SIZE.small });
      if (number) ops.push({ ...text(number, "start", layout.left, layout.right, layout.bottom + 10 * MM, SIZE.small, false, true), x: (layout.left + layout.right - number.width) / 2 });
    });
  }
  return { pages };
}

function draw(doc: Doc, layout: PaperLayout, pages: Op[][]) {
  for (const ops of pages) {
    doc.addPage({ size: layout.size, margin: 0 });
    for (const op of ops) {
      if (op.kind === "rule") {
        doc.save().lineWidth(0.4).strokeColor("#555555").moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).stroke().restore();
        continue;
      }
      let x = op.x;
      for (const run of op.line.runs) {
        doc
          .font(fontName(run.font, op.bold))
          .fontSize(op.size * FONT_SCALE[run.font])
          .fillColor(op.gray ? "#444444" : "#000000")
          .text(run.text, x, op.baseline, { lineBreak: false, baseline: "alphabetic", features: WHOLE_RUN });
        x += run.width;
      }
    }
  }
}

/**
 * Renders letters into one PDF, each starting on a new page. A letter that cannot be rendered (a character no
 * font draws, too long, an address that does not fit the window) is left out with its reason in `failures`; the
 * others still render. When none renders, the PDF is one page listing the failures, so it is never empty.
 */
export async function renderLettersPdf(letters: PdfLetter[], options: PdfOptions): Promise<PdfResult> {
  const layout = LAYOUTS[options.paper];
  const doc = new PdfKitDocument({ autoFirstPage: false, size: layout.size, margin: 0, info: { Title: options.organisation, Creator: "Vigil" } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  for (const name of Object.keys(FONT_FILES)) doc.registerFont(name, loadFont(name));
  const has = glyphCheck(doc);
  const canDraw = (codePoint: number) => has("latin", codePoint) || has("arabic", codePoint) || has("han", codePoint);
  const type = new Typesetter(doc, has, (font) => has(font, 0x200d) && has(font, 0x200c));

  const rendered: string[] = [];
  const failures: PdfResult["failures"] = [];
  for (const letter of letters) {
    let plan: LetterPlan;
    try {
      // laid out in full before the first page is added, so a refused letter leaves no page behind
      plan = planLetter({ letter, options, layout, type, canDraw });
    } catch (error) {
      if (!(error instanceof LetterFailure)) throw error;
      failures.push({ id: letter.id, reason: error.message });
      continue;
    }
    draw(doc, layout, plan.pages);
    rendered.push(letter.id);
  }
  if (rendered.length === 0) drawFailureSummary(doc, layout, type, failures);
  doc.end();
  return { pdf: await finished, rendered, failures };
}

function drawFailureSummary(doc: Doc, layout: PaperLayout, type: Typesetter, failures: PdfResult["failures"]) {
  const ops: Op[] = [];
  let baseline = layout.top + 10 * MM;
  const add = (source: string, size: number, bold = false) => {
    // ids and reasons are ASCII and code point labels; anything else is replaced rather than failing the summary
    const safe = source.replace(/[^\x20-\x7E]/g, "?");
    for (const line of type.wrap({ text: safe, direction: "ltr", width: layout.right - layout.left, size, bold })) {
      ops.push({ kind: "text", line, x: layout.left, baseline, size, bold });
      baseline += size * LEADING;
    }
  };
  add(failures.length === 0 ? "No letters to print." : "No letter in this run could be rendered.", 14, true);
  baseline += 4 * MM;
  for (const [index, failure] of failures.entries()) {
    // one page: the print run page lists every reason; this page only says why the PDF holds no letter
    if (baseline > layout.bottom - 3 * SIZE.body * LEADING) {
      add(`... and ${failures.length - index} more`, SIZE.body);
      break;
    }
    add(`${failure.id}: ${failure.reason}`, SIZE.body);
  }
  draw(doc, layout, [ops]);
}
