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

/**
 * A query prepared once per connection, for the hot paths (the sign POST runs a dozen): drizzle otherwise builds
 * the SQL string and SQLite prepares the statement again on every call, a third of the sign POST's CPU (decision
 * 028). `build` gets the connection and returns drizzle's `.prepare()` of a query whose values are
 * `sql.placeholder(…)`s; the statement lives as long as that connection (a reopened database gets its own).
 */
export function preparedFor<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const byConnection = new WeakMap<Db, Q>();
  return (db) => {
    let query = byConnection.get(db);
    if (query === undefined) {
      query = build(db);
      byConnection.set(db, query);
    }
    return query;
  };
}

/** Runs fn in a `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so two writers queue on the
 * busy timeout instead of one failing with SQLITE_BUSY halfway through. fn must be synchronous. */
export function writeTransaction<T>(fn: (tx: Db) => T): T {
  const { sqlite, db } = handle();
  return sqlite.transaction(() => fn(db)).immediate();
}

/** How many grouped writes share one commit at most: a bigger batch would hold the event loop longer. */
export const GROUP_LIMIT = 64;

type Queued = { fn: (tx: Db) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
const queued: Queued[] = [];
let flushScheduled = false;

/**
 * Like writeTransaction, but the calls made in one turn of the event loop (the sign and confirm POSTs that arrive
 * together) share ONE `BEGIN IMMEDIATE` … `COMMIT`, so one fsync (synchronous=FULL) makes all of them durable.
 * Each call runs in its own SAVEPOINT (a better-sqlite3 nested transaction): one that throws rolls back only its
 * own writes and its promise rejects; the others commit. Every promise settles only after the COMMIT returned,
 * so whatever the caller does after `await` (wakeOutbox, the 303) sees its rows durable and visible to other
 * connections. A failed BEGIN or COMMIT rejects the whole batch: none of it is stored. fn must be synchronous.
 * docs/decisions/027-group-commits.md
 */
export function groupedWrite<T>(fn: (tx: Db) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queued.push({ fn, resolve: resolve as (value: unknown) => void, reject });
    if (!flushScheduled) {
      flushScheduled = true;
      // after the I/O callbacks of this turn: the requests read together are committed together
      setImmediate(flushGroup);
    }
  });
}

function flushGroup(): void {
  flushScheduled = false;
  const batch = queued.splice(0, GROUP_LIMIT);
  if (queued.length > 0) {
    flushScheduled = true;
    setImmediate(flushGroup);
  }
  if (batch.length === 0) return;
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    const { sqlite, db } = handle();
    sqlite
      .transaction(() => {
        for (const call of batch) {
          try {
            // nested inside the outer transaction: a SAVEPOINT, released or rolled back on its own
            outcomes.push({ ok: true, value: sqlite.transaction(() => call.fn(db))() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })
      .immediate();
  } catch (error) {
    for (const call of batch) call.reject(error);
    return;
  }
  batch.forEach((call, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) call.resolve(outcome.value);
    else call.reject(outcome.error);
  });
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
