// The one SQLite connection of a process. Opened lazily (next build imports this module while collecting page
// data), shared through globalThis because Next bundles instrumentation and routes separately and each bundle
// would otherwise open its own connection.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;

type Handle = { file: string; sqlite: Database.Database; db: Db };
const KEY = Symbol.for("vigil.db");
const store = globalThis as unknown as { [KEY]?: Handle };

export const DEFAULT_DATABASE_URL = "file:./data/vigil.db";

export function databaseFile(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): string {
  const file = url.startsWith("file:") ? url.slice("file:".length) : url;
  return path.resolve(file);
}

/** The database holds supporters' names, addresses and messages: its folder (when we make it) and its files are
 * this account's only. SQLite gives the -wal and -shm files the mode of the database file, so that file is made
 * 0600 before SQLite first opens it; an existing one is tightened too (umask 022 made it 0644). A folder that
 * exists already is left as it is: it may be shared (DATABASE_URL=file:/srv/vigil.db). */
function restrictFiles(file: string): void {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, "a", 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
  }
}

export function openDatabase(file: string): Handle {
  restrictFiles(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  // FULL survives power loss as well as a killed process; measured at ~6,400 commits/s here (docs/benchmarks.md)
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  // Deleted and overwritten content is zeroed, not left in free pages where `strings vigil.db` would find a
  // supporter's name long after the retention job or an erasure removed it (docs/decisions, retention and erasure)
  sqlite.pragma("secure_delete = ON");
  return { file, sqlite, db: drizzle(sqlite, { schema }) };
}

function handle(): Handle {
  const file = databaseFile();
  const current = store[KEY];
  if (current && current.file === file) return current;
  current?.sqlite.close();
  const next = openDatabase(file);
  store[KEY] = next;
  return next;
}

export function getDb(): Db {
  return handle().db;
}

/** Runs fn in a `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so two writers queue on the
 * busy timeout instead of one failing with SQLITE_BUSY halfway through. fn must be synchronous. */
export function writeTransaction<T>(fn: (tx: Db) => T): T {
  const { sqlite, db } = handle();
  return sqlite.transaction(() => fn(db)).immediate();
}

export function migrationsFolder(): string {
  return path.resolve(process.cwd(), "db/migrations");
}

export function migrateDatabase(): void {
  migrate(getDb(), { migrationsFolder: migrationsFolder() });
}

/** How many migrations this database lacks, by drizzle's own rule (one newer than the last applied). The server
 * checks this instead of migrating a second time: scripts/prepare.ts migrates once per start. */
export function pendingMigrationCount(): number {
  const { sqlite } = handle();
  const tracked = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  const last = tracked ? (sqlite.prepare("select max(created_at) as at from __drizzle_migrations").get() as { at: number | null }).at : null;
  return readMigrationFiles({ migrationsFolder: migrationsFolder() }).filter((m) => last === null || Number(last) < m.folderMillis).length;
}

export function closeDatabase(): void {
  store[KEY]?.sqlite.close();
  delete store[KEY];
}
