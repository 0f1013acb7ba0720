// Missions for tests: the repository's fixture (the PRC's 86 missions, database-of-embassies format) parsed by
// the real parser and written as the import would, every email made demo-safe so no test can mail an embassy.
// No `server-only` imports: Playwright (e2e/) may load this file in plain Node.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { writeTransaction } from "@/db/client";
import { missions } from "@/db/schema";
import { demoSafeEmail } from "@/lib/missions/demo-email";
import { parseMissionsCsv } from "@/lib/missions/parse-missions-csv";
import { missionSourceKey } from "@/lib/missions/source-key";

export const MISSIONS_FIXTURE = path.resolve(import.meta.dirname, "../../db/fixtures/missions-china.csv");

/** Inserts the fixture's missions (skipping any already there) and returns how many the file holds. */
export function insertFixtureMissions(): number {
  const parsed = parseMissionsCsv({ text: fs.readFileSync(MISSIONS_FIXTURE, "utf8") });
  if (parsed.errors.length > 0) throw new Error(`the missions fixture does not parse: ${JSON.stringify(parsed.errors)}`);
  const now = new Date();
  writeTransaction((tx) => {
    for (const m of parsed.missions) {
      tx.insert(missions)
        .values({
          id: crypto.randomUUID(),
          // keyed as importMissions keys them, so an import over these rows updates them in place
          sourceKey: missionSourceKey(m),
          operatorCountry: m.operatorCountry,
          hostCountry: m.hostCountry,
          city: m.city,
          type: m.type,
          name: m.name,
          address: m.address,
          email: demoSafeEmail(m),
          phone: m.phone,
          wikidataId: m.wikidataId,
          closed: m.closed,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .run();
    }
  });
  return parsed.missions.length;
}
