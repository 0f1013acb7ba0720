import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appeals, outbox, targets } from "@/db/schema";
import { env } from "../env";
import { officeHoursOf } from "../outbox/office-hours";
import { officialName } from "../targets/naming";
import { OFFICE_WEEKS } from "../targets/schemas";
import { officialTimeZone } from "../targets/time-zone";

const WAITING = ["queued", "sending"] as const;

export type OfficialSchedule = {
  targetId: string;
  official: string;
  perHour: number;
  /** "09:00–17:00, Monday to Friday" in the official's zone, or null: any hour */
  officeHours: string | null;
  timeZone: string;
  waiting: number;
  nextAt: Date | null;
  lastAt: Date | null;
};

const weekOf = (days: readonly number[]) => OFFICE_WEEKS.find((w) => [...w.value].map(Number).sort().join("") === days.join(""))?.label ?? "some days";
const hh = (h: number) => `${String(h).padStart(2, "0")}:00`;

/** Each official of a case with their pacing and this case's letters waiting for them by email: how many, when
 * the next is due and when the last is expected (the slots the schedule gave them), for the statistics page. */
export function getPacingSchedule({ caseId }: { caseId: string }): OfficialSchedule[] {
  const db = getDb();
  const officials = db.select().from(targets).where(and(eq(targets.caseId, caseId), eq(targets.routing, "fixed"))).orderBy(asc(targets.position)).all();
  const waiting = new Map(
    db
      .select({
        targetId: appeals.targetId,
        n: sql<number>`count(*)`,
        first: sql<number | null>`min(${outbox.nextAttemptAt})`,
        last: sql<number | null>`max(${outbox.nextAttemptAt})`,
      })
      .from(appeals)
      .innerJoin(outbox, eq(outbox.id, appeals.outboxId))
      .where(and(eq(appeals.caseId, caseId), eq(outbox.kind, "appeal"), inArray(outbox.status, WAITING)))
      .groupBy(appeals.targetId)
      .all()
      .map((r) => [r.targetId, r]),
  );
  return officials
    .filter((t) => t.email || waiting.has(t.id))
    .map((t) => {
      const w = waiting.get(t.id);
      const timeZone = officialTimeZone(t);
      const hours = officeHoursOf({ ...t, timeZone });
      return {
        targetId: t.id,
        official: officialName(t),
        perHour: t.pacePerHour ?? env().PACE_DEFAULT_PER_HOUR,
        officeHours: hours ? `${hh(hours.start)}–${hh(hours.end)}, ${weekOf(hours.days)}` : null,
        timeZone,
        waiting: w?.n ?? 0,
        nextAt: w?.first != null ? new Date(w.first) : null,
        lastAt: w?.last != null ? new Date(w.last) : null,
      };
    });
}

export type ExpectedLetter = { targetId: string; official: string; at: Date; timeZone: string };

/** A supporter's letters still waiting for their slot, with when each is expected to go (thank-you page). */
export function getExpectedLetters({ signatureId }: { signatureId: string }): ExpectedLetter[] {
  const rows = getDb()
    .select({ target: targets, at: outbox.nextAttemptAt })
    .from(appeals)
    .innerJoin(outbox, eq(outbox.id, appeals.outboxId))
    .innerJoin(targets, eq(targets.id, appeals.targetId))
    // a routed copy's mission is abroad and has no office hours of its own here: it goes at the default pace
    .where(and(eq(appeals.signatureId, signatureId), eq(outbox.kind, "appeal"), eq(outbox.status, "queued"), eq(targets.routing, "fixed")))
    .orderBy(asc(targets.position))
    .all();
  return rows.map((r) => ({ targetId: r.target.id, official: officialName(r.target), at: r.at, timeZone: officialTimeZone(r.target) }));
}
