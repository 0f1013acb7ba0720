import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { caseRevisions, cases, targets, users } from "@/db/schema";
import { caseContentVersion } from "../cases/content-version";
import { CHANGED_SINCE_SCHEDULED } from "../cases/publish-due-cases";
import { describeRevision, type RevisionView } from "./describe";

const deciders = alias(users, "deciders");

/** A case's revisions in words: every pending one (oldest first), then the last `decided` decisions. */
export function listCaseRevisions({ caseId, decided = 10 }: { caseId: string; decided?: number }): RevisionView[] {
  const db = getDb();
  const select = () =>
    db
      .select({ revision: caseRevisions, author: users.email, decider: deciders.email })
      .from(caseRevisions)
      .leftJoin(users, eq(users.id, caseRevisions.authorId))
      .leftJoin(deciders, eq(deciders.id, caseRevisions.decidedBy));
  const open = select().where(and(eq(caseRevisions.caseId, caseId), eq(caseRevisions.status, "pending"))).orderBy(asc(caseRevisions.createdAt)).all();
  const closed =
    decided > 0
      ? select()
          .where(and(eq(caseRevisions.caseId, caseId), sql`${caseRevisions.status} <> 'pending'`))
          .orderBy(desc(caseRevisions.decidedAt))
          .limit(decided)
          .all()
      : [];
  const titles = Object.fromEntries(db.select({ id: targets.id, title: targets.title }).from(targets).where(eq(targets.caseId, caseId)).all().map((t) => [t.id, t.title]));
  return [...open, ...closed].map(({ revision, author, decider }) => ({
    id: revision.id,
    kind: revision.kind,
    status: revision.status,
    author: author ?? "(a removed account)",
    authorId: revision.authorId,
    createdAt: revision.createdAt,
    decidedBy: decider ?? null,
    decidedAt: revision.decidedAt ?? null,
    ...describeRevision(revision, titles),
  }));
}

/** Cases with changes waiting for an admin, with how many: for the admin home page. */
export function listCasesWithPendingRevisions(): { caseId: string; personName: string; reference: string; pending: number }[] {
  return getDb()
    .select({ caseId: cases.id, personName: cases.personName, reference: cases.reference, pending: sql<number>`count(*)` })
    .from(caseRevisions)
    .innerJoin(cases, eq(cases.id, caseRevisions.caseId))
    .where(eq(caseRevisions.status, "pending"))
    .groupBy(cases.id)
    .orderBy(asc(sql`min(${caseRevisions.createdAt})`))
    .all();
}

/** How many changes to this case wait for an admin. */
export function countPendingRevisions({ caseId }: { caseId: string }): number {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(caseRevisions)
      .where(and(eq(caseRevisions.caseId, caseId), eq(caseRevisions.status, "pending")))
      .get()?.n ?? 0
  );
}

/** What the review page renders into the publish form (the version the admin is reading), and why a scheduled
 * case would be held at its time because it changed since it was scheduled (null when it would not be). */
export function getReviewVersion({ caseId }: { caseId: string }): { version: string; scheduleHeld: string | null } | null {
  const db = getDb();
  const row = db.select({ publishAt: cases.publishAt, scheduledVersion: cases.scheduledVersion }).from(cases).where(eq(cases.id, caseId)).get();
  const version = caseContentVersion({ db, caseId });
  if (!row || !version) return null;
  return { version, scheduleHeld: row.publishAt && row.scheduledVersion !== version ? CHANGED_SINCE_SCHEDULED : null };
}
