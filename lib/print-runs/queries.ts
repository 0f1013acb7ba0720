import "server-only";
import { and, asc, desc, eq, inArray, isNull, min, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { appeals, cases, printRuns, users } from "@/db/schema";
import { envelopeLines } from "../targets/naming";


/** Post letters no print run has claimed yet: the one condition a run claims by (lib/print-runs/create-print-run). */
export function waitingCondition(caseId?: string) {
  const waiting = and(eq(appeals.channel, "post"), isNull(appeals.printRunId));
  return caseId ? and(waiting, eq(appeals.caseId, caseId)) : waiting;
}

export type WaitingGroup = {
  caseId: string;
  personName: string;
  reference: string;
  targetId: string;
  missionId: string | null;
  recipientLines: string[];
  letters: number;
  oldestAt: Date;
};

export type WaitingLetters = { total: number; oldestAt: Date | null; groups: WaitingGroup[] };

/** Letters waiting for post (no print run yet), grouped by who they go to — an official, or for a routed copy
 * the mission chosen — with the count and the oldest letter's confirmation time. Oldest groups first. */
export function listWaitingLetters({ caseId }: { caseId?: string } = {}): WaitingLetters {
  const oldest = min(appeals.createdAt);
  const rows = getDb()
    .select({
      caseId: appeals.caseId,
      personName: cases.personName,
      reference: cases.reference,
      targetId: appeals.targetId,
      missionId: appeals.missionId,
      recipient: appeals.recipient,
      letters: sql<number>`count(*)`,
      oldestAt: sql<number>`${oldest}`,
    })
    .from(appeals)
    .innerJoin(cases, eq(cases.id, appeals.caseId))
    .where(waitingCondition(caseId))
    .groupBy(appeals.caseId, appeals.targetId, appeals.missionId, appeals.recipient)
    .orderBy(asc(oldest))
    .all();
  const groups = rows.map((r) => ({
    caseId: r.caseId,
    personName: r.personName,
    reference: r.reference,
    targetId: r.targetId,
    missionId: r.missionId,
    recipientLines: envelopeLines(r.recipient),
    letters: r.letters,
    oldestAt: new Date(r.oldestAt),
  }));
  return {
    total: groups.reduce((sum, g) => sum + g.letters, 0),
    oldestAt: groups[0]?.oldestAt ?? null,
    groups,
  };
}

export type PrintRunFailure = { appealId: string; recipient: string; reason: string };

export type PrintRunView = {
  id: string;
  caseId: string | null;
  /** the case the run was made for; null for a run over every case */
  personName: string | null;
  createdAt: Date;
  createdByEmail: string | null;
  letterCount: number;
  postedOn: string | null;
  postedAt: Date | null;
  postedByEmail: string | null;
  /** letters of the run that could not be rendered the last time its PDF was made, with the reason */
  failures: PrintRunFailure[];
};

const creator = alias(users, "creator");
const poster = alias(users, "poster");

function selectRuns(where: ReturnType<typeof and>, limit: number): PrintRunView[] {
  const db = getDb();
  const runs = db
    .select({
      id: printRuns.id,
      caseId: printRuns.caseId,
      personName: cases.personName,
      createdAt: printRuns.createdAt,
      createdByEmail: creator.email,
      letterCount: printRuns.letterCount,
      postedOn: printRuns.postedOn,
      postedAt: printRuns.postedAt,
      postedByEmail: poster.email,
    })
    .from(printRuns)
    .leftJoin(cases, eq(cases.id, printRuns.caseId))
    .leftJoin(creator, eq(creator.id, printRuns.createdBy))
    .leftJoin(poster, eq(poster.id, printRuns.postedBy))
    .where(where)
    .orderBy(desc(printRuns.createdAt), desc(printRuns.id))
    .limit(limit)
    .all();
  if (runs.length === 0) return [];
  const failed = db
    .select({ runId: appeals.printRunId, appealId: appeals.id, recipient: appeals.recipient, reason: appeals.renderError })
    .from(appeals)
    .where(and(inArray(appeals.printRunId, runs.map((r) => r.id)), sql`${appeals.renderError} is not null`))
    .orderBy(asc(appeals.createdAt))
    .all();
  return runs.map((run) => ({
    ...run,
    failures: failed
      .filter((f) => f.runId === run.id)
      .map((f) => ({ appealId: f.appealId, recipient: envelopeLines(f.recipient)[0] ?? "", reason: f.reason ?? "" })),
  }));
}

/** Print runs, newest first. With a case: the runs made for it and the all-cases runs that hold its letters. */
export function listPrintRuns({ caseId, limit = 50 }: { caseId?: string; limit?: number } = {}): PrintRunView[] {
  if (!caseId) return selectRuns(undefined, limit);
  const holding = getDb().selectDistinct({ id: appeals.printRunId }).from(appeals).where(and(eq(appeals.caseId, caseId), sql`${appeals.printRunId} is not null`));
  return selectRuns(or(eq(printRuns.caseId, caseId), inArray(printRuns.id, holding)), limit);
}

export function getPrintRun({ runId }: { runId: string }): PrintRunView | null {
  if (!runId) return null;
  return selectRuns(eq(printRuns.id, runId), 1)[0] ?? null;
}

/** The public slugs of the cases whose letters are in a run: their pages' counts change when it is posted. */
export function getPrintRunCaseSlugs({ runId }: { runId: string }): string[] {
  return getDb()
    .selectDistinct({ slug: cases.slug })
    .from(appeals)
    .innerJoin(cases, eq(cases.id, appeals.caseId))
    .where(eq(appeals.printRunId, runId))
    .all()
    .map((r) => r.slug);
}
