// Letters vary (issue 9): the [[variants]] syntax, its errors beside the field, the deterministic pick and the
// editor's "different letters per 100 supporters" figure. Pure: no database.
import { describe, expect, it } from "vitest";
import { languageChoices } from "../targets/schemas";
import { renderLetter } from "./render";
import { parseLetterForm } from "./schemas";
import { distinctLetters, letterVariantSeed, MAX_VARIANTS, parseBody, pickVariant, resolveVariants, variantCounts } from "./variants";

const versions = (n: number, word = "Version") => Array.from({ length: n }, (_, i) => `${word} ${i + 1}.`).join("\n--- or ---\n");
const block = (n: number, word?: string) => `[[variants]]\n${versions(n, word)}\n[[/variants]]`;

const BODY = `{{target.salutation}},

${block(3, "Opening")}

I am writing about {{case.personName}}.

${block(4, "Closing")}

{{supporter.message}}

{{supporter.name}}`;
const SUBJECTS = "Release {{case.personName}}\nFree {{case.personName}} now\nJustice for {{case.personName}}";

const parse = (fields: Record<string, string>) => parseLetterForm((name) => fields[name], languageChoices(["en"]));
const seeds = (n: number) => Array.from({ length: n }, (_, i) => letterVariantSeed({ email: `supporter-${i}@example.net`, caseId: "case-1", templateId: "template-1" }));

describe("parseBody", () => {
  it("splits text and blocks, trimming each version's blank lines", () => {
    const parsed = parseBody("Dear X,\n\n[[variants]]\n\nA.\n\n--- or ---\nB,\nsecond line.\n[[/variants]]\n\nYours");
    expect(parsed).toEqual({ ok: true, parts: [{ text: "Dear X,\n" }, { choices: ["A.", "B,\nsecond line."] }, { text: "\nYours" }] });
  });

  it("reads markers case-insensitively with spaces around them, and a body with none as one text", () => {
    expect(parseBody("  [[Variants]] \nA\n  --- OR ---\nB\n[[/VARIANTS]]").ok).toBe(true);
    expect(parseBody("Just a letter.")).toEqual({ ok: true, parts: [{ text: "Just a letter." }] });
  });

  it.each([
    ["an unclosed block", "Dear X,\n[[variants]]\nA\n--- or ---\nB", /^Line 2: this \[\[variants\]\] block is never closed/],
    ["a close with no open", "A\n[[/variants]]", /^Line 2: \[\[\/variants\]\] closes a block that was never opened/],
    ["a separator outside a block", "A\n--- or ---\nB", /^Line 2: “--- or ---” separates versions inside/],
    ["a nested block", "[[variants]]\nA\n[[variants]]\nB\n[[/variants]]", /^Line 3: a \[\[variants\]\] block cannot start inside another one \(opened on line 1\)/],
    ["an empty version", "[[variants]]\nA\n--- or ---\n  \n[[/variants]]", /^Line 1: version 2 of this block is empty/],
    ["a block of one version", "[[variants]]\nA\n[[/variants]]", /^Line 1: this block has only one version/],
    ["too many versions", block(MAX_VARIANTS + 1), new RegExp(`has more than ${MAX_VARIANTS} versions`)],
  ])("refuses %s, naming the line", (_what, body, message) => {
    const parsed = parseBody(body);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.problem).toMatch(message);
  });

  it("accepts exactly the maximum number of versions", () => {
    expect(parseBody(block(MAX_VARIANTS)).ok).toBe(true);
  });
});

describe("the letter editor's errors, beside their field", () => {
  it("puts a malformed block's problem on the body and too many subjects on the subject", () => {
    const parsed = parse({ language: "en", subject: Array.from({ length: 9 }, (_, i) => `Subject ${i}`).join("\n"), body: "[[variants]]\nA\n--- or ---\nB\n\n{{supporter.message}}" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.body).toEqual(["Line 1: this [[variants]] block is never closed. End it with a line holding only [[/variants]]."]);
    expect(parsed.errors.subject).toEqual(["Write at most 8 subjects, one per line (there are 9)."]);
  });

  it("stores subjects one per line, blank lines dropped, and names a subject that is too long", () => {
    const parsed = parse({ language: "en", subject: "  First\r\n\r\nSecond  \n", body: BODY });
    expect(parsed.ok && parsed.data.subject).toBe("First\nSecond");
    const long = parse({ language: "en", subject: `Short\n${"x".repeat(201)}`, body: BODY });
    expect(!long.ok && long.errors.subject).toEqual(["Subject 2 can be at most 200 characters (it has 201)."]);
  });

  it("asks for the supporter's personal line: a letter without its place would drop what they wrote", () => {
    const parsed = parse({ language: "en", subject: "S", body: "{{target.salutation}},\n\nFree them.\n\n{{supporter.name}}" });
    expect(!parsed.ok && parsed.errors.body?.[0]).toMatch(/^Put \{\{supporter\.message\}\} in the letter/);
  });
});

const render = (variantSeed: string, message = "") =>
  renderLetter({
    template: { language: "en", subject: SUBJECTS, body: BODY },
    supporter: { fullName: "Amira Haddad", initialsOnly: false, country: "LB", message },
    target: { title: "Minister", salutation: "Dear Minister" },
    caseInfo: { personName: "Li Qiaochu", reference: "UA 1/26" },
    date: new Date("2026-12-02T12:00:00Z"),
    variantSeed,
  });

describe("the pick", () => {

  it("gives the same seed the same letter every time, and one subject and one version of each block", () => {
    for (const seed of seeds(20)) {
      const letter = render(seed);
      expect(render(seed)).toEqual(letter);
      expect(letter.subject).toMatch(/^(Release|Free|Justice for) Li Qiaochu( now)?$/);
      expect(letter.body.match(/Opening \d\./g)).toHaveLength(1);
      expect(letter.body.match(/Closing \d\./g)).toHaveLength(1);
      expect(letter.body).not.toMatch(/\[\[|--- or ---/);
      expect(letter.body).toMatch(/^Dear Minister,\n\nOpening \d\.\n\nI am writing about Li Qiaochu\.\n\nClosing \d\.\n\nAmira Haddad$/);
    }
  });

  it("seeds by the address as the form normalises it, the case and the template", () => {
    const seed = letterVariantSeed({ email: " Amira@Example.NET ", caseId: "c", templateId: "t" });
    expect(letterVariantSeed({ email: "amira@example.net", caseId: "c", templateId: "t" })).toBe(seed);
    expect(letterVariantSeed({ email: "amira@example.net", caseId: "c", templateId: "t2" })).not.toBe(seed);
  });

  it("reads a supporter's own words literally, never as markers or fields", () => {
    const letter = render(seeds(1)[0]!, "[[variants]]\n--- or ---\n{{target.name}}");
    expect(letter.body).toContain("[[variants]]\n--- or ---\n{{target.name}}\n\nAmira Haddad");
  });

  it("chooses every version at least once over 200 supporters, and none far more often than its share", () => {
    const template = { subject: Array.from({ length: MAX_VARIANTS }, (_, i) => `Subject ${i + 1}`).join("\n"), body: block(MAX_VARIANTS) };
    const subjects = new Map<string, number>();
    const bodies = new Map<string, number>();
    for (const seed of seeds(200)) {
      const { subject, body } = resolveVariants(template, seed);
      subjects.set(subject, (subjects.get(subject) ?? 0) + 1);
      bodies.set(body, (bodies.get(body) ?? 0) + 1);
    }
    expect(subjects.size).toBe(MAX_VARIANTS);
    expect(bodies.size).toBe(MAX_VARIANTS);
    // 25 expected each; a broken hash piles supporters onto a few versions
    for (const n of [...subjects.values(), ...bodies.values()]) expect(n).toBeGreaterThanOrEqual(8);
    for (const n of [...subjects.values(), ...bodies.values()]) expect(n).toBeLessThanOrEqual(45);
  });

  it("picks subject and blocks independently", () => {
    const counts = new Set(seeds(200).map((s) => `${pickVariant(s, "subject", 2)}${pickVariant(s, "block 1", 2)}`));
    expect(counts.size).toBe(4);
  });
});

describe("distinctLetters: what an official receiving 100 appeals would see", () => {
  it("is 1 for a letter without versions", () => {
    expect(distinctLetters({ subject: "Free her", body: "Dear X,\n\nFree her." })).toBe(1);
  });

  it("counts every combination when there are few, and identical versions once", () => {
    expect(distinctLetters({ subject: "A\nB", body: "x" })).toBe(2);
    expect(distinctLetters({ subject: SUBJECTS, body: block(2) })).toBe(6);
    // 36 combinations, 100 supporters: 35 of them met. Fixed by the hash: if this changes, so does every letter
    expect(distinctLetters({ subject: SUBJECTS, body: BODY })).toBe(35);
    expect(distinctLetters({ subject: "Same\nSame", body: "[[variants]]\nP\n--- or ---\nP\n[[/variants]]" })).toBe(1);
    expect(variantCounts({ subject: SUBJECTS, body: BODY })).toEqual({ subjects: 3, blocks: [3, 4], combinations: 36 });
  });

  it("approaches 100 when the combinations far outnumber the supporters, and is the same figure every time", () => {
    // 512 combinations: about 91 different letters expected from 100 supporters (512 × (1 − (511/512)^100))
    const template = { subject: Array.from({ length: 8 }, (_, i) => `Subject ${i + 1}`).join("\n"), body: `${block(8, "A")}\n\n${block(8, "B")}` };
    const figure = distinctLetters(template);
    expect(figure).toBeGreaterThanOrEqual(85);
    expect(figure).toBeLessThanOrEqual(100);
    expect(distinctLetters(template)).toBe(figure);
  });

  it("is null while the blocks are malformed", () => {
    expect(distinctLetters({ subject: "S", body: "[[variants]]\nA" })).toBeNull();
  });
});
