import { describe, expect, it } from "vitest";
import { breakPieces, dropEmoji, type GlyphCheck, isRtlLanguage, onBehalfOfLine, prepareParagraph, UndrawableCharacterError, visualRuns } from "./pdf-text";

// Stands in for the fonts: Arabic letters in "arabic", Han in "han", everything printable else in "latin".
const has: GlyphCheck = (font, codePoint) => {
  const char = String.fromCodePoint(codePoint);
  if (/\p{Script=Arabic}/u.test(char)) return font === "arabic";
  if (/\p{Script=Han}/u.test(char)) return font === "han";
  if (/\p{Script=Egyptian_Hieroglyphs}|\p{Co}/u.test(char)) return false;
  return font === "latin" || /[ ,.:،]/u.test(char);
};

const naskhHasBrackets: GlyphCheck = (font, codePoint) => has(font, codePoint) || (font === "arabic" && "()".includes(String.fromCodePoint(codePoint)));

const runs = (text: string, direction: "ltr" | "rtl" | "auto") =>
  visualRuns(prepareParagraph({ text, direction, has })).map((run) => [run.text, run.font, run.level % 2 ? "rtl" : "ltr"]);

describe("visualRuns", () => {
  it("keeps a right-to-left name in place inside a left-to-right line, the name in logical order for fontkit", () => {
    expect(runs("On behalf of ئايگۈل, Norway", "ltr")).toEqual([
      ["On behalf of ", "latin", "ltr"],
      ["ئايگۈل", "arabic", "rtl"],
      [", ", "arabic", "ltr"], // neutrals stay in the font before them
      ["Norway", "latin", "ltr"],
    ]);
  });

  it("orders a right-to-left line from the right: the Latin words come left of the Arabic before them", () => {
    expect(runs("مەن Amnesty International نامىدىن", "rtl")).toEqual([
      ["نامىدىن", "arabic", "rtl"],
      [" ", "latin", "rtl"],
      ["Amnesty International", "latin", "ltr"],
      ["مەن ", "arabic", "rtl"],
    ]);
    expect(runs("ئايگۈل Norway", "rtl").map(([text]) => text)).toEqual(["Norway", "ئايگۈل "]);
  });

  it("reverses and mirrors neutrals between right-to-left runs", () => {
    const visual = visualRuns(prepareParagraph({ text: "(\u0627\u0644\u0633\u0644\u0627\u0645) !?", direction: "rtl", has }));
    expect(visual.map((run) => run.text).join("")).toBe("?! (\u0627\u0644\u0633\u0644\u0627\u0645)");
  });

  it("mirrors brackets inside an Arabic run, which fontkit reverses without mirroring", () => {
    const visual = visualRuns(prepareParagraph({ text: "بشأن (إلهام)", direction: "rtl", has: naskhHasBrackets }));
    expect(visual).toEqual([{ text: "بشأن )إلهام(", font: "arabic", level: 1 }]);
  });

  it("names the first character no font can draw", () => {
    expect(() => prepareParagraph({ text: "Pharaoh \u{13000}", direction: "ltr", has })).toThrow(UndrawableCharacterError);
    expect(() => prepareParagraph({ text: "\uE000", direction: "ltr", has })).toThrow("U+E000");
  });
});

const canDraw = (codePoint: number) => codePoint < 0x2000 || codePoint === 0x2122;
describe("dropEmoji", () => {
  it("drops emoji with their modifiers and tidies the space they leave", () => {
    expect(dropEmoji("Free him 🙏! Thanks 👍🏽 and 🇳🇴 from Oslo ❤️.", canDraw)).toEqual({ text: "Free him! Thanks and from Oslo.", dropped: 4 });
    expect(dropEmoji("Family 👨‍👩‍👧 first\nKeycap 1️⃣ stays", canDraw).text).toBe("Family first\nKeycap 1 stays");
  });
  it("keeps pictographs the fonts draw and text without emoji untouched", () => {
    expect(dropEmoji("Vigil™  ©  2026", canDraw)).toEqual({ text: "Vigil™  ©  2026", dropped: 0 });
  });
});

describe("line breaks and words", () => {
  it("breaks after spaces and between Han characters, never before closing punctuation", () => {
    const text = "我写信，请释放。 Free him";
    expect(breakPieces(text).map(([start, end]) => text.slice(start, end))).toEqual(["我", "写", "信，", "请", "释", "放。 ", "Free ", "him"]);
  });
  it("knows the right-to-left languages and says 'on behalf of' in the letter's language", () => {
    expect(["ar", "ug", "fa", "he", "ur", "ar-EG"].every(isRtlLanguage)).toBe(true);
    expect(isRtlLanguage("en")).toBe(false);
    expect(onBehalfOfLine({ language: "fr-CA", name: "Zoë", country: "Canada" })).toBe("Au nom de Zoë, Canada");
    expect(onBehalfOfLine({ language: "xx", name: "Zoë", country: "Norway" })).toBe("On behalf of Zoë, Norway");
  });
});
