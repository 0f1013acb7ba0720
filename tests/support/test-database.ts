// Per-test-file database and configuration. Each test file gets its own SQLite file in a fresh temp directory,
// copied from the template the global setup migrated once per run, so files can run in parallel and never see
// each other's rows. db/client opens the file on first use, so test files import the app's modules statically.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { closeDatabase } from "@/db/client";
import { EnvSchema, resetEnv } from "@/lib/env";
import { closeTransport } from "@/lib/mail/transport";

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

/** Points DATABASE_URL at a new copy of the migrated template, clears every other setting the shell may have
 * (a developer's SMTP_URL must never receive test mail) and applies `vars`. Call in beforeAll (or beforeEach),
 * before the first database call; call close() in afterAll. */
export async function useTestDatabase(vars: Vars = {}): Promise<TestDatabase> {
  const template = inject("templateDatabase");
  if (!template) throw new Error("no template database: run tests through vitest.config.ts (its globalSetup makes it)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-test-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(template, file);
  const databaseUrl = `file:${file}`;
  apply({
    ...Object.fromEntries(CONFIG_KEYS.map((key) => [key, undefined])),
    AUTH_SECRET: TEST_AUTH_SECRET,
    // pacing wide open unless a test sets it (lib/outbox/pacing.test.ts does, and an official's own rate still
    // applies): the other tests drain the outbox in real time, to officials who all share example.org
    PACE_DEFAULT_PER_HOUR: "1000000",
    PACE_DOMAIN_PER_HOUR: "0",
    ...vars,
    DATABASE_URL: databaseUrl,
  });
  return {
    dir,
    databaseUrl,
    async close() {
      closeTransport();
      closeDatabase();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
