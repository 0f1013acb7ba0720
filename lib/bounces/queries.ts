import "server-only";
import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db/client";
import { bounceReports, emailHealth, targets } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";

export type OfficialEmailProblem = {
  targetId: string;
  title: string;
  name: string | null;
  address: string;
  status: (typeof emailHealth.$inferSelect)["status"];
  hardBounces: number;
  softBounces: number;
  complaints: number;
  hardInRow: number;
  lastAt: Date | null;
};

/** The case's officials whose email address bounced or drew a complaint (anything but "ok"), in target order. */
export function getCaseEmailProblems({ caseId }: { caseId: string }): OfficialEmailProblem[] {
  return getDb()
    .select({
      targetId: targets.id,
      title: targets.title,
      name: targets.name,
      address: emailHealth.address,
      status: emailHealth.status,
      hardBounces: emailHealth.hardBounces,
      softBounces: emailHealth.softBounces,
      complaints: emailHealth.complaints,
      hardInRow: emailHealth.hardInRow,
      lastAt: emailHealth.lastAt,
    })
    .from(targets)
    .innerJoin(emailHealth, eq(emailHealth.address, sql`lower(${targets.email})`))
    .where(and(eq(targets.caseId, caseId), ne(emailHealth.status, "ok")))
    .orderBy(asc(targets.position))
    .all();
}

/** A campaigner says the address works again (corrected on the Targets tab, or the official's server fixed):
 * "ok", nothing in a row, a new alert possible; the counts stay as history. Only an address one of this case's
 * targets has. Audited. Letters already moved to post stay there. */
export function resetEmailHealth({ caseId, address, actorId }: { caseId: string; address: string; actorId: string }): boolean {
  return writeTransaction((tx) => {
    const key = address.trim().toLowerCase();
    const ofCase = tx.select({ id: targets.id }).from(targets).where(and(eq(targets.caseId, caseId), eq(sql`lower(${targets.email})`, key))).get();
    if (!ofCase) return false;
    const previous = tx.select().from(emailHealth).where(eq(emailHealth.address, key)).get();
    if (!previous || previous.status === "ok") return false;
    tx.update(emailHealth).set({ status: "ok", hardInRow: 0, alertedAt: null }).where(eq(emailHealth.address, key)).run();
    recordAudit(tx, {
      actorUserId: actorId,
      action: "email_health.reset",
      subjectType: "target",
      subjectId: ofCase.id,
      details: { caseId, previousStatus: previous.status, hardInRow: previous.hardInRow },
    });
    return true;
  });
}

export const BOUNCE_REPORTS_SHOWN = 200;

/** The latest reports the bounce listener received, applied or ignored, newest first: for staff. */
export function listBounceReports({ kind }: { kind?: (typeof bounceReports.$inferSelect)["kind"] } = {}) {
  return getDb()
    .select()
    .from(bounceReports)
    .where(kind ? eq(bounceReports.kind, kind) : undefined)
    .orderBy(desc(bounceReports.receivedAt), desc(bounceReports.id))
    .limit(BOUNCE_REPORTS_SHOWN)
    .all();
}
