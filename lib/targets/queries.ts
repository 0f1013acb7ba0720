import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cases, targets } from "@/db/schema";
import type { CurrentUser } from "../auth/queries";
import { canSeeCases } from "../cases/admin-queries";
import type { Case } from "../cases/types";
import type { Target } from "./types";

export type EditableCase = Pick<Case, "id" | "slug" | "reference" | "title" | "personName" | "country" | "state" | "publishAt"> & {
  languages: string[];
};

/** The case a campaigner or admin is editing, or null when there is no such case or the user may not edit it
 * (pages answer both with a 404). Every campaigner and admin may edit every case; a campaigner's change to a live one waits for an admin
 * (lib/revisions/review-rule.ts). */
export function getCaseForEditing({ caseId, user }: { caseId: string; user: Pick<CurrentUser, "role"> | null }): EditableCase | null {
  if (!canSeeCases(user) || !caseId) return null;
  const row = getDb()
    .select({ id: cases.id, slug: cases.slug, reference: cases.reference, title: cases.title, personName: cases.personName, country: cases.country, state: cases.state, publishAt: cases.publishAt, languages: cases.languages })
    .from(cases)
    .where(eq(cases.id, caseId))
    .get();
  if (!row) return null;
  return { ...row, languages: row.languages.split(",").map((l) => l.trim()).filter(Boolean) };
}

/** A case's targets in the order their letters are listed. */
export function listTargetsByCase({ caseId }: { caseId: string }): Target[] {
  return getDb().select().from(targets).where(eq(targets.caseId, caseId)).orderBy(asc(targets.position), asc(targets.id)).all();
}

/** One target of one case: a target id from another case is not found. */
export function getTargetById({ caseId, targetId }: { caseId: string; targetId: string }): Target | null {
  return getDb().select().from(targets).where(and(eq(targets.id, targetId), eq(targets.caseId, caseId))).get() ?? null;
}
