// Before the server starts: check configuration, apply migrations, and seed the demo cases into an empty
// database. Safe to run any number of times.
import { migrateDatabase, databaseFile } from "../db/client";
import { EnvError, loadEnv } from "../lib/env";

async function main() {
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  migrateDatabase();
  // SQL cannot run the provider rules of the canonical address: existing keys are brought up to date here
  const { recomputeCanonicalEmails } = await import("../lib/signatures/recompute-canonical-emails");
  const canonical = recomputeCanonicalEmails();
  if (canonical.rekeyed + canonical.merged + canonical.offered + canonical.dropped > 0) {
    console.log(
      `One person, one count: ${canonical.rekeyed} signature addresses re-keyed; ${canonical.merged} confirmed duplicates merged ` +
        `(no longer counted), ${canonical.offered} pending duplicates kept as second links, ${canonical.dropped} pending duplicates of ` +
        `confirmed signatures removed. Each is in the audit log as "signature.merge".`,
    );
  }
  if (!process.argv.includes("--no-seed")) {
    const { seedDemoCases } = await import("../db/seed");
    const seeded = seedDemoCases();
    console.log(seeded > 0 ? `Seeded ${seeded} demo cases.` : "Database already has cases; demo seed skipped.");
  }
  console.log(`Database: ${databaseFile(env.DATABASE_URL)}`);
}

await main();
