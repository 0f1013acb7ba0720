// Right-to-left readiness: app/ and components/ use logical Tailwind classes and CSS properties (ms-/me-, ps-/pe-,
// start-/end-, border-s/e, rounded-s/e, text-start/end), which mirror under dir="rtl"; a physical left/right one
// (ml-4, text-right, left: 0) stays put and breaks an Arabic page. This scan fails when one comes back.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string, exts: string[]): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && exts.some((x) => e.name.endsWith(x)) && !e.name.endsWith(".test.ts"))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

// A class token: optional variants (md:, hover:, rtl: ...), an optional "-", then the utility.
const variants = String.raw`(?:[a-z0-9-]+:|\[[^\]\s]+\]:)*!?-?`;
const physicalClass = new RegExp(
  String.raw`(?<![\w-])${variants}(?:` +
    [
      // spacing and inset: need a value (ml-4, -left-2, pr-[3px], right-0)
      String.raw`(?:m|p|scroll-m|scroll-p)[lr]-[\w./[\]%-]+`,
      String.raw`(?:left|right)-[\w./[\]%-]+`,
      // borders and corners: with or without a value (border-l, border-r-2, rounded-tl-lg)
      String.raw`border-[lr](?:-[\w./[\]%-]+)?`,
      String.raw`rounded-(?:[lr]|tl|tr|bl|br)(?:-[\w./[\]%-]+)?`,
      String.raw`(?:text|float|clear)-(?:left|right)`,
    ].join("|") +
    String.raw`)(?![\w-])`,
  "g",
);
const physicalCss = /(?<![\w-])(?:(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right)|left|right|border-(?:top|bottom)-(?:left|right)-radius)\s*:|text-align\s*:\s*(?:left|right)|float\s*:\s*(?:left|right)/g;

/** Every physical class in the file's string literals and template strings, with its line. */
export function physicalClassesIn(source: string): string[] {
  const found: string[] = [];
  source.split("\n").forEach((line, i) => {
    // only inside quotes or backticks: "right" in a comment or a sentence is not a class
    for (const literal of line.matchAll(/"[^"]*"|'[^']*'|`[^`]*`/g)) {
      for (const m of literal[0].matchAll(physicalClass)) found.push(`${i + 1}: ${m[0]}`);
    }
  });
  return found;
}

describe("logical properties only (right-to-left ready)", () => {
  it("finds the physical classes it is meant to refuse, and passes the logical ones", () => {
    expect(physicalClassesIn(`<p className="ml-4 md:pr-2 -left-1 border-l-4 rounded-tr-lg text-right right-0">`).map((s) => s.slice(3))).toEqual([
      "ml-4",
      "md:pr-2",
      "-left-1",
      "border-l-4",
      "rounded-tr-lg",
      "text-right",
      "right-0",
    ]);
    expect(physicalClassesIn(`<p className="ms-4 md:pe-2 -start-1 border-s-4 rounded-se-lg text-end end-0 px-3 mx-auto inset-x-0">`)).toEqual([]);
    expect(physicalClassesIn(`// the right official, to the left of the count`)).toEqual([]);
  });

  it("no tsx/ts file in app/ or components/ uses a physical left/right class", () => {
    const offenders = [...sourceFiles("app", [".tsx", ".ts"]), ...sourceFiles("components", [".tsx", ".ts"])]
      .flatMap((file) => physicalClassesIn(readFileSync(path.join(root, file), "utf8")).map((hit) => `${file}:${hit}`));
    expect(offenders).toEqual([]);
  });

  it("no stylesheet in app/ or components/ uses a physical left/right property", () => {
    const offenders = [...sourceFiles("app", [".css"]), ...sourceFiles("components", [".css"])].flatMap((file) =>
      readFileSync(path.join(root, file), "utf8")
        .split("\n")
        .flatMap((line, i) => [...line.replace(/\/\*.*?\*\//g, "").matchAll(physicalCss)].map((m) => `${file}:${i + 1}: ${m[0]}`)),
    );
    expect(offenders).toEqual([]);
  });
});
