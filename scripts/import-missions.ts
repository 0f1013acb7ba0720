// `npm run missions:import -- path/to/database_of_embassies.csv [--operator CN ...] [--demo]`: loads diplomatic
// missions from the database-of-embassies CSV into the missions table, in one transaction. A file with any
// problem is refused whole, every problem named with its line, and the command exits non-zero.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { databaseFile, migrateDatabase } from "../db/client";
import { EnvError, loadEnv } from "../lib/env";
import { isCountryCode } from "../lib/countries";
import { importMissions } from "../lib/missions/import-missions";
import { MissionImportError } from "../lib/missions/parse-missions-csv";

const USAGE = `Usage: npm run missions:import -- FILE.csv [--operator CN] [--demo]

Imports the diplomatic missions in FILE.csv (the database-of-embassies format: semicolon-separated, from
https://github.com/database-of-embassies/database-of-embassies). Missions are matched by their Wikidata
item, so importing a newer file updates them in place.
  --operator CC   import only the missions of this sending state (ISO code; repeat for several). The full
                  file names states Vigil cannot map (Abkhazia, the Order of Malta…): filter to the ones you need.
  --demo          replace every email with an example.org address (for a demo that must never mail an embassy).`;

function fail(message: string, code = 2): never {
  console.error(code === 2 ? `${message}\n\n${USAGE}` : message);
  process.exit(code);
}

function main() {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: {
        operator: { type: "string", short: "o", multiple: true },
        demo: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    fail((error as Error).message);
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return;
  }
  if (parsed.positionals.length !== 1) fail(parsed.positionals.length === 0 ? "Give the CSV file to import." : "Give exactly one CSV file.");
  const file = parsed.positionals[0]!;
  const operators = (parsed.values.operator ?? []).map((o) => o.toUpperCase());
  const unknown = operators.filter((o) => !isCountryCode(o));
  if (unknown.length > 0) fail(`--operator takes ISO country codes like CN (not ${unknown.map((o) => `"${o}"`).join(", ")}).`);

  let csv: string;
  try {
    csv = readFileSync(file, "utf8");
  } catch (error) {
    fail(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}.`, 1);
  }

  let env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message, 1);
    throw error;
  }
  migrateDatabase();
  try {
    const counts = importMissions({
      csv,
      demo: parsed.values.demo ?? false,
      operatorCountries: operators.length > 0 ? operators : undefined,
      source: path.basename(file),
    });
    console.log(`Imported ${file}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged.`);
    console.log(`Database: ${databaseFile(env.DATABASE_URL)}`);
  } catch (error) {
    if (error instanceof MissionImportError) fail(error.message, 1);
    throw error;
  }
}

main();
