// The address made from a person's name: the same pure function in the editor (as the name is typed) and on
// the server (when the field is left empty).
import { describe, expect, it } from "vitest";
import { SLUG_PATTERN } from "./case-schemas";
import { numberedSlug, slugFromName, slugify } from "./slug";

describe("slugify", () => {
  it.each([
    ["Tashpolat Tiyip", "tashpolat-tiyip"],
    ["Ilham Tohti", "ilham-tohti"],
    ["  Nguyễn Văn Đài ", "nguyen-van-dai"],
    ["Ayşe Çelik-Öztürk", "ayse-celik-ozturk"],
    ["Ильхам Тохти", "ilkham-tokhti"],
    ["O’Brien, Máire (Dr.)", "obrien-maire-dr"],
    ["李翘楚", "li-qiao-chu"],
    ["Zhang Zhan 张展", "zhang-zhan-zhang-zhan"],
    ["---", ""],
    ["", ""],
  ])("%j → %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("gives ASCII for Uyghur in Arabic script", () => {
    const slug = slugify("ئىلھام توختى");
    expect(slug.length).toBeGreaterThan(3);
    expect(slug).toMatch(SLUG_PATTERN);
  });

  it("caps the length at a word boundary, with no hyphen left at the end", () => {
    const slug = slugify("Abdurehim Gheni ".repeat(10));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(SLUG_PATTERN);
    expect(slug.endsWith("abdurehim-gheni")).toBe(true);
    expect(slugify("x".repeat(200))).toBe("x".repeat(80));
  });
});

describe("slugFromName", () => {
  it("always gives an address the slug rule accepts", () => {
    expect(slugFromName("Li")).toBe("case-li");
    expect(slugFromName("!!!")).toBe("case");
    for (const name of ["Li", "!!!", "李", "Ilham Tohti", "x".repeat(300)]) {
      const slug = slugFromName(name);
      expect(slug).toMatch(SLUG_PATTERN);
      expect(slug.length).toBeGreaterThanOrEqual(3);
      expect(slug.length).toBeLessThanOrEqual(80);
    }
  });
});

describe("numberedSlug", () => {
  it("numbers a taken address from 2, within the length cap", () => {
    expect(numberedSlug("ilham-tohti", 1)).toBe("ilham-tohti");
    expect(numberedSlug("ilham-tohti", 2)).toBe("ilham-tohti-2");
    const long = slugify("Abdurehim Gheni ".repeat(10));
    const numbered = numberedSlug(long, 12);
    expect(numbered.length).toBeLessThanOrEqual(80);
    expect(numbered).toMatch(/-12$/);
    expect(numbered).toMatch(SLUG_PATTERN);
    expect(numberedSlug("x".repeat(80), 3)).toBe(`${"x".repeat(78)}-3`);
  });
});
