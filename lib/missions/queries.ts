import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { appeals, auditLog, cases, missions, signatures, targets } from "@/db/schema";
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

/** How well a state's missions cover the supporters' countries: a country counts once, by the channel its copy
 * would take (pickMission, the rule the confirmation follows). */
export type MissionCoverage = {
  operatorCountry: string;
  /** every row, closed ones included */
  missions: number;
  /** countries with at least one open mission */
  hostCountries: number;
  /** countries whose copy would go by email */
  withEmail: number;
  /** countries whose copy would go by post (a mission with an address but no email) */
  postOnly: number;
};

type Row = Pick<typeof missions.$inferSelect, "operatorCountry" | "hostCountry" | "type" | "email" | "address" | "closed">;

function coverageOf(operatorCountry: string, rows: Row[]): MissionCoverage {
  const hosts = [...new Set(rows.filter((m) => !m.closed).map((m) => m.hostCountry))];
  let withEmail = 0;
  let postOnly = 0;
  for (const hostCountry of hosts) {
    const pick = pickMission(rows, { operatorCountry, hostCountry });
    if (pick.mission && pick.channel === "email") withEmail += 1;
    else if (pick.mission && pick.channel === "post") postOnly += 1;
  }
  return { operatorCountry, missions: rows.length, hostCountries: hosts.length, withEmail, postOnly };
}

const COLUMNS = {
  operatorCountry: missions.operatorCountry,
  hostCountry: missions.hostCountry,
  type: missions.type,
  email: missions.email,
  address: missions.address,
  closed: missions.closed,
};

/** The coverage of one state's missions (all zero when the table has none of them). */
export function getMissionCoverage({ operatorCountry }: { operatorCountry: string }): MissionCoverage {
  const rows = getDb().select(COLUMNS).from(missions).where(eq(missions.operatorCountry, operatorCountry)).all();
  return coverageOf(operatorCountry, rows);
}

/** Every state the table has missions of, most missions first. */
export function listMissionCoverage(): MissionCoverage[] {
  const byState = new Map<string, Row[]>();
  for (const row of getDb().select(COLUMNS).from(missions).all()) {
    const list = byState.get(row.operatorCountry) ?? [];
    list.push(row);
    byState.set(row.operatorCountry, list);
  }
  return [...byState]
    .map(([state, rows]) => coverageOf(state, rows))
    .sort((a, b) => b.missions - a.missions || a.operatorCountry.localeCompare(b.operatorCountry));
}

export type LastMissionImport = {
  at: Date;
  added: number;
  updated: number;
  unchanged: number;
  demo: boolean;
  source: string | null;
};

/** The latest import (the audit log keeps every one), or null when the table was never imported into. */
export function getLastMissionImport(): LastMissionImport | null {
  const row = getDb()
    .select({ at: auditLog.at, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.action, "missions.import"), eq(auditLog.subjectType, "missions")))
    .orderBy(desc(auditLog.at))
    .limit(1)
    .get();
  if (!row) return null;
  const details = (row.details ? JSON.parse(row.details) : {}) as Partial<Omit<LastMissionImport, "at">>;
  return {
    at: row.at,
    added: Number(details.added ?? 0),
    updated: Number(details.updated ?? 0),
    unchanged: Number(details.unchanged ?? 0),
    demo: details.demo === true,
    source: typeof details.source === "string" ? details.source : null,
  };
}

export type MissionRoute =
  | { hostCountry: string; missionName: string; city: string | null; channel: "email" | "post" }
  | { hostCountry: string; missionName: null; reason: "no_usable_contact" };

/** For each country where `operatorCountry` has an open mission: the one a supporter there gets the copy sent
 * to, and how (the confirmation's rule), or that none of its missions can be written to. */
export function listMissionRoutes({ operatorCountry }: { operatorCountry: string }): MissionRoute[] {
  const rows = getDb()
    .select({ ...COLUMNS, name: missions.name, city: missions.city })
    .from(missions)
    .where(eq(missions.operatorCountry, operatorCountry))
    .orderBy(missions.hostCountry, missions.sourceKey)
    .all();
  const hosts = [...new Set(rows.filter((m) => !m.closed).map((m) => m.hostCountry))];
  return hosts.map((hostCountry): MissionRoute => {
    const pick = pickMission(rows, { operatorCountry, hostCountry });
    if (pick.mission) return { hostCountry, missionName: pick.mission.name, city: pick.mission.city, channel: pick.channel };
    return { hostCountry, missionName: null, reason: "no_usable_contact" };
  });
}
