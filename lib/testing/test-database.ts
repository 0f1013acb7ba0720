// Per-test-file database and configuration. Each test file gets its own SQLite file in a fresh temp directory,
// migrated from scratch, so files can run in parallel and never see each other's rows.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { EnvSchema, resetEnv } from "../env";

type Vars = Record<string, string | undefined>;

const CONFIG_KEYS = Object.keys(EnvSchema.shape).filter((key) => key !== "NODE_ENV");

/** A fixed secret, so child processes spawned by a test hash client addresses the same way. */
export const TEST_AUTH_SECRET = "test-secret-that-is-at-least-32-characters-long";

function apply(vars: Vars): void {
  for (const [key, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  // env() caches its parse: make the next call see the change
  resetEnv();
}

/** Sets (or, with undefined, unsets) variables and returns a function that puts the previous values back. */
export function setEnv(vars: Vars): () => void {
  const previous: Vars = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  apply(vars);
  return () => apply(previous);
}

export type TestDatabase = { dir: string; databaseUrl: string; close(): Promise<void> };

/** Points DATABASE_URL at a new file, clears every other setting the shell may have (a developer's SMTP_URL
 * must never receive test mail), applies `vars`, and migrates. Call in beforeAll; call close() in afterAll. */
export async function useTestDatabase(vars: Vars = {}): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-test-"));
  const databaseUrl = `file:${path.join(dir, "test.db")}`;
  apply({
    ...Object.fromEntries(CONFIG_KEYS.map((key) => [key, undefined])),
    AUTH_SECRET: TEST_AUTH_SECRET,
    ...vars,
    DATABASE_URL: databaseUrl,
  });
  // dynamic imports: the database modules must first be loaded after DATABASE_URL is set
  const { migrateDatabase } = await import("@/db/client");
  migrateDatabase();
  return {
    dir,
    databaseUrl,
    async close() {
      const [{ closeDatabase }, { closeTransport }] = await Promise.all([import("@/db/client"), import("../mail/transport")]);
      closeTransport();
      closeDatabase();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
