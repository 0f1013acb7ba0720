// The one rule for staff text fields (issue 8, low): one-line fields refuse line breaks, NUL and bidi overrides;
// texts of several lines keep their line breaks and refuse the rest; every script passes intact. Checked on each
// form that uses it: the case editor, updates, officials and letters.
import { describe, expect, it } from "vitest";
import { CaseInputSchema, CloseCaseSchema, readCaseFields } from "../cases/case-schemas";
import { letterTemplateSchema } from "../letters/schemas";
import { targetSchema } from "../targets/schemas";
import { parseUpdateForm } from "../updates/schemas";
import { breaksLine, hasHiddenControls } from "./text-rules";

const HOSTILE = {
  "a line break": "Release\nnow",
  "a carriage return": "Release\rnow",
  NUL: "Release\u0000now",
  "a right-to-left override": "Release \u202Ewon",
  "a left-to-right embedding": "Release \u202Anow",
  "a right-to-left isolate": "Release \u2067now\u2069",
  "a first-strong isolate": "Release \u2068now",
} as const;

// Uyghur (with a zero-width non-joiner), Arabic with a right-to-left mark, Chinese, and a mix
const SCRIPTS = ["ئىلھام توختى", "إلهام\u200Cتوختي", "الحرية لها\u200F", "伊力哈木·土赫提", "Ilham Tohti (ئىلھام توختى, 伊力哈木)"];

const validCase = (overrides: Record<string, string> = {}) =>
  readCaseFields({
    slug: "",
    reference: "UA 12/26",
    title: "Jailed for exposing torture",
    personName: "Amina Diallo",
    personNameLocal: "",
    pronouns: "she/her",
    photoAlt: "",
    photoCredit: "",
    country: "ML",
    tags: "africa, human rights",
    riskStatus: "detained",
    summary: "A lawyer was arrested.\nHer family has not seen her.",
    story: "## What happened\n\nShe was arrested on **Monday**.\n\tNobody was told.",
    actBefore: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    languages: "en",
    goal: "5000",
    ...overrides,
  });

const caseErrors = (overrides: Record<string, string>) => {
  const parsed = CaseInputSchema.safeParse(validCase(overrides));
  return parsed.success ? {} : (parsed.error.flatten().fieldErrors as Record<string, string[]>);
};

const ONE_LINE_CASE_FIELDS = ["reference", "title", "personName", "personNameLocal", "pronouns", "photoAlt", "photoCredit", "tags"] as const;
const MULTI_LINE_CASE_FIELDS = ["summary", "story"] as const;

describe("the shared rule", () => {
  it("tells a one-line field's line breaks, NUL and bidi overrides from ordinary text in any script", () => {
    for (const value of Object.values(HOSTILE)) expect(breaksLine(value)).toBe(true);
    for (const value of SCRIPTS) expect(breaksLine(value)).toBe(false);
    expect(hasHiddenControls("Line one\nLine two\n\n\tIndented")).toBe(false);
    for (const value of [HOSTILE.NUL, HOSTILE["a right-to-left override"], HOSTILE["a right-to-left isolate"], HOSTILE["a left-to-right embedding"]])
      expect(hasHiddenControls(value)).toBe(true);
  });
});

describe("the case editor", () => {
  it("accepts the valid case as typed", () => {
    expect(caseErrors({})).toEqual({});
  });

  for (const field of ONE_LINE_CASE_FIELDS) {
    for (const [what, value] of Object.entries(HOSTILE)) {
      it(`refuses ${what} in ${field}, next to that field alone`, () => {
        const errors = caseErrors({ [field]: value });
        expect(Object.keys(errors)).toEqual([field]);
        expect(errors[field]!.join(" ")).toMatch(/one line/);
      });
    }
  }

  for (const field of MULTI_LINE_CASE_FIELDS) {
    it(`keeps line breaks in ${field} but refuses NUL and bidi overrides there`, () => {
      expect(caseErrors({ [field]: "First paragraph.\n\nSecond paragraph." })).toEqual({});
      for (const value of [HOSTILE.NUL, HOSTILE["a right-to-left override"], HOSTILE["a right-to-left isolate"]]) {
        const errors = caseErrors({ [field]: value });
        expect(Object.keys(errors)).toEqual([field]);
        expect(errors[field]!.join(" ")).toMatch(/invisible control characters/);
      }
    });
  }

  it("keeps Arabic, Chinese and Uyghur text intact in every text field", () => {
    for (const text of SCRIPTS) {
      const parsed = CaseInputSchema.parse(validCase({ title: text, personName: text, personNameLocal: text, photoAlt: text, photoCredit: text, summary: text, story: text }));
      for (const field of ["title", "personName", "personNameLocal", "photoAlt", "photoCredit", "summary", "story"] as const) expect(parsed[field]).toBe(text);
    }
  });

  it("refuses NUL and overrides in a closing outcome, and keeps its line breaks", () => {
    expect(CloseCaseSchema.safeParse({ outcome: "Released.\nHome with her family.", outcomeStatus: "" }).success).toBe(true);
    expect(CloseCaseSchema.safeParse({ outcome: `Released.${HOSTILE.NUL}`, outcomeStatus: "" }).success).toBe(false);
    expect(CloseCaseSchema.safeParse({ outcome: `Released. ${HOSTILE["a right-to-left override"]}`, outcomeStatus: "" }).success).toBe(false);
  });
});

const update = (title: string, body = "What happened.\n\nMore.") =>
  parseUpdateForm((name) => ({ kind: "further_information", title, body, happenedOn: "2026-01-05", riskStatus: "" })[name]);
const target = (title: string) =>
  targetSchema(["en"]).safeParse({ role: "primary", title, postalAddress: "1 Road\nCity", country: "CN", salutation: "Dear Minister", language: "en" });
const letter = (subject: string, body: string) => letterTemplateSchema(["en"]).safeParse({ language: "en", subject, body });

describe("the other forms that use the same rule", () => {
  it("updates: a one-line title, a body with line breaks", () => {
    expect(update("Released on bail").ok).toBe(true);
    expect(update("伊力哈木 ئىلھام").ok).toBe(true);
    for (const value of Object.values(HOSTILE)) expect(update(value)).toMatchObject({ ok: false, errors: { title: [expect.any(String)] } });
    expect(update("Released", `Body ${HOSTILE["a right-to-left override"]}`)).toMatchObject({ ok: false, errors: { body: [expect.any(String)] } });
  });

  it("officials: a one-line title; letters: a one-line subject and a body with line breaks", () => {
    expect(target("Minister of Public Security").success).toBe(true);
    for (const value of Object.values(HOSTILE)) expect(target(value).success).toBe(false);

    expect(letter("Release {{case.personName}}", "{{target.salutation}},\n\nRelease them.\n\n{{supporter.message}}\n\n{{supporter.name}}").success).toBe(true);
    expect(letter(`Release ${HOSTILE["a right-to-left override"]}`, "Body").success).toBe(false);
    expect(letter("Release", `Body\n${HOSTILE.NUL}`).success).toBe(false);
  });
});
