// Diplomatic missions from the database-of-embassies CSV (Wikidata, CC0): semicolon-separated, never quoted,
// the header ending with ";" and the rows not. Pure: the import command reads the file, this decides what is
// in it, and the import refuses the whole file when there is any error (requireValidMissionsCsv).
// No "server-only": nothing here touches the database, and the demo seed parses the fixture from
// scripts/prepare.ts, which plain tsx runs without the react-server condition that "server-only" needs.
import { parse } from "csv-parse/sync";
import { isCountryCode, type CountryCode } from "../countries";
import { checkEmail } from "../signatures/schemas";
import { countryCodeFromName } from "./country-names";

export type MissionType = "embassy" | "consulate" | "other";

export type ParsedMission = {
  /** ISO alpha-2 of the sending state, e.g. CN. */
  operatorCountry: CountryCode;
  /** ISO alpha-2 of the country the mission is in. */
  hostCountry: CountryCode;
  /** As the dataset has it: sometimes a district or region (Mitte, California), not a city. */
  city: string | null;
  type: MissionType;
  /** True for a mission the dataset records as defunct: kept so an import is complete, never picked. */
  closed: boolean;
  address: string | null;
  /** Without the dataset's mailto: prefix; a single plain address. */
  email: string | null;
  phone: string | null;
  /** Q…, from the row's QID column. */
  wikidataId: string | null;
  /** e.g. "Embassy of the People's Republic of China in Norway". */
  name: string;
};

export type MissionCsvError = { line: number; message: string };
export type ParsedMissionsCsv = { missions: ParsedMission[]; errors: MissionCsvError[]; skippedRows: number };

/** Columns the parser reads, by name; every other column (coordinates, pictures, website…) is ignored. */
export const REQUIRED_COLUMNS = ["operator", "country", "city", "address", "phone", "email", "type", "QID"] as const;
// Newer exports of the dataset also carry ISO codes; when present and valid they win over the names.
const ISO_COLUMNS = { operator: "operatorISO", country: "countryISO" } as const;

export class MissionImportError extends Error {
  constructor(readonly errors: MissionCsvError[]) {
    const shown = errors.slice(0, 20).map((e) => `line ${e.line}: ${e.message}`);
    const more = errors.length > shown.length ? [`…and ${errors.length - shown.length} more`] : [];
    super(`The missions file was not imported (${errors.length} problem${errors.length === 1 ? "" : "s"}):\n${[...shown, ...more].join("\n")}`);
    this.name = "MissionImportError";
  }
}

// The dataset's type labels (English Wikidata classes). Unknown labels are "other": the class list is open.
const TYPES: Record<string, { type: MissionType; label: string; closed?: true }> = {
  embassy: { type: "embassy", label: "Embassy" },
  "high commission": { type: "embassy", label: "High Commission" },
  "apostolic nunciature": { type: "embassy", label: "Apostolic Nunciature" },
  // The PRC's embassies in Tokyo, Washington, Pyongyang and Abuja carry this Wikidata class instead of
  // "embassy"; reading them as "other" would send a US supporter's copy to a consulate.
  "vice-ministerial level institution": { type: "embassy", label: "Embassy" },
  "consulate general": { type: "consulate", label: "Consulate General" },
  "consulate-general": { type: "consulate", label: "Consulate General" },
  consulate: { type: "consulate", label: "Consulate" },
  "vice consulate": { type: "consulate", label: "Vice Consulate" },
  "honorary consulate": { type: "consulate", label: "Honorary Consulate" },
  "consular agency": { type: "consulate", label: "Consular Agency" },
  "defunct diplomatic mission": { type: "other", label: "Former diplomatic mission", closed: true },
};

// Control characters (a tab is read as a space), line and paragraph separators, bidi overrides and isolates:
// nothing that can hide text or break a letter's address block.
const FORBIDDEN = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const FIELD_MAX = 1000;
const QID = /^(?:https?:\/\/www\.wikidata\.org\/entity\/)?(Q[1-9]\d*)$/;
// "the People's Republic of China", "the United States of America", "the Netherlands"; not "the Norway".
const NEEDS_THE =
  /^(?:People's|Republic|Kingdom|United|State|Democratic|Federal|Federated|Islamic|Commonwealth|Principality|Grand Duchy|Sovereign|Holy See|Czech|Dominican|Central African)\b|\b(?:Republic|Islands|Emirates|Netherlands|Philippines|Bahamas|Gambia|Comoros|Maldives|Seychelles|Vatican)$/;

function withArticle(label: string): string {
  return NEEDS_THE.test(label) ? `the ${label}` : label;
}

function missionName(input: { typeLabel: string; type: MissionType; operator: string; host: string; city: string | null }) {
  const of = `${input.typeLabel} of ${withArticle(input.operator)}`;
  // Embassies are named after the country; consulates after their city, which tells them apart.
  if (input.type !== "embassy" && input.city) return `${of} in ${input.city}, ${input.host}`;
  return `${of} in ${withArticle(input.host)}`;
}

function typeOf(label: string) {
  const known = TYPES[label.toLowerCase()];
  if (known) return known;
  const typeLabel = label ? label.charAt(0).toUpperCase() + label.slice(1) : "Diplomatic mission";
  return { type: "other" as const, label: typeLabel };
}

type RowReader = (column: string) => string;

function countryOf(read: RowReader, nameColumn: "operator" | "country"): CountryCode | null {
  const iso = read(ISO_COLUMNS[nameColumn]).toUpperCase();
  if (isCountryCode(iso)) return iso;
  return countryCodeFromName(read(nameColumn));
}

function parseRow(read: RowReader, problems: string[]): ParsedMission | null {
  const operatorLabel = read("operator");
  const hostLabel = read("country");
  const operatorCountry = countryOf(read, "operator");
  const hostCountry = countryOf(read, "country");
  if (!operatorLabel) problems.push("The operator is empty.");
  else if (!operatorCountry) problems.push(`Unknown operator country "${operatorLabel}".`);
  if (!hostLabel) problems.push("The country is empty.");
  else if (!hostCountry) problems.push(`Unknown country "${hostLabel}".`);

  let email: string | null = read("email").replace(/^mailto:/i, "") || null;
  if (email !== null && checkEmail(email) !== null) {
    problems.push(`The email "${email}" is not a single plain email address.`);
    email = null;
  }
  const qid = read("QID");
  const wikidataId = qid ? (QID.exec(qid)?.[1] ?? null) : null;
  if (qid && !wikidataId) problems.push(`The QID "${qid}" is not a Wikidata item.`);

  if (problems.length > 0 || !operatorCountry || !hostCountry) return null;
  const { type, label: typeLabel, closed = false } = typeOf(read("type"));
  const city = read("city") || null;
  return {
    operatorCountry,
    hostCountry,
    city,
    type,
    closed,
    address: read("address") || null,
    email,
    phone: read("phone") || null,
    wikidataId,
    name: missionName({ typeLabel, type, operator: operatorLabel, host: hostLabel, city }),
  };
}

/**
 * Every mission in the file and every problem, each with its line number. With `operatorCountries`, rows of
 * other sending states (or of one we cannot name) are skipped, not checked: the full dataset has every
 * country's missions, and an import usually wants a few.
 */
export function parseMissionsCsv(input: { text: string; operatorCountries?: readonly string[] }): ParsedMissionsCsv {
  // The dataset is never quoted, so every record is one line; CR alone or CRLF counts as a line break, so a
  // stray CR splits a row (and fails its field count) instead of hiding inside a field.
  const text = input.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: ";",
      quote: false, // a literal " in an address is text, not the start of a quoted field
      relax_column_count: true, // counted below, so the error names the line
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { missions: [], errors: [{ line, message: "The file is not readable as semicolon-separated text." }], skippedRows: 0 };
  }

  const [head, ...rows] = records;
  if (!head) return { missions: [], errors: [{ line: 1, message: "The file is empty." }], skippedRows: 0 };
  const header = head.record.map((c) => c.trim());
  if (header.length > 1 && header.at(-1) === "") header.pop(); // the header ends with ";"
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    const hint = header.length === 1 ? " Is it separated by semicolons?" : "";
    const message = `The header lacks the column${missing.length > 1 ? "s" : ""} ${missing.map((c) => `"${c}"`).join(", ")}.${hint}`;
    return { missions: [], errors: [{ line: head.info.lines, message }], skippedRows: 0 };
  }
  const index = new Map(header.map((name, i) => [name, i]));
  const wanted = input.operatorCountries ? new Set(input.operatorCountries) : null;

  const missions: ParsedMission[] = [];
  const errors: MissionCsvError[] = [];
  let skippedRows = 0;
  for (const { record, info } of rows) {
    const line = info.lines;
    // A row may end with ";" like the header does.
    const fields = record.length === header.length + 1 && record.at(-1) === "" ? record.slice(0, -1) : record;
    if (fields.length !== header.length) {
      errors.push({ line, message: `The row has ${fields.length} fields; the header has ${header.length}.` });
      continue;
    }
    const read: RowReader = (column) => {
      const i = index.get(column);
      return i === undefined ? "" : (fields[i] ?? "").replaceAll("\t", " ").trim();
    };
    if (wanted) {
      const operator = countryOf(read, "operator");
      if (!operator || !wanted.has(operator)) {
        skippedRows += 1;
        continue;
      }
    }
    const problems: string[] = [];
    for (const column of REQUIRED_COLUMNS) {
      const value = read(column);
      if (FORBIDDEN.test(value)) problems.push(`The ${column} contains a control or direction character.`);
      else if (value.length > FIELD_MAX) problems.push(`The ${column} is longer than ${FIELD_MAX} characters.`);
    }
    const mission = problems.length > 0 ? null : parseRow(read, problems);
    if (mission) missions.push(mission);
    for (const message of problems) errors.push({ line, message });
  }
  return { missions, errors, skippedRows };
}

/** The missions, or a MissionImportError listing every problem: an import never half-applies. */
export function requireValidMissionsCsv(input: { text: string; operatorCountries?: readonly string[] }): ParsedMission[] {
  const { missions, errors } = parseMissionsCsv(input);
  if (errors.length > 0) throw new MissionImportError(errors);
  return missions;
}
