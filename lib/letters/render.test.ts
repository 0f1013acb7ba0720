import { describe, expect, it } from "vitest";
import {
  findUnknownFields,
  formatLetterDate,
  initialsOf,
  LetterTemplateError,
  MERGE_FIELDS,
  renderLetter,
  type LetterSupporter,
  type LetterTemplate,
} from "./render";

const EVERY_FIELD_BODY = `{{target.salutation}},

To {{target.name}}, {{target.title}}, {{target.office}}:

I write about {{case.personName}} ({{case.reference}}).

{{supporter.message}}

Yours sincerely,
{{supporter.name}}
{{supporter.country}}
{{date}}`;

const template = (overrides: Partial<LetterTemplate> = {}): LetterTemplate => ({
  subject: "Release {{case.personName}} now ({{ case.reference }})",
  body: EVERY_FIELD_BODY,
  language: "en",
  ...overrides,
});

const supporter = (overrides: Partial<LetterSupporter> = {}): LetterSupporter => ({
  fullName: "Amira Haddad",
  initialsOnly: false,
  country: "GB",
  message: "Please release her.",
  ...overrides,
});

const target = { title: "Minister of Justice", name: "Wang Min", office: "Ministry of Justice", salutation: "Dear Minister" };
const caseInfo = { personName: "Li Qiaochu", reference: "UA 27/20" };
const date = new Date("2020-03-17T12:00:00Z");

const render = (input: { template?: LetterTemplate; supporter?: LetterSupporter; target?: typeof target } = {}) =>
  renderLetter({ template: input.template ?? template(), supporter: input.supporter ?? supporter(), target: input.target ?? target, caseInfo, date, variantSeed: "test supporter" });

describe("renderLetter", () => {
  it("fills every merge field", () => {
    const letter = render();
    expect(letter.subject).toBe("Release Li Qiaochu now (UA 27/20)");
    expect(letter.body).toBe(`Dear Minister,

To Wang Min, Minister of Justice, Ministry of Justice:

I write about Li Qiaochu (UA 27/20).

Please release her.

Yours sincerely,
Amira Haddad
United Kingdom
March 17, 2020`);
    // the template used every field the renderer knows, and none is left unfilled
    expect(Object.keys(MERGE_FIELDS).every((f) => EVERY_FIELD_BODY.includes(`{{${f}}}`))).toBe(true);
    expect(letter.body).not.toMatch(/\{\{|\}\}/);
  });

  it("refuses an unknown field, naming it", () => {
    const bad = template({ body: `${EVERY_FIELD_BODY}\nCall me on {{supporter.phone}}` });
    const error = (() => {
      try {
        render({ template: bad });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(LetterTemplateError);
    expect((error as LetterTemplateError).unknownFields).toEqual(["supporter.phone"]);
    expect((error as Error).message).toContain("{{supporter.phone}}");
  });

  it("finds unknown fields and unbalanced braces in subject and body", () => {
    expect(findUnknownFields("Dear {{target.name}}", "{{date}}")).toEqual([]);
    expect(findUnknownFields("Dear {{target.name}", "ok")).toEqual(["unbalanced {{ or }}"]);
    expect(findUnknownFields("ok", "Dear target.name}}")).toEqual(["unbalanced {{ or }}"]);
    expect(findUnknownFields("{{nope}} and {{ case.title }}", "{{nope}}")).toEqual(["nope", "case.title"]);
    expect(() => render({ template: template({ subject: "Release {{case.personName}" }) })).toThrow(LetterTemplateError);
  });

  it.each([[null], [undefined], [""], ["   \n  "]])("drops the message line and the blank line after it for the message %j", (message) => {
    const expected = `Dear Minister,

To Wang Min, Minister of Justice, Ministry of Justice:

I write about Li Qiaochu (UA 27/20).

Yours sincerely,
Amira Haddad`;
    expect(render({ supporter: supporter({ message }) }).body.startsWith(expected)).toBe(true);
  });

  it("does not expand merge fields a supporter typed into their message", () => {
    const letter = render({ supporter: supporter({ message: "My own {{date}} and {{supporter.phone}} and $& $1" }) });
    expect(letter.body).toContain("\nMy own {{date}} and {{supporter.phone}} and $& $1\n");
  });

  it("keeps a multi-line message's line breaks", () => {
    expect(render({ supporter: supporter({ message: "First line.\nSecond line." }) }).body).toContain("\n\nFirst line.\nSecond line.\n\n");
  });

  it("writes initials when the supporter asked for them", () => {
    expect(initialsOf("Li Qiaochu")).toBe("L. Q.");
    expect(initialsOf("  li   qiaochu ")).toBe("L. Q.");
    expect(initialsOf("李桥楚")).toBe("李.");
    expect(initialsOf("👩‍👩‍👧 Sam")).toBe("👩‍👩‍👧. S.");
    expect(initialsOf("تاشپولات تېيىپ")).toBe("ت. ت.");
    const letter = render({ supporter: supporter({ fullName: "Amira Haddad", initialsOnly: true }) });
    expect(letter.body).toContain("\nA. H.\n");
    expect(letter.body).not.toContain("Amira");
    expect(letter.body).not.toContain("Haddad");
  });

  it.each([
    ["Uyghur", "تاشپولات تېيىپ"],
    ["Chinese", "李明"],
    ["Arabic", "ليلى حداد"],
    ["Persian with a zero-width non-joiner", "می‌خواهم"],
    ["an emoji ZWJ sequence", "👩‍👩‍👧 Sam"],
    ["an Irish name with an apostrophe", "Seán O'Brien"],
  ])("keeps a name in %s intact", (_, name) => {
    const letter = render({ supporter: supporter({ fullName: name }) });
    expect(letter.body.split("\n")).toContain(name);
  });

  it("keeps the ZWNJ in a Persian name", () => {
    const letter = render({ supporter: supporter({ fullName: "می‌خواهم" }) });
    expect(letter.body).toContain("می\u200Cخواهم");
  });

  it("formats the date and the supporter's country in the letter's language", () => {
    const french = render({ template: template({ language: "fr" }), supporter: supporter({ country: "DE" }) });
    expect(french.body).toMatch(/\nAllemagne\n17 mars 2020$/);
    const german = render({ template: template({ language: "de" }) });
    expect(german.body.endsWith("\n17. März 2020")).toBe(true);
    expect(formatLetterDate(date, "zh")).toBe("2020年3月17日");
    // a language tag Intl cannot read falls back to an unambiguous ISO date rather than failing the send
    expect(formatLetterDate(date, "not a language")).toBe("2020-03-17");
  });

  it("never puts a line break in the subject, even when a field has one", () => {
    const letter = render({
      template: template({ subject: "Appeal to {{target.title}} for {{case.personName}}" }),
      target: { ...target, title: "Minister\r\nBcc: someone@example.org\n" },
    });
    expect(letter.subject).not.toMatch(/[\r\n]/);
    expect(letter.subject).toBe("Appeal to Minister Bcc: someone@example.org for Li Qiaochu");
  });
});
