import { describe, expect, it } from "vitest";
import { csvCell, signaturesCsv, type SignatureExportRow } from "./signatures-csv";

/** A strict RFC 4180 reader (every field quoted, as we write them), to read back what a spreadsheet would. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith("\uFEFF")).toBe(true);
  const body = text.slice(1);
  const records: string[][] = [];
  let i = 0;
  while (i < body.length) {
    const record: string[] = [];
    for (;;) {
      expect(body[i]).toBe('"');
      let value = "";
      i++;
      for (;;) {
        const ch = body[i];
        if (ch === undefined) throw new Error("unterminated field");
        if (ch === '"' && body[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (ch === '"') {
          i++;
          break;
        } else {
          value += ch;
          i++;
        }
      }
      record.push(value);
      if (body[i] === ",") {
        i++;
        continue;
      }
      expect(body.slice(i, i + 2)).toBe("\r\n");
      i += 2;
      break;
    }
    records.push(record);
  }
  return records;
}

const row = (fullName: string, extra: Partial<SignatureExportRow> = {}): SignatureExportRow => ({
  fullName,
  country: "GB",
  countryName: "United Kingdom",
  confirmedAt: new Date("2025-03-14T09:30:00.000Z"),
  email: null,
  ...extra,
});

describe("csvCell", () => {
  it.each([
    ['=HYPERLINK("http://x","click")', `"'=HYPERLINK(""http://x"",""click"")"`],
    ["+1", `"'+1"`],
    ["-2+3", `"'-2+3"`],
    ["@SUM(A1:A9)", `"'@SUM(A1:A9)"`],
    ["\t=1+1", `"'\t=1+1"`],
    ["\r=1+1", `"'\r=1+1"`],
  ])("neutralises %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([["Amira Haddad"], ["Seán O'Brien"], ["李明"], ["ليلى حداد"], ["Anne-Marie"], ["a=b"]])("leaves %j as it is, quoted", (value) => {
    expect(csvCell(value)).toBe(`"${value}"`);
  });

  it("keeps commas and doubles quotes inside the one cell", () => {
    expect(csvCell('Smith, John "Jack"')).toBe('"Smith, John ""Jack"""');
  });
});

describe("signaturesCsv", () => {
  it("starts with a UTF-8 BOM, a header, CRLF records, and reads back cell for cell", () => {
    const rows = [
      row('=HYPERLINK("http://x")'),
      row("+1"),
      row("@SUM"),
      row('Smith, John "Jack"', { email: "jack@example.org" }),
      row("李明", { country: "CN", countryName: "China" }),
      row("ليلى حداد", { country: "LB", countryName: "Lebanon" }),
      row("👩‍👩‍👧 Sam"),
    ];
    const csv = signaturesCsv(rows);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = parseCsv(csv);
    expect(records[0]).toEqual(["Name", "Country code", "Country", "Confirmed at (UTC)", "Email (only if they asked for updates)"]);
    expect(records.slice(1).map((r) => r[0])).toEqual(["'=HYPERLINK(\"http://x\")", "'+1", "'@SUM", 'Smith, John "Jack"', "李明", "ليلى حداد", "👩‍👩‍👧 Sam"]);
    expect(records[4]).toEqual(['Smith, John "Jack"', "GB", "United Kingdom", "2025-03-14T09:30:00.000Z", "jack@example.org"]);
    expect(records[5]?.[2]).toBe("China");
    expect(records[1]?.[4]).toBe("");
    for (const record of records) expect(record).toHaveLength(5);
    // no cell anywhere starts a formula
    for (const cell of records.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("is a header alone for no signatures", () => {
    expect(parseCsv(signaturesCsv([]))).toHaveLength(1);
  });
});
