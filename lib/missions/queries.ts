import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { appeals, cases, missions, signatures, targets } from "@/db/schema";
import { pickMission, type NoMissionReason } from "./pick-mission";

export type MissionRow = typeof missions.$inferSelect;

/** Every mission of `operatorCountry` in `hostCountry`, closed ones included (pickMission skips them), in a
 * stable order so pickMission's "first among equals" is the same on every confirmation. */
export function getMissionsFor({
  operatorCountry,
  hostCountry,
  db = getDb(),
}: {
  operatorCountry: string;
  hostCountry: string;
  /** the caller's transaction, when the pick is part of a write */
  db?: Db;
}): MissionRow[] {
  return db
    .select()
    .from(missions)
    .where(and(eq(missions.operatorCountry, operatorCountry), eq(missions.hostCountry, hostCountry)))
    .orderBy(missions.sourceKey)
    .all();
}

export type MissingMissionCountry = {
  /** the state whose mission the copy was for (the routed target's missionOf, else the case's country) */
  operatorCountry: string;
  /** the supporters' country that lacks a usable mission */
  hostCountry: string;
  /** why, as the missions table stands now; "imported_since": a usable mission exists now, but did not when
   * these supporters confirmed, so their copies were not written */
  reason: Exclude<NoMissionReason, "same_country"> | "imported_since";
  /** confirmed supporters from that country whose copy could not be written */
  supporters: number;
};

/**
 * For the case's statistics: the supporters' countries where a routed copy ("the embassy of <country> in each
 * supporter's country") found no mission to go to, with how many supporters that left without one. Read from
 * the appeals actually written, so it counts exactly the copies that were not sent. Most supporters first.
 */
export function getMissingMissionCountries({ caseId }: { caseId: string }): MissingMissionCountry[] {
  const db = getDb();
  const routed = db
    .select({ id: targets.id, missionOf: targets.missionOf, caseCountry: cases.country })
    .from(targets)
    .innerJoin(cases, eq(cases.id, targets.caseId))
    .where(and(eq(targets.caseId, caseId), eq(targets.routing, "mission")))
    .all();
  const gaps = new Map<string, MissingMissionCountry>();
  for (const target of routed) {
    const operatorCountry = target.missionOf ?? target.caseCountry;
    const rows = db
      .select({ country: signatures.country, count: sql<number>`count(*)` })
      .from(signatures)
      .where(
        and(
          eq(signatures.caseId, caseId),
          eq(signatures.status, "confirmed"),
          sql`${signatures.country} <> ${operatorCountry}`,
          sql`not exists (select 1 from ${appeals} where ${appeals.signatureId} = ${signatures.id} and ${appeals.targetId} = ${target.id})`,
        ),
      )
      .groupBy(signatures.country)
      .all();
    if (rows.length === 0) continue;
    const known = db
      .select()
      .from(missions)
      .where(and(eq(missions.operatorCountry, operatorCountry), inArray(missions.hostCountry, rows.map((r) => r.country))))
      .orderBy(missions.sourceKey)
      .all();
    for (const row of rows) {
      const pick = pickMission(known, { operatorCountry, hostCountry: row.country });
      const reason = pick.mission ? "imported_since" : pick.reason === "same_country" ? "no_mission" : pick.reason;
      const key = `${operatorCountry}:${row.country}`;
      const seen = gaps.get(key);
      // two routed copies to one state's missions leave the same supporters without: count them once
      if (seen) seen.supporters = Math.max(seen.supporters, row.count);
      else gaps.set(key, { operatorCountry, hostCountry: row.country, reason, supporters: row.count });
    }
  }
  return [...gaps.values()].toSorted((a, b) => b.supporters - a.supporters || a.hostCountry.localeCompare(b.hostCountry));
}
