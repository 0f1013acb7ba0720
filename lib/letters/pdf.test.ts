// The letter PDF read back the way a printer and a reader would: poppler's pdftotext for the words and where
// they sit, pdftoppm for the ink (Arabic script does not extract back faithfully, so it is checked by rendering).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_PAGES_PER_LETTER, type PdfLetter, type PdfOptions, renderLettersPdf } from "./pdf";

const MM = 72 / 25.4;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-pdf-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const options: PdfOptions = {
  paper: "A4",
  organisation: "Vigil Campaigns",
  returnAddress: ["12 Example Street", "London N1 9GU", "United Kingdom"],
};

let counter = 0;
function letter(overrides: Partial<PdfLetter> = {}): PdfLetter {
  counter += 1;
  return {
    id: `appeal-${counter}`,
    recipientLines: ["Xi Jinping", "President of the People's Republic of China", "Zhongnanhai", "Beijing 100017", "China"],
    date: new Date("2026-12-01T12:00:00Z"),
    language: "en",
    onBehalfOf: "Zoë Núñez",
    supporterCountry: "NO",
    subject: "Release Ilham Tohti now",
    body: "Dear President,\n\nI urge you to release Ilham Tohti immediately.\n\nYours sincerely,",
    ...overrides,
  };
}

function save(pdf: Buffer): string {
  counter += 1;
  const file = path.join(dir, `run-${counter}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

function pageCount(file: string): number {
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

function pageText(file: string, page: number): string {
  return execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", file, "-"], { encoding: "utf8" });
}

type Word = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };
function words(file: string, page: number): Word[] {
  const html = execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-bbox", file, "-"], { encoding: "utf8" });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5] ?? "",
  }));
}

function word(all: Word[], text: string): Word {
  const found = all.find((w) => w.text === text);
  if (!found) throw new Error(`no word "${text}" in ${all.map((w) => w.text).join(" ")}`);
  return found;
}

/** The page as a grey bitmap (pdftoppm's PGM: a text header, then one byte per pixel), `dpi` pixels per inch. */
function render(file: string, page: number, dpi: number): { width: number; height: number; ink: (x: number, y: number) => boolean } {
  const prefix = path.join(dir, `page-${(counter += 1)}`);
  execFileSync("pdftoppm", ["-r", String(dpi), "-gray", "-f", String(page), "-l", String(page), "-singlefile", file, prefix]);
  const data = fs.readFileSync(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString("latin1"));
  if (!header) throw new Error("not a PGM file");
  const width = Number(header[1]);
  const height = Number(header[2]);
  const offset = header[0].length;
  return { width, height, ink: (x, y) => (data[offset + y * width + x] ?? 255) < 128 };
}

/** Columns (in points) holding ink between two heights (in points) of the page. */
function inkColumns(file: string, page: number, top: number, bottom: number): number[] {
  const dpi = 60;
  const scale = dpi / 72;
  const bitmap = render(file, page, dpi);
  const columns: number[] = [];
  for (let x = 0; x < bitmap.width; x += 1) {
    for (let y = Math.floor(top * scale); y <= Math.ceil(bottom * scale); y += 1) {
      if (bitmap.ink(x, y)) {
        columns.push(x / scale);
        break;
      }
    }
  }
  return columns;
}

describe("renderLettersPdf", () => {
  it("renders Latin, Cyrillic, Chinese, Uyghur and Arabic letters one per page, Chinese and Latin text exact", async () => {
    const letters = [
      letter({ onBehalfOf: "Zoë Łukasiewicz-Núñez", body: "Dear President,\n\nŽluťoučký kůň úpěl ďábelské ódy; façade, naïve, Ærøskøbing.\n\nYours sincerely," }),
      letter({ language: "ru", onBehalfOf: "Анна Петрова", supporterCountry: "RU", subject: "Освободите Ильхама Тохти", body: "Уважаемый господин Президент,\n\nПрошу немедленно освободить Ильхама Тохти." }),
      letter({
        language: "zh",
        onBehalfOf: "李巧",
        supporterCountry: "CN",
        recipientLines: ["习近平 主席", "中华人民共和国国务院", "北京市西城区中南海", "中国"],
        subject: "请释放伊力哈木·土赫提",
        body: "尊敬的主席：\n\n我写信是为了伊力哈木·土赫提，请立即无条件释放他。\n\n此致\n敬礼",
      }),
      letter({ language: "ug", onBehalfOf: "ئايگۈل", supporterCountry: "NO", subject: "ئىلھام توختىنى قويۇپ بېرىڭ", body: "ھۆرمەتلىك رەئىس،\n\nئىلھام توختىنى دەرھال قويۇپ بېرىڭ." }),
      letter({ language: "ar", onBehalfOf: "سارة", supporterCountry: "EG", recipientLines: ["السيد الرئيس", "القصر الرئاسي", "القاهرة", "مصر"], subject: "أطلقوا سراح إلهام توختي", body: "سيادة الرئيس،\n\nأطالبكم بالإفراج الفوري عن إلهام توختي." }),
      letter({ body: "Dear President,\n\nMy friend signs: On behalf of ئايگۈل, Norway" }),
    ];
    const result = await renderLettersPdf(letters, options);
    expect(result.failures).toEqual([]);
    expect(result.rendered).toEqual(letters.map((l) => l.id));
    const file = save(result.pdf);
    expect(pageCount(file)).toBe(letters.length);

    const latin = pageText(file, 1);
    expect(latin).toContain("Žluťoučký kůň úpěl ďábelské ódy; façade, naïve, Ærøskøbing.");
    expect(latin).toContain("On behalf of Zoë Łukasiewicz-Núñez, Norway");
    expect(latin).toContain("December 1, 2026");
    expect(latin).toContain("President of the People's Republic of China");
    expect(latin).toContain("Vigil Campaigns · 12 Example Street · London N1 9GU · United Kingdom");

    const cyrillic = pageText(file, 2);
    expect(cyrillic).toContain("Прошу немедленно освободить Ильхама Тохти.");
    expect(cyrillic).toContain("От имени: Анна Петрова, Россия");

    const chinese = pageText(file, 3);
    for (const line of ["习近平 主席", "中华人民共和国国务院", "北京市西城区中南海", "请释放伊力哈木·土赫提", "我写信是为了伊力哈木·土赫提，请立即无条件释放他。", "代表：李巧，中国", "2026年12月1日"]) {
      expect(chinese).toContain(line);
    }
    // the Arabic-script pages carry ink where their text is (their extracted text is only approximate)
    for (const page of [4, 5]) expect(inkColumns(file, page, 95 * MM, 140 * MM).length).toBeGreaterThan(100);
  });

  it("puts a right-to-left name inside a left-to-right line where the bidi algorithm says", async () => {
    const result = await renderLettersPdf([letter({ body: "On behalf of ئايگۈل, Norway" })], options);
    const file = save(result.pdf);
    const all = words(file, 1);
    // the signature's "On behalf of Zoë Núñez, Norway" heads the letter; the body's mixed line is the last "behalf"
    const behalf = all.filter((w) => w.text === "behalf").at(-1)!;
    const sameRow = (w: Word) => Math.abs(w.yMin - behalf.yMin) < 2 && w.xMin > behalf.xMax;
    const of = all.find((w) => w.text === "of" && sameRow(w));
    const norway = all.find((w) => w.text === "Norway" && sameRow(w));
    if (!of || !norway) throw new Error("the mixed line did not extract");
    // in the page, left to right: "of", then the Arabic name, then ", Norway"
    const between = inkColumns(file, 1, of.yMin, of.yMax).filter((x) => x > of.xMax + 2 && x < norway.xMin - 2);
    expect(between.length).toBeGreaterThan(12); // the name: about 30 pt of ink at 11 pt
  });

  it("puts Latin to the left of the Arabic in a right-to-left letter, and aligns the body right", async () => {
    const result = await renderLettersPdf([letter({ language: "ug", body: "ئايگۈل Norway" })], options);
    const file = save(result.pdf);
    const norway = word(words(file, 1), "Norway");
    const right = 190 * MM;
    const ink = inkColumns(file, 1, norway.yMin + 1, norway.yMax - 1);
    // the Arabic name ends the line at the right margin, Norway sits before it on the left, nothing further left
    expect(ink.filter((x) => x > norway.xMax + 2 && x <= right + 1).length).toBeGreaterThan(12);
    expect(Math.max(...ink)).toBeGreaterThan(right - 4);
    expect(ink.filter((x) => x < norway.xMin - 2 && x > 25 * MM).length).toBe(0);
  });

  it("puts the address in the window of a DIN 5008 type B envelope on A4 and of a #10 envelope on US Letter", async () => {
    for (const [paper, field] of [
      ["A4", { left: 20 * MM, top: 45 * MM, right: 105 * MM, bottom: 90 * MM }],
      ["Letter", { left: 72, top: 2 * 72, right: 72 + 3.875 * 72, bottom: 2 * 72 + 1.125 * 72 }],
    ] as const) {
      const file = save((await renderLettersPdf([letter()], { ...options, paper })).pdf);
      const all = words(file, 1);
      const inField = (w: Word) => w.xMin >= field.left && w.xMax <= field.right && w.yMin >= field.top && w.yMax <= field.bottom;
      for (const text of ["Xi", "Jinping", "Zhongnanhai", "100017", "China", "Example"]) {
        expect(all.filter((w) => w.text === text).some(inField), `${paper}: ${text}`).toBe(true);
      }
      // the return line is above the first address line
      const returnLine = all.find((w) => w.text === "Example" && inField(w));
      expect(returnLine?.yMax).toBeLessThan(word(all, "Xi").yMin + 0.5);
    }
  });

  it("drops emoji cleanly and still renders the letter", async () => {
    const result = await renderLettersPdf([letter({ body: "Free him 🙏! Thank you 👍🏽 and 🇳🇴 from Oslo ❤️.\nDone 👨‍👩‍👧" })], options);
    expect(result.failures).toEqual([]);
    const text = pageText(save(result.pdf), 1);
    expect(text).toContain("Free him! Thank you and from Oslo.");
    expect(text).toMatch(/^\s*Done$/m);
  });

  it("fails only the letter with a character no font draws, naming the character", async () => {
    const good = letter();
    const privateUse = letter({ body: "Dear President, \uE000" });
    const hieroglyph = letter({ recipientLines: ["Pharaoh \u{13000}"] });
    const result = await renderLettersPdf([privateUse, good, hieroglyph], options);
    expect(result.rendered).toEqual([good.id]);
    expect(result.failures).toEqual([
      { id: privateUse.id, reason: expect.stringContaining("U+E000") },
      { id: hieroglyph.id, reason: expect.stringContaining("U+13000") },
    ]);
    expect(result.failures[1]?.reason).toContain("address");
    expect(pageCount(save(result.pdf))).toBe(1);
  });

  it("continues a long letter on numbered pages and refuses one over the cap", async () => {
    const paragraph = "I urge you to release Ilham Tohti immediately and unconditionally, and to end his mistreatment.";
    const long = letter({ body: Array.from({ length: 40 }, () => paragraph).join("\n\n") });
    const tooLong = letter({ body: Array.from({ length: 400 }, () => paragraph).join("\n\n") });
    const result = await renderLettersPdf([long, tooLong], options);
    expect(result.rendered).toEqual([long.id]);
    expect(result.failures).toEqual([{ id: tooLong.id, reason: `letter too long: more than ${MAX_PAGES_PER_LETTER} pages` }]);
    const file = save(result.pdf);
    const pages = pageCount(file);
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeLessThanOrEqual(MAX_PAGES_PER_LETTER);
    expect(pageText(file, 1)).toMatch(new RegExp(`\\b1 ?/ ?${pages}\\b`));
    expect(pageText(file, 2)).toContain("Release Ilham Tohti now");
    // whom the letter is from stands on its first page, beside the date
    expect(pageText(file, 1)).toContain("On behalf of Zoë Núñez, Norway");
  });

  it("gives a one-page summary of the reasons when no letter renders", async () => {
    const bad = letter({ body: "\uE000" });
    const result = await renderLettersPdf([bad], options);
    expect(result.rendered).toEqual([]);
    const file = save(result.pdf);
    expect(pageCount(file)).toBe(1);
    expect(pageText(file, 1)).toContain("No letter in this run could be rendered.");
    expect(pageText(file, 1)).toContain(bad.id);
  });
});
