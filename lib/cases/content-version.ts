import "server-only";
import { createHash } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
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

/**
 * A fingerprint of everything a case shows and mails: its own content columns, every official (addresses
 * included) and every model letter. Computed from the rows, never stored and bumped, so no command can forget
 * to change it: a review, a schedule or a supporter's signature records the version it saw, and whatever acts
 * on it later refuses when the fingerprint differs. New content columns are included without a change here.
 * Returns null for a case that does not exist.
 */
export function caseContentVersion({ db, caseId }: { db: Db; caseId: string }): string | null {
  const row = db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!row) return null;
  const content = Object.fromEntries(
    Object.entries(row)
      .filter(([key]) => !LIFECYCLE_COLUMNS.has(key))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  const officials = db.select().from(targets).where(eq(targets.caseId, caseId)).orderBy(asc(targets.position), asc(targets.id)).all();
  const letters = db
    .select({ language: letterTemplates.language, subject: letterTemplates.subject, body: letterTemplates.body })
    .from(letterTemplates)
    .where(eq(letterTemplates.caseId, caseId))
    .orderBy(asc(letterTemplates.language))
    .all();
  return createHash("sha256")
    .update(JSON.stringify({ content, officials, letters }))
    .digest("base64url")
    .slice(0, 22);
}
