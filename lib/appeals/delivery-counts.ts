import "server-only";
import { and, asc, eq, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appeals, outbox, printRuns, selfReports, signatures, targets } from "@/db/schema";
import { officialName } from "../targets/naming";

/** What has really happened to a case's letters. Nothing counts as emailed or faxed before the outbox sent it,
 * nor as posted before its print run was marked posted; what supporters sent themselves is their own word. */
export type DeliveryCounts = {
  /** confirmed signatures: each one an appeal to every official of the case */
  confirmed: number;
  emailed: number;
  faxed: number;
  posted: number;
  /** post letters with no print run yet, or in a run not yet marked posted */
  waitingForPost: number;
  /** "I sent it / I posted it" records (self_reports) */
  reportedBySupporters: number;
};

export type OfficialDeliveryCounts = Omit<DeliveryCounts, "confirmed"> & { targetId: string; official: string; appeals: number };

// Counted by the database; the sums are portable SQL. A letter in an unposted run is still waiting for post.
const sum = (condition: ReturnType<typeof sql>) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;
const letterCounts = {
  appeals: sql<number>`count(${appeals.id})`,
  emailed: sum(sql`${appeals.channel} = 'email' and ${outbox.status} = 'sent'`),
  faxed: sum(sql`${appeals.channel} = 'fax' and ${outbox.status} = 'sent'`),
  posted: sum(sql`${appeals.channel} = 'post' and ${printRuns.postedOn} is not null`),
  waitingForPost: sum(sql`${appeals.channel} = 'post' and ${printRuns.postedOn} is null`),
};

function letterQuery() {
  return getDb()
    .select({ targetId: appeals.targetId, ...letterCounts })
    .from(appeals)
    .leftJoin(outbox, eq(outbox.id, appeals.outboxId))
    .leftJoin(printRuns, eq(printRuns.id, appeals.printRunId));
}

/** `asOf`: the moment a small public count describes (lib/cases/public-counts): letters count only what had
 * happened by then, or "emailed" rising seconds after a confirmation would tell what the stepped count hides. */
export function getDeliveryCounts({ caseId, asOf = null }: { caseId: string; asOf?: Date | null }): DeliveryCounts {
  const db = getDb();
  const at = asOf?.getTime();
  const confirmed = db
    .select({ n: sql<number>`count(*)` })
    .from(signatures)
    .where(and(eq(signatures.caseId, caseId), eq(signatures.status, "confirmed"), asOf ? lt(signatures.confirmedAt, asOf) : undefined))
    .get()?.n ?? 0;
  const counts = asOf
    ? {
        emailed: sum(sql`${appeals.channel} = 'email' and ${outbox.status} = 'sent' and ${outbox.sentAt} < ${at}`),
        faxed: sum(sql`${appeals.channel} = 'fax' and ${outbox.status} = 'sent' and ${outbox.sentAt} < ${at}`),
        posted: sum(sql`${appeals.channel} = 'post' and ${printRuns.postedAt} < ${at}`),
        waitingForPost: sum(sql`${appeals.channel} = 'post' and (${printRuns.postedAt} is null or ${printRuns.postedAt} >= ${at})`),
      }
    : letterCounts;
  const letters = db
    .select(counts)
    .from(appeals)
    .leftJoin(outbox, eq(outbox.id, appeals.outboxId))
    .leftJoin(printRuns, eq(printRuns.id, appeals.printRunId))
    .where(and(eq(appeals.caseId, caseId), asOf ? lt(appeals.createdAt, asOf) : undefined))
    .get();
  const reported =
    db
      .select({ n: sql<number>`count(*)` })
      .from(selfReports)
      .where(and(eq(selfReports.caseId, caseId), asOf ? lt(selfReports.createdAt, asOf) : undefined))
      .get()?.n ?? 0;
  return {
    confirmed,
    emailed: letters?.emailed ?? 0,
    faxed: letters?.faxed ?? 0,
    posted: letters?.posted ?? 0,
    waitingForPost: letters?.waitingForPost ?? 0,
    reportedBySupporters: reported,
  };
}

/** The same counts per official of a case, for staff (in the case's target order). */
export function getDeliveryCountsByOfficial({ caseId }: { caseId: string }): OfficialDeliveryCounts[] {
  const db = getDb();
  const officials = db
    .select({ id: targets.id, title: targets.title, name: targets.name })
    .from(targets)
    .where(eq(targets.caseId, caseId))
    .orderBy(asc(targets.position))
    .all();
  const letters = new Map(letterQuery().where(eq(appeals.caseId, caseId)).groupBy(appeals.targetId).all().map((r) => [r.targetId, r]));
  const reported = new Map(
    db
      .select({ targetId: selfReports.targetId, n: sql<number>`count(*)` })
      .from(selfReports)
      .where(eq(selfReports.caseId, caseId))
      .groupBy(selfReports.targetId)
      .all()
      .map((r) => [r.targetId, r.n]),
  );
  return officials.map((t) => {
    const l = letters.get(t.id);
    return {
      targetId: t.id,
      official: officialName(t),
      appeals: l?.appeals ?? 0,
      emailed: l?.emailed ?? 0,
      faxed: l?.faxed ?? 0,
      posted: l?.posted ?? 0,
      waitingForPost: l?.waitingForPost ?? 0,
      reportedBySupporters: reported.get(t.id) ?? 0,
    };
  });
}
