import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, missions } from "@/db/schema";
import { pickMission } from "./pick-mission";

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
