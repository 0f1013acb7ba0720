import { describe, expect, it } from "vitest";
import {
  buildMailto,
  MAILTO_MAX_LENGTH,
  MAILTO_WARN_LENGTH,
  MailtoAddressError,
  mailtoLength,
  mailtoLengthLevel,
  type MailtoInput,
  type MailtoLinks,
} from "./mailto";

const input = (overrides: Partial<MailtoInput> = {}): MailtoInput => ({
  to: ["minister@justice.example.org"],
  subject: "Release Ilham Tohti",
  body: "Dear Minister,\n\nPlease release him.\n\nYours sincerely,\nA. Supporter",
  fallbackSubject: "Urgent action UA 27/20",
  ...overrides,
});

function fitting(links: MailtoLinks) {
  if (!links.fits) throw new Error(`expected the link to fit, length ${links.length}`);
  return links;
}

/** Splits a mailto: link into its path and decoded hfields, the way a mail client reads it. */
function parseMailto(link: string) {
  expect(link.startsWith("mailto:")).toBe(true);
  const [path = "", query = ""] = link.slice("mailto:".length).split("?");
  const fields = new Map<string, string>();
  for (const pair of query.split("&")) {
    const [name = "", value = ""] = pair.split("=");
    expect(fields.has(name)).toBe(false);
    fields.set(name, decodeURIComponent(value));
  }
  return { to: path.split(",").map(decodeURIComponent), fields, query };
}

describe("buildMailto", () => {
  it("puts officials in the path and copy targets in cc", () => {
    const links = fitting(
      buildMailto(input({ to: ["a@gov.example.org", "b@gov.example.org"], cc: ["embassy-cn-no.demo@example.org"] })),
    );
    expect(links.mailto.startsWith("mailto:a@gov.example.org,b@gov.example.org?cc=embassy-cn-no.demo@example.org&")).toBe(true);
    const parsed = parseMailto(links.mailto);
    expect(parsed.to).toEqual(["a@gov.example.org", "b@gov.example.org"]);
    expect(parsed.fields.get("cc")).toBe("embassy-cn-no.demo@example.org");
    expect(parsed.fields.get("subject")).toBe("Release Ilham Tohti");
    expect(links.length).toBe(links.mailto.length);
  });

  it("leaves cc out when there are no copy targets, and never repeats an address", () => {
    expect(fitting(buildMailto(input())).mailto).not.toContain("cc=");
    const links = fitting(buildMailto(input({ to: ["a@gov.example.org", "A@gov.example.org"], cc: ["a@gov.example.org"] })));
    expect(parseMailto(links.mailto).to).toEqual(["a@gov.example.org"]);
    expect(links.mailto).not.toContain("cc=");
  });

  it("writes every line break as CRLF, %0D%0A", () => {
    const links = fitting(buildMailto(input({ body: "one\ntwo\r\nthree\rfour" })));
    expect(parseMailto(links.mailto).fields.get("body")).toBe("one\r\ntwo\r\nthree\r\nfour");
    expect(links.mailto).toContain("one%0D%0Atwo%0D%0Athree%0D%0Afour");
    expect(links.mailto).not.toMatch(/%0A(?<!%0D%0A)/);
  });

  it("percent-encodes a Chinese and Uyghur subject and body as UTF-8 and decodes back equal", () => {
    const subject = "释放伊力哈木·土赫提 — ئىلھام توختىنى قويۇپ بېرىڭ";
    const body = "尊敬的部长：\n\nئىلھام توختى ئەركىنلىككە ئېرىشسۇن.\n\n此致\n敬礼";
    const links = fitting(buildMailto(input({ subject, body })));
    expect(links.mailto).toMatch(/^[\x21-\x7E]+$/); // nothing but printable ASCII in the link itself
    expect(links.mailto).toContain(encodeURIComponent("释放"));
    const parsed = parseMailto(links.mailto);
    expect(parsed.fields.get("subject")).toBe(subject);
    expect(parsed.fields.get("body")).toBe(body.replaceAll("\n", "\r\n"));
  });

  it("encodes & ? # % = + and spaces in subject and body, never as +", () => {
    const tricky = "A&B ?x=1 #frag 100% +plus";
    const links = fitting(buildMailto(input({ subject: tricky, body: tricky })));
    const { query, fields } = parseMailto(links.mailto);
    expect(query.split("&").map((p) => p.split("=")[0])).toEqual(["subject", "body"]);
    expect(query).not.toMatch(/[#?+ ]/);
    expect(query).toContain("A%26B%20%3Fx%3D1%20%23frag%20100%25%20%2Bplus");
    expect(fields.get("subject")).toBe(tricky);
    expect(fields.get("body")).toBe(tricky);
  });

  it("uses the fallback subject when the subject is blank or only whitespace", () => {
    for (const subject of ["", "   ", "\r\n\t "]) {
      const links = fitting(buildMailto(input({ subject })));
      expect(parseMailto(links.mailto).fields.get("subject")).toBe("Urgent action UA 27/20");
    }
    expect(() => buildMailto(input({ subject: " ", fallbackSubject: "" }))).toThrow(/blank/);
  });

  it("keeps a subject on one line", () => {
    const links = fitting(buildMailto(input({ subject: "Release\r\nhim" })));
    expect(parseMailto(links.mailto).fields.get("subject")).toBe("Release him");
  });

  it("encodes a + or % in an address, so no client reads a space or an escape", () => {
    const links = fitting(buildMailto(input({ to: ["office+ua%x@gov.example.org"] })));
    expect(links.mailto.startsWith("mailto:office%2Bua%25x@gov.example.org?")).toBe(true);
    expect(parseMailto(links.mailto).to).toEqual(["office+ua%x@gov.example.org"]);
  });

  it("refuses addresses with line breaks, commas, display names or none at all", () => {
    for (const bad of ["a@x.example.org\r\nBcc: c@x.example.org", "a@x.example.org,b@x.example.org", "Minister <a@x.example.org>", "not-an-address", "a@x.example.org?cc=b@x.example.org"]) {
      expect(() => buildMailto(input({ to: [bad] }))).toThrow(MailtoAddressError);
      expect(() => buildMailto(input({ cc: [bad] }))).toThrow(MailtoAddressError);
    }
    expect(() => buildMailto(input({ to: [] }))).toThrow(MailtoAddressError);
  });

  it("offers Gmail and Outlook web compose links with the same fields", () => {
    const links = fitting(buildMailto(input({ cc: ["copy@example.org"], subject: "A&B", body: "x\ny" })));
    const gmail = new URL(links.gmail);
    expect(gmail.origin + gmail.pathname).toBe("https://mail.google.com/mail/");
    expect(Object.fromEntries(gmail.searchParams)).toEqual({
      view: "cm",
      fs: "1",
      to: "minister@justice.example.org",
      cc: "copy@example.org",
      su: "A&B",
      body: "x\r\ny",
    });
    const outlook = new URL(links.outlook);
    expect(outlook.origin + outlook.pathname).toBe("https://outlook.office.com/mail/deeplink/compose");
    expect(Object.fromEntries(outlook.searchParams)).toEqual({
      to: "minister@justice.example.org",
      cc: "copy@example.org",
      subject: "A&B",
      body: "x\r\ny",
    });
    // Outlook's sign-in redirect turns a "+" into a literal plus: spaces must be %20.
    expect(links.outlook).not.toContain("+");
  });

  it("falls back to copy-the-letter when the link would exceed 2,000 characters", () => {
    const body = "Dear Minister,\n\n" + "I urge you to release him without delay. ".repeat(60);
    const links = buildMailto(input({ body, cc: ["copy@example.org"], subject: "" }));
    expect(links.fits).toBe(false);
    expect(links.length).toBeGreaterThan(MAILTO_MAX_LENGTH);
    if (links.fits) return;
    expect(links).toEqual({
      fits: false,
      length: links.length,
      to: ["minister@justice.example.org"],
      cc: ["copy@example.org"],
      subject: "Urgent action UA 27/20",
      body: body.replaceAll("\n", "\r\n"),
    });
    expect(Object.keys(links)).not.toContain("mailto");
  });

  it("offers the link at exactly 2,000 characters and not at 2,001", () => {
    const base = mailtoLength(input({ body: "" }));
    const atLimit = input({ body: "a".repeat(MAILTO_MAX_LENGTH - base) });
    const exact = buildMailto(atLimit);
    expect(exact.length).toBe(MAILTO_MAX_LENGTH);
    expect(fitting(exact).mailto.length).toBe(MAILTO_MAX_LENGTH);
    const over = buildMailto({ ...atLimit, body: `${atLimit.body}a` });
    expect(over.fits).toBe(false);
    expect(over.length).toBe(MAILTO_MAX_LENGTH + 1);
  });

  it("counts encoded characters: one Chinese character is nine, a line break six", () => {
    const base = mailtoLength(input({ body: "" }));
    expect(mailtoLength(input({ body: "释" }))).toBe(base + 9);
    expect(mailtoLength(input({ body: "\n" }))).toBe(base + 6);
  });

  it("survives a lone surrogate pasted into the letter", () => {
    const links = fitting(buildMailto(input({ body: "broken \uD83D here" })));
    expect(parseMailto(links.mailto).fields.get("body")).toBe("broken \uFFFD here");
  });
});

describe("mailtoLengthLevel", () => {
  it("warns above 1,600 and refuses above 2,000", () => {
    expect(mailtoLengthLevel(MAILTO_WARN_LENGTH)).toBe("ok");
    expect(mailtoLengthLevel(MAILTO_WARN_LENGTH + 1)).toBe("warn");
    expect(mailtoLengthLevel(MAILTO_MAX_LENGTH)).toBe("warn");
    expect(mailtoLengthLevel(MAILTO_MAX_LENGTH + 1)).toBe("too_long");
  });
});
