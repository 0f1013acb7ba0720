// Vitest global setup: migrates ONE template SQLite file per run, so each test file starts from a copy of it
// (useTestDatabase) instead of replaying every migration itself (epic-stack decision 038; STYLE.md item 12).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { TestProject } from "vitest/node";
import { migrationsFolder, openDatabase } from "@/db/client";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of the migrated template database; copy it, never open it for writing. */
    templateDatabase: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-template-"));
  const file = path.join(dir, "template.db");
  const { sqlite, db } = openDatabase(file);
  migrate(db, { migrationsFolder: migrationsFolder() });
  // closing checkpoints the WAL into the main file, so copying template.db alone copies everything
  sqlite.close();
  project.provide("templateDatabase", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
