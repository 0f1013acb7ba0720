// English country names, as the database of embassies writes them (Wikidata labels, some shortened by its
// generator), to ISO 3166-1 alpha-2 codes. The map is built from our own code list with Intl.DisplayNames, so
// it needs no list of names of its own; the aliases cover the labels where Wikidata and CLDR disagree.
import { COUNTRY_CODES, type CountryCode } from "../countries";

// Wikidata label (or the dataset's shortened form) → code, only where the CLDR English name differs after
// normalising. A label absent from both stays unmapped: an import names it rather than guessing.
const ALIASES: Record<string, CountryCode> = {
  "People's Republic of China": "CN",
  "Republic of China": "TW",
  "United States of America": "US",
  "Kingdom of the Netherlands": "NL",
  "Kingdom of Denmark": "DK",
  "Czech Republic": "CZ",
  Turkey: "TR",
  Palestine: "PS",
  "State of Palestine": "PS",
  "Ivory Coast": "CI",
  "Democratic Republic of the Congo": "CD",
  "Republic of the Congo": "CG",
  "Federated States of Micronesia": "FM",
  "East Timor": "TL",
  "Hong Kong": "HK",
  Macau: "MO",
  Macao: "MO",
  Myanmar: "MM",
  Burma: "MM",
  Vatican: "VA",
  "Holy See": "VA",
  Swaziland: "SZ",
  "Sahrawi Arab Democratic Republic": "EH",
  "Republic of Ireland": "IE",
  "Saint Martin": "MF",
  "United States Virgin Islands": "VI",
  "Åland": "AX",
  "Saint Barthélemy": "BL",
  "Saint Helena, Ascension and Tristan da Cunha": "SH",
};

/** One spelling for comparison: no accents, no case, "&" as "and", "St." as "Saint", no leading "the",
 * apostrophes and punctuation dropped. */
function normalise(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replaceAll("&", " and ")
    .replace(/\bst\.\s*/g, "saint ")
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

let byName: Map<string, CountryCode> | null = null;

function nameMap(): Map<string, CountryCode> {
  if (byName) return byName;
  const map = new Map<string, CountryCode>();
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  for (const code of COUNTRY_CODES) {
    const name = names.of(code);
    if (!name || name === code) continue;
    map.set(normalise(name), code);
    // "Myanmar (Burma)", "Hong Kong SAR China": the part before the qualifier is the name people use.
    const short = name.replace(/\s*\(.*\)$/, "").replace(/\s+SAR China$/, "");
    if (short !== name && !map.has(normalise(short))) map.set(normalise(short), code);
  }
  for (const [alias, code] of Object.entries(ALIASES)) map.set(normalise(alias), code);
  byName = map;
  return map;
}

/** The ISO code for an English country name, or null when we do not know it. */
export function countryCodeFromName(name: string): CountryCode | null {
  return nameMap().get(normalise(name)) ?? null;
}
