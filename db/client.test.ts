import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("pendingMigrationCount", () => {
  it("counts every migration on a new database and none once migrated", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-migrate-"));
    const previousUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `file:${path.join(dir, "migrate-test.db")}`;
    const { closeDatabase, migrateDatabase, migrationsFolder, pendingMigrationCount } = await import("./client");
    try {
      const all = fs.readdirSync(migrationsFolder()).filter((f) => f.endsWith(".sql")).length;
      expect(all).toBeGreaterThan(0);
      expect(pendingMigrationCount()).toBe(all);
      migrateDatabase();
      expect(pendingMigrationCount()).toBe(0);
    } finally {
      closeDatabase();
      if (previousUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previousUrl;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe("openDatabase file modes", () => {

  it("makes the data folder 0700 and the database, -wal and -shm files 0600", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-modes-"));
    const { openDatabase } = await import("./client");
    const file = path.join(root, "data", "vigil.db");
    const handle = openDatabase(file);
    try {
      handle.sqlite.exec("create table t (x text); insert into t values ('a');");
      expect(mode(path.join(root, "data"))).toBe(0o700);
      expect(mode(file)).toBe(0o600);
      expect(mode(`${file}-wal`)).toBe(0o600);
      expect(mode(`${file}-shm`)).toBe(0o600);
    } finally {
      handle.sqlite.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("tightens a database file an earlier version left readable by everyone, and leaves an existing folder alone", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-modes-"));
    fs.chmodSync(root, 0o755);
    const file = path.join(root, "old.db");
    fs.writeFileSync(file, "", { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    const { openDatabase } = await import("./client");
    const handle = openDatabase(file);
    try {
      expect(mode(file)).toBe(0o600);
      expect(mode(root)).toBe(0o755);
    } finally {
      handle.sqlite.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
