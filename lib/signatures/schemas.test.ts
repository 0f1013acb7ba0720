import { describe, expect, it } from "vitest";
import { MESSAGE_MAX, NAME_MAX, normalizeEmail, parseSignForm, type ParsedSignForm } from "./schemas";

const VALID = { fullName: "Amira Haddad", email: "amira@example.org", country: "GB", message: "" };

function submit(fields: Record<string, string | undefined> = {}): ParsedSignForm {
  const merged: Record<string, string | undefined> = { ...VALID, ...fields };
  return parseSignForm(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function accepted(fields: Record<string, string | undefined>) {
  const result = submit(fields);
  if (!result.ok) throw new Error(`expected the form to be accepted, got ${JSON.stringify(result.errors)}`);
  return result.data;
}

function refused(fields: Record<string, string | undefined>) {
  const result = submit(fields);
  if (result.ok) throw new Error(`expected the form to be refused: ${JSON.stringify(fields)}`);
  return result.errors;
}

const NAMES = [
  ["Uyghur", "تاشپولات تېيىپ"],
  ["Chinese", "李明"],
  ["Chinese, three characters", "李桥楚"],
  ["Arabic", "ليلى حداد"],
  ["Persian with a ZWNJ", "می‌خواهم"],
  ["an emoji ZWJ sequence", "👩‍👩‍👧 Sam"],
  ["Irish", "Seán O'Brien"],
] as const;

describe("parseSignForm: names", () => {
  it.each(NAMES)("accepts a name in %s intact", (_, name) => {
    const data = accepted({ fullName: name });
    expect(data.fullName).toBe(name.normalize("NFC"));
    expect(data.fullName).toBe(name);
  });

  it("keeps the ZWNJ (U+200C) and the ZWJs (U+200D)", () => {
    expect(accepted({ fullName: "می‌خواهم" }).fullName).toContain("\u200C");
    expect([...accepted({ fullName: "👩‍👩‍👧 Sam" }).fullName].filter((c) => c === "\u200D")).toHaveLength(2);
  });

  it("stores a decomposed name in NFC and trims it", () => {
    expect(accepted({ fullName: "  Sea\u0301n O'Brien " }).fullName).toBe("Se\u00E1n O'Brien");
  });

  it.each([
    ["CR", "Amira\rHaddad"],
    ["LF", "Amira\nBcc: someone@example.org"],
    ["CRLF", "Amira\r\nHaddad"],
    ["NUL", "Amira\u0000Haddad"],
    ["TAB", "Amira\tHaddad"],
    ["U+202E right-to-left override", "Amira \u202Edaddah"],
    ["U+2066 left-to-right isolate", "Amira \u2066Haddad"],
    ["U+200B zero-width space", "Amira\u200BHaddad"],
    ["NUL at the end", "Amira Haddad\u0000"],
  ])("refuses %s in the name, on the name field", (_, fullName) => {
    const errors = refused({ fullName });
    // a key of messages/*.json "errors": the form shows it in the reader's language
    expect(errors.fullName?.[0]).toBe("name.control");
    expect(Object.keys(errors)).toEqual(["fullName"]);
  });

  it("refuses an empty name", () => {
    expect(refused({ fullName: "   " }).fullName).toHaveLength(1);
    expect(refused({ fullName: undefined }).fullName).toHaveLength(1);
  });

  it(`accepts ${NAME_MAX} code points and refuses ${NAME_MAX + 1}, counting an emoji as one`, () => {
    expect(accepted({ fullName: "a".repeat(NAME_MAX) }).fullName).toHaveLength(NAME_MAX);
    expect(refused({ fullName: "a".repeat(NAME_MAX + 1) }).fullName?.[0]).toBe(`name.tooLong?max=${NAME_MAX}`);
    // 😀 is two UTF-16 units: 100 of them is 200 string "length" but 100 code points
    const emoji = "😀".repeat(NAME_MAX);
    expect(emoji.length).toBe(NAME_MAX * 2);
    expect(accepted({ fullName: emoji }).fullName).toBe(emoji);
    expect(refused({ fullName: `${emoji}😀` }).fullName?.[0]).toBe(`name.tooLong?max=${NAME_MAX}`);
  });
});

describe("parseSignForm: message", () => {
  it(`accepts ${MESSAGE_MAX} code points and refuses ${MESSAGE_MAX + 1}`, () => {
    expect(accepted({ message: "m".repeat(MESSAGE_MAX) }).message).toHaveLength(MESSAGE_MAX);
    expect(accepted({ message: "😀".repeat(MESSAGE_MAX) }).message).toHaveLength(MESSAGE_MAX * 2);
    const errors = refused({ message: "m".repeat(MESSAGE_MAX + 1) });
    expect(errors.message?.[0]).toBe(`message.tooLong?max=${MESSAGE_MAX}&count=${MESSAGE_MAX + 1}`);
    expect(Object.keys(errors)).toEqual(["message"]);
  });

  it("keeps line breaks, as LF, and trims the ends", () => {
    expect(accepted({ message: "  Dear Minister,\r\n\r\nPlease act.\rThank you.\n" }).message).toBe("Dear Minister,\n\nPlease act.\nThank you.");
  });

  it.each([["NUL", "Hello\u0000"], ["U+202E", "Hello \u202Edlrow"], ["U+2066", "Hello \u2066world"], ["BEL", "Hello\u0007"]])(
    "refuses %s in the message",
    (_, message) => {
      expect(refused({ message }).message).toHaveLength(1);
    },
  );

  it("treats a missing message as empty", () => {
    expect(accepted({ message: undefined }).message).toBe("");
  });
});

describe("parseSignForm: email", () => {
  it.each([
    ["no dot in the domain", "a@b"],
    ["a display name", "Name <a@example.org>"],
    ["two addresses", "a@example.org, b@example.org"],
    ["two addresses with a semicolon", "a@example.org;b@example.org"],
    ["an injected header", "a@example.org\r\nBcc: x@example.org"],
    ["a quoted local part", '"quoted"@example.org'],
    ["a comment", "a(comment)@example.org"],
    ["a space", "a b@example.org"],
    ["a non-ASCII local part", "ä@example.org"],
    ["two @", "a@b@example.org"],
    ["no local part", "@example.org"],
    ["a dot at the start", ".a@example.org"],
    ["two dots in a row", "a..b@example.org"],
    ["a domain label starting with a hyphen", "a@-example.org"],
    ["a numeric top-level domain", "a@192.168.0.1"],
    ["an address literal", "a@[127.0.0.1]"],
    ["a right-to-left override", "a\u202E@example.org"],
    ["an overlong address", `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.org`],
    ["an overlong local part", `${"a".repeat(65)}@example.org`],
    ["nothing", ""],
  ])("refuses %s, on the email field", (_, email) => {
    const errors = refused({ email });
    expect(errors.email).toHaveLength(1);
    expect(Object.keys(errors)).toEqual(["email"]);
  });

  it("the overlong case is over 254 characters", () => {
    expect(`${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.org`.length).toBeGreaterThan(254);
  });

  it.each([
    ["a tag and dots", "first.last+tag@example.org"],
    ["an IDN domain", "x@müller.example"],
    ["upper case", "Amira.Haddad@Example.ORG"],
  ])("accepts %s", (_, email) => {
    expect(accepted({ email }).email).toBe(email);
  });

  it("trims an address and normalises it for comparison", () => {
    expect(accepted({ email: "  amira@example.org\n" }).email).toBe("amira@example.org");
    expect(normalizeEmail("Amira@EXAMPLE.org")).toBe(normalizeEmail("amira@example.org"));
    // one supporter however the domain is spelled: decomposed, composed or already punycode
    expect(normalizeEmail("X@Mu\u0308ller.example")).toBe("x@xn--mller-kva.example");
    expect(normalizeEmail("x@m\u00FCller.example")).toBe(normalizeEmail("x@xn--mller-kva.example"));
  });
});

describe("parseSignForm: the form itself", () => {
  it("refuses an unknown field", () => {
    const errors = refused({ phone: "+44 20 7946 0000" });
    expect(errors.form).toHaveLength(1);
    expect(errors.fullName).toBeUndefined();
  });

  it("refuses a repeated field, even with the same value", () => {
    const result = parseSignForm([...Object.entries(VALID), ["email", "amira@example.org"]]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.form).toHaveLength(1);
  });

  it("refuses a value that is not a string (a file upload)", () => {
    const result = parseSignForm([...Object.entries(VALID), ["initialsOnly", new Blob(["on"])]]);
    expect(!result.ok && result.errors.form).toHaveLength(1);
  });

  it("lets the caller ignore framework fields", () => {
    const result = parseSignForm([...Object.entries(VALID), ["$ACTION_ID_abc", ""]], (name) => name.startsWith("$ACTION_"));
    expect(result.ok).toBe(true);
  });

  it.each([["ZZ"], ["gb"], ["UK"], ["GBR"], [""]])("refuses the country %j", (country) => {
    const errors = refused({ country });
    expect(errors.country).toHaveLength(1);
    expect(Object.keys(errors)).toEqual(["country"]);
  });

  it("accepts an ISO code, and Kosovo", () => {
    expect(accepted({ country: "CN" }).country).toBe("CN");
    expect(accepted({ country: "XK" }).country).toBe("XK");
  });

  it("leaves checkboxes false unless ticked", () => {
    expect(accepted({})).toMatchObject({ initialsOnly: false, allowReply: false, followUpdates: false });
    expect(accepted({ initialsOnly: "on", allowReply: "on", followUpdates: "on" })).toMatchObject({ initialsOnly: true, allowReply: true, followUpdates: true });
    expect(refused({ allowReply: "yes please" }).allowReply).toHaveLength(1);
  });

  it("reports every bad field at once and returns the typed values (never the honeypot)", () => {
    const result = submit({ fullName: "A\nB", email: "a@b", country: "ZZ", website: "http://spam.example" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).toSorted()).toEqual(["country", "email", "fullName"]);
    expect(result.values).toMatchObject({ fullName: "A\nB", email: "a@b", country: "ZZ" });
    expect(result.values).not.toHaveProperty("website");
  });

  it("flags a filled honeypot without refusing the form", () => {
    const result = submit({ website: "http://spam.example" });
    expect(result.ok && result.honeypot).toBe(true);
    expect(submit({ website: "" })).toMatchObject({ ok: true, honeypot: false });
  });
});

describe("invisible characters", () => {
  it("refuses format characters that hide or reorder text, and keeps those names need", () => {
    for (const hidden of ["\u00AD", "\u206A", "\u180E", "\u3164", "\u2067", "\uFEFF"]) {
      expect(parseSignForm(Object.entries({ fullName: `Sam${hidden}Lee`, email: "sam@example.org", country: "GB" })).ok).toBe(false);
    }
    for (const name of ["می\u200Cخواهم", "👩\u200D👩\u200D👧 Sam", "Sam 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"]) {
      const parsed = parseSignForm(Object.entries({ fullName: name, email: "sam@example.org", country: "GB" }));
      expect(parsed.ok && parsed.data.fullName).toBe(name);
    }
  });
});
