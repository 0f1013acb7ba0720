import "server-only";
import { eq } from "drizzle-orm";
import { writeTransaction, type Db } from "@/db/client";
import { missions } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { newId } from "../security/secret";
import { toDemoMission } from "./demo-email";
import { MissionImportError, requireValidMissionsCsv, type ParsedMission } from "./parse-missions-csv";
import { missionSourceKey } from "./source-key";

export type MissionImportCounts = { added: number; updated: number; unchanged: number };

// The columns an import owns: everything the file says about a mission.
const FIELDS = ["operatorCountry", "hostCountry", "city", "type", "name", "address", "email", "phone", "wikidataId", "closed"] as const;

/** One key per row: two rows naming one Wikidata item would make the second silently overwrite the first. */
function refuseDuplicates(csv: string, parsed: ParsedMission[]): void {
  const seen = new Set<string>();
  const lines = csv.replace(/\r\n?/g, "\n").split("\n");
  const problems: { line: number; message: string }[] = [];
  for (const mission of parsed) {
    const key = missionSourceKey(mission);
    if (!seen.has(key)) {
      seen.add(key);
      continue;
    }
    // the parser gives missions, not their lines: the last line that names the item is the repeated one
    const line = mission.wikidataId ? lines.findLastIndex((l) => l.endsWith(`/${mission.wikidataId}`) || l.endsWith(`;${mission.wikidataId}`)) + 1 : 0;
    problems.push({ line, message: `${mission.wikidataId ? `The Wikidata item ${mission.wikidataId}` : `"${mission.name}"`} is on more than one row.` });
  }
  if (problems.length > 0) throw new MissionImportError(problems);
}

/**
 * Imports a database-of-embassies CSV: refuses the whole file on any problem (a MissionImportError naming each
 * with its line), otherwise adds or updates every mission by its source key in ONE transaction, so an import
 * never half-applies. Missions absent from the file are kept: appeals may name them. With `demo`, every email
 * becomes an example.org address (lib/missions/demo-email), so a demo never mails a real embassy. `tx` runs the
 * import inside the caller's transaction (the demo seed's).
 */
export function importMissions({
  csv,
  now = new Date(),
  demo = false,
  operatorCountries,
  source = null,
  actorId = null,
  tx,
}: {
  csv: string;
  now?: Date;
  demo?: boolean;
  operatorCountries?: readonly string[];
  /** the file's name, for the audit log and the missions page */
  source?: string | null;
  actorId?: string | null;
  tx?: Db;
}): MissionImportCounts {
  const parsed = requireValidMissionsCsv({ text: csv, operatorCountries });
  refuseDuplicates(csv, parsed);
  const rows = demo ? parsed.map(toDemoMission) : parsed;

  const run = (db: Db): MissionImportCounts => {
    const counts: MissionImportCounts = { added: 0, updated: 0, unchanged: 0 };
    for (const mission of rows) {
      const sourceKey = missionSourceKey(mission);
      const values = Object.fromEntries(FIELDS.map((f) => [f, mission[f]])) as Pick<ParsedMission, (typeof FIELDS)[number]>;
      const existing = db.select().from(missions).where(eq(missions.sourceKey, sourceKey)).get();
      if (!existing) {
        db.insert(missions).values({ id: newId(), sourceKey, ...values, createdAt: now, updatedAt: now }).run();
        counts.added += 1;
      } else if (FIELDS.some((f) => existing[f] !== values[f])) {
        db.update(missions).set({ ...values, updatedAt: now }).where(eq(missions.id, existing.id)).run();
        counts.updated += 1;
      } else {
        counts.unchanged += 1;
      }
    }
    recordAudit(
      db,
      { actorUserId: actorId, action: "missions.import", subjectType: "missions", details: { ...counts, demo, source } },
      now,
    );
    return counts;
  };
  return tx ? run(tx) : writeTransaction(run);
}
