// The missions import against a real SQLite file: the fixture in, a re-import that changes nothing, a changed
// file that updates in place, and broken files that change nothing at all.
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, writeTransaction } from "@/db/client";
import { auditLog, missions } from "@/db/schema";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { getLastMissionImport, getMissionCoverage, listMissionCoverage } from "./queries";
import { importMissions } from "./import-missions";
import { MissionImportError } from "./parse-missions-csv";

const FIXTURE = readFileSync(path.join(import.meta.dirname, "../../db/fixtures/missions-china.csv"), "utf8");
const [HEADER = "", ...ROWS] = FIXTURE.trimEnd().split("\n");

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.close());

const all = () => getDb().select().from(missions).all();
const snapshot = () => JSON.stringify(all().toSorted((a, b) => a.sourceKey.localeCompare(b.sourceKey)));

function thrown(fn: () => unknown): MissionImportError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MissionImportError) return error;
    throw error;
  }
  throw new Error("expected a MissionImportError");
}

describe("importMissions", () => {
  it("imports the fixture's 86 missions, keyed by their Wikidata items", () => {
    const counts = importMissions({ csv: FIXTURE, now: new Date("2026-12-01T10:00:00Z"), source: "missions-china.csv" });
    expect(counts).toEqual({ added: 86, updated: 0, unchanged: 0 });
    const rows = all();
    expect(rows).toHaveLength(86);
    expect(new Set(rows.map((r) => r.sourceKey)).size).toBe(86);
    const oslo = rows.find((r) => r.hostCountry === "NO");
    expect(oslo).toMatchObject({ sourceKey: "Q19377147", type: "embassy", address: "Tuengen allé 2B, 0374 Oslo", email: null, closed: false });
    expect(rows.find((r) => r.wikidataId === "Q97592714")?.closed).toBe(true); // Houston, defunct
    expect(rows.filter((r) => r.email).every((r) => !r.email!.endsWith("example.org"))).toBe(true);
    expect(getLastMissionImport()).toMatchObject({ added: 86, updated: 0, unchanged: 0, demo: false, source: "missions-china.csv" });
  });

  it("counts coverage by the channel each supporter's country would get", () => {
    const cn = getMissionCoverage({ operatorCountry: "CN" });
    expect(cn).toMatchObject({ operatorCountry: "CN", missions: 86, hostCountries: 61 });
    // Oslo has only an address; Ulaanbaatar has both, so email wins
    expect(cn.postOnly).toBe(1);
    expect(cn.withEmail).toBeGreaterThanOrEqual(10);
    expect(listMissionCoverage()).toEqual([cn]);
    expect(getMissionCoverage({ operatorCountry: "FR" })).toEqual({ operatorCountry: "FR", missions: 0, hostCountries: 0, withEmail: 0, postOnly: 0 });
  });

  it("is idempotent: importing the same file again changes nothing", () => {
    const before = snapshot();
    expect(importMissions({ csv: FIXTURE, now: new Date("2026-12-02T10:00:00Z") })).toEqual({ added: 0, updated: 0, unchanged: 86 });
    expect(snapshot()).toBe(before);
  });

  it("updates a changed row in place and adds a new one", () => {
    const changed = ROWS.map((r) => (r.includes("Q19377147") ? r.replace("Tuengen allé 2B, 0374 Oslo", "Tuengen allé 2C, 0374 Oslo") : r));
    const extra = ROWS.find((r) => r.includes("Q19377147"))!.replace("Q19377147", "Q999999999").replace(";embassy;", ";consulate general;");
    const before = getDb().select().from(missions).where(eq(missions.sourceKey, "Q19377147")).get()!;
    const counts = importMissions({ csv: [HEADER, ...changed, extra].join("\n"), now: new Date("2026-12-03T10:00:00Z") });
    expect(counts).toEqual({ added: 1, updated: 1, unchanged: 85 });
    const after = getDb().select().from(missions).where(eq(missions.sourceKey, "Q19377147")).get()!;
    expect(after).toMatchObject({ id: before.id, address: "Tuengen allé 2C, 0374 Oslo", createdAt: before.createdAt });
    expect(after.updatedAt.toISOString()).toBe("2026-12-03T10:00:00.000Z");
    expect(all()).toHaveLength(87);
  });

  it("demo mode replaces every email with an example.org address and keeps the postal addresses", () => {
    const counts = importMissions({ csv: FIXTURE, demo: true, now: new Date("2026-12-04T10:00:00Z") });
    expect(counts.updated).toBe(14); // 13 emails replaced, Oslo's address put back
    const emails = all().flatMap((r) => (r.email ? [r.email] : []));
    expect(emails).toHaveLength(13);
    expect(emails.every((e) => e.endsWith(".demo@example.org"))).toBe(true);
    expect(all().find((r) => r.sourceKey === "Q19377147")?.address).toBe("Tuengen allé 2B, 0374 Oslo");
    expect(getLastMissionImport()).toMatchObject({ demo: true, updated: 14 });
  });

  it("refuses a file with broken rows whole, naming each line, and changes nothing", () => {
    const before = snapshot();
    const audits = getDb().select().from(auditLog).where(eq(auditLog.action, "missions.import")).all().length;
    const broken = [HEADER, ...ROWS.slice(0, 40), ROWS[40]!.replace(/^([^;]*;[^;]*;)[^;]*/, "$1Atlantis"), "too;few", ...ROWS.slice(41)].join("\n");
    const error = thrown(() => importMissions({ csv: broken }));
    expect(error.errors.map((e) => e.line)).toEqual([42, 43]);
    expect(error.message).toContain('line 42: Unknown country "Atlantis".');
    expect(error.message).toContain("line 43: The row has 2 fields");
    expect(snapshot()).toBe(before);
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, "missions.import")).all()).toHaveLength(audits);
  });

  it("refuses a wrong header, and a file naming one Wikidata item twice", () => {
    const before = snapshot();
    const header = thrown(() => importMissions({ csv: [HEADER.replace("email", "mail"), ...ROWS].join("\n") }));
    expect(header.errors).toEqual([{ line: 1, message: 'The header lacks the column "email".' }]);
    const twice = thrown(() => importMissions({ csv: [HEADER, ...ROWS, ROWS[5]!].join("\n") }));
    expect(twice.errors).toHaveLength(1);
    expect(twice.errors[0]?.line).toBe(88);
    expect(twice.errors[0]?.message).toMatch(/The Wikidata item Q\d+ is on more than one row/);
    expect(snapshot()).toBe(before);
  });

  it("rolls back every row when the transaction fails halfway", () => {
    const before = snapshot();
    // the demo seed imports inside its own transaction: a failure after the import must take the import back too
    expect(() =>
      writeTransaction((tx) => {
        importMissions({ csv: FIXTURE.replace("Tuengen allé 2B", "Tuengen allé 9"), tx });
        throw new Error("the caller's work failed after the import");
      }),
    ).toThrow("the caller's work failed");
    expect(snapshot()).toBe(before);
  });
});
