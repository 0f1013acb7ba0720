import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countryCodeFromName } from "./country-names";
import { MissionImportError, parseMissionsCsv, REQUIRED_COLUMNS, requireValidMissionsCsv } from "./parse-missions-csv";

const FIXTURE = readFileSync(path.join(import.meta.dirname, "../../db/fixtures/missions-china.csv"), "utf8");
const HEADER =
  "operator;operatorQID;country;countryQID;city;cityQID;address;latitude;longitude;phone;email;website;facebook;twitter;youtube;picture;type;typeQID;creation;QID;";

/** One data row in the fixture's column order; only the columns the parser reads can be set. */
function row(fields: Partial<Record<"operator" | "country" | "city" | "address" | "phone" | "email" | "type" | "QID", string>>) {
  const f = { operator: "People's Republic of China", country: "Norway", city: "", address: "", phone: "", email: "", type: "embassy", QID: "", ...fields };
  return [f.operator, "http://www.wikidata.org/entity/Q148", f.country, "", f.city, "", f.address, "", "", f.phone, f.email, "", "", "", "", "", f.type, "", "", f.QID].join(";");
}

const csv = (...rows: string[]) => [HEADER, ...rows].join("\n") + "\n";

describe("parseMissionsCsv on the fixture", () => {
  const { missions, errors, skippedRows } = parseMissionsCsv({ text: FIXTURE });

  it("reads all 86 missions of the PRC in 61 host countries, with no errors", () => {
    expect(errors).toEqual([]);
    expect(skippedRows).toBe(0);
    expect(missions).toHaveLength(86);
    expect(new Set(missions.map((m) => m.hostCountry)).size).toBe(61);
    expect(missions.every((m) => m.operatorCountry === "CN")).toBe(true);
  });

  it("maps every country name in the fixture to an ISO code", () => {
    const names = new Set(FIXTURE.trim().split("\n").slice(1).map((line) => line.split(";")[2] ?? ""));
    expect(names.size).toBe(61);
    expect([...names].filter((name) => countryCodeFromName(name) === null)).toEqual([]);
  });

  it("keeps the Oslo embassy's real postal address and no email", () => {
    const oslo = missions.filter((m) => m.hostCountry === "NO");
    expect(oslo).toEqual([
      {
        operatorCountry: "CN",
        hostCountry: "NO",
        city: "Oslo Municipality",
        type: "embassy",
        closed: false,
        address: "Tuengen allé 2B, 0374 Oslo",
        email: null,
        phone: null,
        wikidataId: "Q19377147",
        name: "Embassy of the People's Republic of China in Norway",
      },
    ]);
  });

  it("strips the mailto: prefix from emails", () => {
    const emails = missions.flatMap((m) => (m.email ? [m.email] : []));
    expect(emails).toHaveLength(13);
    expect(emails).toContain("info@china-embassy.or.jp");
    expect(emails.some((e) => e.includes("mailto:"))).toBe(false);
  });

  it("maps the dataset's types, reads the defunct Houston consulate as closed", () => {
    const us = missions.filter((m) => m.hostCountry === "US");
    expect(us.map((m) => m.type).sort()).toEqual(["consulate", "consulate", "consulate", "consulate", "embassy", "other"]);
    expect(us.find((m) => m.type === "embassy")?.name).toBe("Embassy of the People's Republic of China in the United States of America");
    const houston = us.find((m) => m.city === "Houston");
    expect(houston).toMatchObject({ type: "other", closed: true, wikidataId: "Q97592714" });
    expect(missions.filter((m) => m.type === "embassy")).toHaveLength(59); // 55 "embassy" + 4 vice-ministerial
    expect(missions.find((m) => m.wikidataId === "Q53479024")?.name).toBe(
      "Consulate General of the People's Republic of China in Ōsaka, Japan",
    );
  });

  it("skips other operators' rows when asked for some operators only", () => {
    const text = csv(row({}), row({ operator: "France", country: "Norway" }), row({ operator: "Abkhazia" }));
    const result = parseMissionsCsv({ text, operatorCountries: ["CN"] });
    expect(result.errors).toEqual([]);
    expect(result.missions).toHaveLength(1);
    expect(result.skippedRows).toBe(2);
    expect(parseMissionsCsv({ text: FIXTURE, operatorCountries: ["FR"] })).toMatchObject({ missions: [], skippedRows: 86 });
  });
});

describe("parseMissionsCsv refuses what it cannot read", () => {
  it("names the missing columns of a wrong header, once", () => {
    const text = "operator;operatorQID;land;city;address;phone;mail;type;QID;\n" + row({});
    const { missions, errors } = parseMissionsCsv({ text });
    expect(missions).toEqual([]);
    expect(errors).toEqual([{ line: 1, message: 'The header lacks the columns "country", "email".' }]);
  });

  it("suggests semicolons when the file is comma-separated", () => {
    const { errors } = parseMissionsCsv({ text: HEADER.replaceAll(";", ",") + "\n" });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain(REQUIRED_COLUMNS.map((c) => `"${c}"`).join(", "));
    expect(errors[0]?.message).toContain("semicolons");
  });

  it("reports an empty file", () => {
    expect(parseMissionsCsv({ text: "" }).errors).toEqual([{ line: 1, message: "The file is empty." }]);
  });

  it("names the line of a row with the wrong number of fields", () => {
    const text = csv(row({}), `${row({})};extra;fields`, "People's Republic of China;Norway");
    const { missions, errors } = parseMissionsCsv({ text });
    expect(missions).toHaveLength(1);
    expect(errors).toEqual([
      { line: 3, message: "The row has 22 fields; the header has 20." },
      { line: 4, message: "The row has 2 fields; the header has 20." },
    ]);
  });

  it("names an unknown country and an unknown operator with the line", () => {
    const text = csv(row({ country: "Atlantis" }), row({}), row({ operator: "Freedonia", country: "" }));
    expect(parseMissionsCsv({ text }).errors).toEqual([
      { line: 2, message: 'Unknown country "Atlantis".' },
      { line: 4, message: 'Unknown operator country "Freedonia".' },
      { line: 4, message: "The country is empty." },
    ]);
  });

  it("refuses an email that is not a single plain address", () => {
    const text = csv(row({ email: "mailto:a@example.org, b@example.org" }), row({ email: "mailto:Embassy <a@example.org>" }));
    const { missions, errors } = parseMissionsCsv({ text });
    expect(missions).toEqual([]);
    expect(errors.map((e) => e.line)).toEqual([2, 3]);
    expect(errors[0]?.message).toMatch(/not a single plain email address/);
  });

  it("refuses an email with a line break: CRLF or a lone CR splits the row, which fails its field count", () => {
    for (const br of ["\r\n", "\r", "\n"]) {
      const text = csv(row({}), row({ email: `mailto:a@example.org${br}Bcc: c@example.org` }));
      const { missions, errors } = parseMissionsCsv({ text });
      expect(missions).toHaveLength(1);
      expect(errors.map((e) => e.line)).toEqual([3, 4]);
      expect(errors[0]?.message).toMatch(/fields; the header has 20/);
    }
  });

  it("refuses control and direction characters in a field", () => {
    const text = csv(row({ address: "Tuengen allé 2B\u202E, 0374 Oslo" }), row({ city: "Os\u0000lo" }));
    expect(parseMissionsCsv({ text }).errors).toEqual([
      { line: 2, message: "The address contains a control or direction character." },
      { line: 3, message: "The city contains a control or direction character." },
    ]);
  });

  it("refuses a QID that is not a Wikidata item", () => {
    const text = csv(row({ QID: "http://example.org/entity/Q1" }), row({ QID: "Q42" }));
    const { missions, errors } = parseMissionsCsv({ text });
    expect(errors).toEqual([{ line: 2, message: 'The QID "http://example.org/entity/Q1" is not a Wikidata item.' }]);
    expect(missions[0]?.wikidataId).toBe("Q42");
  });

  it("reads a literal quote as text and accepts CRLF files with a BOM", () => {
    const text = "\uFEFF" + csv(row({ address: '"Villa" Tuengen allé 2B; 0374 Oslo'.replace(";", ",") })).replaceAll("\n", "\r\n");
    const { missions, errors } = parseMissionsCsv({ text });
    expect(errors).toEqual([]);
    expect(missions[0]?.address).toBe('"Villa" Tuengen allé 2B, 0374 Oslo');
  });

  it("uses the ISO columns of newer exports when they are there", () => {
    const text = "operator;operatorISO;country;countryISO;city;address;phone;email;type;QID;\n" +
      "Some Label;CN;Kingdom of the Netherlands;NL;The Hague;;;mailto:x@example.org;consulate general;Q1";
    expect(parseMissionsCsv({ text })).toMatchObject({
      errors: [],
      missions: [{ operatorCountry: "CN", hostCountry: "NL", type: "consulate", email: "x@example.org", name: "Consulate General of Some Label in The Hague, Kingdom of the Netherlands" }],
    });
  });
});

describe("requireValidMissionsCsv", () => {
  it("returns the missions of a clean file", () => {
    expect(requireValidMissionsCsv({ text: FIXTURE })).toHaveLength(86);
  });

  it("throws one MissionImportError listing every problem, so nothing is half-imported", () => {
    const text = csv(row({}), row({ country: "Atlantis" }), "too;few");
    let thrown: unknown;
    try {
      requireValidMissionsCsv({ text });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MissionImportError);
    const error = thrown as MissionImportError;
    expect(error.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(error.message).toContain('line 3: Unknown country "Atlantis".');
    expect(error.message).toContain("line 4: The row has 2 fields");
  });
});

describe("countryCodeFromName", () => {
  it("knows Wikidata's labels and CLDR's names, in any spelling of accents and ampersands", () => {
    const cases: [string, string][] = [
      ["People's Republic of China", "CN"],
      ["United States of America", "US"],
      ["Kingdom of the Netherlands", "NL"],
      ["Netherlands", "NL"],
      ["United Kingdom", "GB"],
      ["Czech Republic", "CZ"],
      ["Czechia", "CZ"],
      ["Turkey", "TR"],
      ["Ivory Coast", "CI"],
      ["Côte d'Ivoire", "CI"],
      ["The Gambia", "GM"],
      ["São Tomé and Príncipe", "ST"],
      ["Saint Kitts and Nevis", "KN"],
      ["Bosnia and Herzegovina", "BA"],
      ["Myanmar", "MM"],
      ["Hong Kong", "HK"],
      ["Vatican", "VA"],
      ["Taiwan", "TW"],
      ["norway", "NO"],
    ];
    expect(Object.fromEntries(cases.map(([name]) => [name, countryCodeFromName(name)]))).toEqual(Object.fromEntries(cases));
  });

  it("returns null for a name it does not know", () => {
    expect(countryCodeFromName("Atlantis")).toBeNull();
    expect(countryCodeFromName("Abkhazia")).toBeNull();
    expect(countryCodeFromName("")).toBeNull();
  });
});
