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
