import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { caseUpdates, cases, signatures, users } from "@/db/schema";
import type { Case } from "../cases/types";
import type { CaseUpdate } from "./types";

export type UpdatesPageCase = Pick<Case, "id" | "slug" | "reference" | "personName" | "riskStatus" | "state"> & {
  /** Confirmed supporters who asked for updates and have not unsubscribed: who the next update will email */
  followers: number;
};

/** The case an update is being written for, or null. Staff see every case; there is no per-case owner yet. */
export function getCaseForUpdates({ caseId }: { caseId: string }): UpdatesPageCase | null {
  const db = getDb();
  const row = db
    .select({ id: cases.id, slug: cases.slug, reference: cases.reference, personName: cases.personName, riskStatus: cases.riskStatus, state: cases.state })
    .from(cases)
    .where(eq(cases.id, caseId))
    .get();
  if (!row) return null;
  const followers =
    db
      .select({ n: sql<number>`count(*)` })
      .from(signatures)
      .where(and(eq(signatures.caseId, caseId), eq(signatures.status, "confirmed"), eq(signatures.followUpdates, true), isNull(signatures.unsubscribedAt)))
      .get()?.n ?? 0;
  return { ...row, followers };
}

export type PostedUpdate = Pick<CaseUpdate, "id" | "kind" | "title" | "body" | "riskStatus" | "happenedOn" | "notifiedAt" | "createdAt"> & {
  /** The staff member who posted it; null for the seed's history or a deleted account */
  authorEmail: string | null;
};

/** A case's updates, newest first, as the timeline orders them. */
export function listUpdates({ caseId }: { caseId: string }): PostedUpdate[] {
  return getDb()
    .select({
      id: caseUpdates.id,
      kind: caseUpdates.kind,
      title: caseUpdates.title,
      body: caseUpdates.body,
      riskStatus: caseUpdates.riskStatus,
      happenedOn: caseUpdates.happenedOn,
      authorEmail: users.email,
      notifiedAt: caseUpdates.notifiedAt,
      createdAt: caseUpdates.createdAt,
    })
    .from(caseUpdates)
    .leftJoin(users, eq(users.id, caseUpdates.createdBy))
    .where(eq(caseUpdates.caseId, caseId))
    .orderBy(desc(caseUpdates.happenedOn), desc(caseUpdates.createdAt))
    .all();
}
