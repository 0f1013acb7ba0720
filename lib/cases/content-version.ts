import "server-only";
import { createHash } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { preparedFor, type Db } from "@/db/client";
import { cases, letterTemplates, targets } from "@/db/schema";

// Columns that say where a case is in its life, not what it says: changing them is no change of content.
const LIFECYCLE_COLUMNS = new Set([
  "state",
  "outcome",
  "publishAt",
  "scheduledVersion",
  "reviewRequestedAt",
  "closedAt",
  "publishedAt",
  "createdBy",
  "createdAt",
  "updatedAt",
]);

const caseById = preparedFor((db) =>
  db.select().from(cases).where(eq(cases.id, sql.placeholder("caseId"))).prepare(),
);
const officialsOf = preparedFor((db) =>
  db
    .select()
    .from(targets)
    .where(eq(targets.caseId, sql.placeholder("caseId")))
    .orderBy(asc(targets.position), asc(targets.id))
    .prepare(),
);
const lettersOf = preparedFor((db) =>
  db
    .select()
    .from(letterTemplates)
    .where(eq(letterTemplates.caseId, sql.placeholder("caseId")))
    .orderBy(asc(letterTemplates.language), asc(letterTemplates.id))
    .prepare(),
);

/** The rows a case's content version is computed from, as they are now: whoever renders from them and records
 * the version renders exactly what the version stands for (one read, not two that a write could fall between). */
export type CaseContent = {
  row: typeof cases.$inferSelect;
  /** by position */
  officials: (typeof targets.$inferSelect)[];
  /** by language */
  letters: (typeof letterTemplates.$inferSelect)[];
};

/** The case's content rows, or null for a case that does not exist. */
export function getCaseContent({ db, caseId }: { db: Db; caseId: string }): CaseContent | null {
  const row = caseById(db).get({ caseId });
  if (!row) return null;
  return { row, officials: officialsOf(db).all({ caseId }), letters: lettersOf(db).all({ caseId }) };
}

/**
 * A fingerprint of everything a case shows and mails: its own content columns, every official (addresses
 * included) and every model letter. Computed from the rows, never stored and bumped, so no command can forget
 * to change it: a review, a schedule or a supporter's signature records the version it saw, and whatever acts
 * on it later refuses when the fingerprint differs. New content columns are included without a change here.
 * Returns null for a case that does not exist.
 */
export function caseContentVersion({ db, caseId }: { db: Db; caseId: string }): string | null {
  const content = getCaseContent({ db, caseId });
  return content ? contentVersionOf(content) : null;
}

/** The content version of rows read with getCaseContent. */
export function contentVersionOf({ row, officials, letters }: CaseContent): string {
  const content = Object.fromEntries(
    Object.entries(row)
      .filter(([key]) => !LIFECYCLE_COLUMNS.has(key))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return createHash("sha256")
    .update(JSON.stringify({ content, officials, letters: letters.map(({ language, subject, body }) => ({ language, subject, body })) }))
    .digest("base64url")
    .slice(0, 22);
}
