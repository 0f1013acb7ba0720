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
  if (!process.argv.includes("--no-seed")) {
    const { seedDemoCases } = await import("../db/seed");
    const seeded = seedDemoCases();
    console.log(seeded > 0 ? `Seeded ${seeded} demo cases.` : "Database already has cases; demo seed skipped.");
  }
  console.log(`Database: ${databaseFile(env.DATABASE_URL)}`);
}

await main();
