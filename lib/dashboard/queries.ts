import "server-only";
import { and, asc, desc, eq, gte, isNotNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appeals, cases, outbox, signatures, type OutboxStatus } from "@/db/schema";
import type { Case } from "../cases/types";
import { OFFLINE_CHANNELS, type OfflineChannel } from "../targets/channel";

// Every count here is made by the database (COUNT / SUM with GROUP BY), never by loading rows into JavaScript,
// and the SQL is portable (no strftime): days are whole UTC days, `epoch ms / 86,400,000`, integer division.
const DAY_MS = 86_400_000;

export function utcDayStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
}

const dayNumberToIso = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

export type CaseStatsRow = Pick<Case, "id" | "slug" | "reference" | "personName" | "state" | "goal"> & {
  confirmed: number;
  pending: number;
  /** Confirmed since midnight UTC */
  today: number;
};

const count = (condition: ReturnType<typeof sql>) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;

/** Every case, with its confirmed, pending and confirmed-today signatures. Newest cases first. */
export function listCaseStats({ now = new Date() }: { now?: Date } = {}): CaseStatsRow[] {
  const since = utcDayStart(now).getTime();
  return getDb()
    .select({
      id: cases.id,
      slug: cases.slug,
      reference: cases.reference,
      personName: cases.personName,
      state: cases.state,
      goal: cases.goal,
      confirmed: count(sql`${signatures.status} = 'confirmed'`),
      pending: count(sql`${signatures.status} = 'pending'`),
      today: count(sql`${signatures.status} = 'confirmed' and ${signatures.confirmedAt} >= ${since}`),
    })
    .from(cases)
    .leftJoin(signatures, eq(signatures.caseId, cases.id))
    .groupBy(cases.id)
    .orderBy(desc(cases.createdAt), asc(cases.slug))
    .all();
}

export type DashboardTotals = { cases: number; confirmed: number; pending: number; today: number };

export function getDashboardTotals({ now = new Date() }: { now?: Date } = {}): DashboardTotals {
  const db = getDb();
  const since = utcDayStart(now).getTime();
  const row = db
    .select({
      confirmed: count(sql`${signatures.status} = 'confirmed'`),
      pending: count(sql`${signatures.status} = 'pending'`),
      today: count(sql`${signatures.status} = 'confirmed' and ${signatures.confirmedAt} >= ${since}`),
    })
    .from(signatures)
    .get();
  const caseCount = db.select({ n: sql<number>`count(*)` }).from(cases).get()?.n ?? 0;
  return { cases: caseCount, confirmed: row?.confirmed ?? 0, pending: row?.pending ?? 0, today: row?.today ?? 0 };
}

export type DayCount = { day: string; count: number };

/** Confirmations per UTC day for the `days` days ending today, every day present (zero days too). */
export function getSignaturesPerDay({ caseId, days = 30, now = new Date() }: { caseId: string; days?: number; now?: Date }): DayCount[] {
  const lastDay = Math.floor(now.getTime() / DAY_MS);
  const firstDay = lastDay - days + 1;
  // a literal, not a bound parameter: better-sqlite3 binds JS numbers as REAL, which would make this a fraction
  const dayExpr = sql<number>`(${signatures.confirmedAt} / ${sql.raw(String(DAY_MS))})`;
  const rows = getDb()
    .select({ day: dayExpr, count: sql<number>`count(*)` })
    .from(signatures)
    .where(and(eq(signatures.caseId, caseId), eq(signatures.status, "confirmed"), gte(signatures.confirmedAt, new Date(firstDay * DAY_MS))))
    .groupBy(dayExpr)
    .all();
  const byDay = new Map(rows.map((r) => [Number(r.day), Number(r.count)]));
  return Array.from({ length: days }, (_, i) => ({ day: dayNumberToIso(firstDay + i), count: byDay.get(firstDay + i) ?? 0 }));
}

export function getCountsByCountryForCase({ caseId }: { caseId: string }): { country: string; count: number }[] {
  return getDb()
    .select({ country: signatures.country, count: sql<number>`count(*)` })
    .from(signatures)
    .where(and(eq(signatures.caseId, caseId), eq(signatures.status, "confirmed")))
    .groupBy(signatures.country)
    .orderBy(desc(sql`count(*)`), asc(signatures.country))
    .all();
}

export type AppealDeliveryStats = {
  /** Emailed appeals by the state of their outbox message */
  byStatus: Record<OutboxStatus, number>;
  /** Appeals to officials with no email address: printed and posted, or faxed, outside the outbox */
  offline: Record<OfflineChannel, number>;
  /** Emailed appeals waiting for their official's daily digest (no outbox message of their own yet: lib/digests) */
  forDigest: number;
  total: number;
  /** Why messages failed for good, most common first (the SMTP server's own words) */
  failures: { reason: string; count: number }[];
  /** Why queued messages are waiting for another try */
  retrying: { reason: string; count: number }[];
};

export function getAppealDeliveryStats({ caseId }: { caseId: string }): AppealDeliveryStats {
  const db = getDb();
  const statusRows = db
    .select({ status: outbox.status, count: sql<number>`count(*)` })
    .from(appeals)
    .innerJoin(outbox, eq(outbox.id, appeals.outboxId))
    .where(eq(appeals.caseId, caseId))
    .groupBy(outbox.status)
    .all();
  const channelRows = db
    .select({ channel: appeals.channel, count: sql<number>`count(*)` })
    .from(appeals)
    .where(and(eq(appeals.caseId, caseId), sql`${appeals.outboxId} is null`))
    .groupBy(appeals.channel)
    .all();
  const reasons = (status: OutboxStatus) =>
    db
      .select({ reason: outbox.lastError, count: sql<number>`count(*)` })
      .from(appeals)
      .innerJoin(outbox, eq(outbox.id, appeals.outboxId))
      .where(and(eq(appeals.caseId, caseId), eq(outbox.status, status), isNotNull(outbox.lastError)))
      .groupBy(outbox.lastError)
      .orderBy(desc(sql`count(*)`), asc(outbox.lastError))
      .all()
      .map((r) => ({ reason: r.reason ?? "", count: r.count }));

  const byStatus: Record<OutboxStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0, bounced: 0 };
  for (const r of statusRows) byStatus[r.status] = r.count;
  const offline = Object.fromEntries(OFFLINE_CHANNELS.map((c) => [c, 0])) as Record<OfflineChannel, number>;
  for (const r of channelRows) if (r.channel !== "email") offline[r.channel] = r.count;
  const forDigest = channelRows.find((r) => r.channel === "email")?.count ?? 0;
  const total = [...Object.values(byStatus), ...Object.values(offline), forDigest].reduce((a, b) => a + b, 0);
  return { byStatus, offline, forDigest, total, failures: [...reasons("failed"), ...reasons("bounced")], retrying: reasons("queued") };
}

export type CaseDashboard = CaseStatsRow & {
  perDay: DayCount[];
  byCountry: { country: string; count: number }[];
  appeals: AppealDeliveryStats;
};

/** Everything the per-case statistics page shows, or null for an unknown case. */
export function getCaseDashboard({ caseId, now = new Date() }: { caseId: string; now?: Date }): CaseDashboard | null {
  const since = utcDayStart(now).getTime();
  const row = getDb()
    .select({
      id: cases.id,
      slug: cases.slug,
      reference: cases.reference,
      personName: cases.personName,
      state: cases.state,
      goal: cases.goal,
      confirmed: count(sql`${signatures.status} = 'confirmed'`),
      pending: count(sql`${signatures.status} = 'pending'`),
      today: count(sql`${signatures.status} = 'confirmed' and ${signatures.confirmedAt} >= ${since}`),
    })
    .from(cases)
    .leftJoin(signatures, eq(signatures.caseId, cases.id))
    .where(eq(cases.id, caseId))
    .groupBy(cases.id)
    .get();
  if (!row) return null;
  return {
    ...row,
    perDay: getSignaturesPerDay({ caseId, now }),
    byCountry: getCountsByCountryForCase({ caseId }),
    appeals: getAppealDeliveryStats({ caseId }),
  };
}
