import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cases, CASE_STATES, letterTemplates, targets, type CaseState } from "@/db/schema";
import type { CurrentUser } from "../auth/queries";
import { checkCaseReadiness, type CaseReadiness } from "./case-readiness";
import type { Case } from "./types";
import { selectCaseBySlug, type PublicCase } from "./queries";

// Who may see which case. Campaigners and admins work on every case of the organisation (there is no per-case
// owner); anyone else sees none. Every query below takes the user and applies this itself, so a page that forgot
// its guard still gets nothing.
export function canSeeCases(user: Pick<CurrentUser, "role"> | null | undefined): user is CurrentUser {
  return user?.role === "admin" || user?.role === "campaigner";
}

export type StaffCaseRow = Pick<Case, "id" | "slug" | "reference" | "personName" | "title" | "state" | "actBefore" | "publishAt" | "goal" | "updatedAt"> & {
  confirmed: number;
  pending: number;
  targets: number;
};

const count = (where: string) =>
  sql<number>`(select count(*) from "signatures" as s where s.case_id = "cases"."id" and s.status = ${where})`;

/** Every case, newest change first, with its counts: the staff list at /admin/cases. */
export function listCasesForStaff({ user }: { user: CurrentUser | null }): StaffCaseRow[] {
  if (!canSeeCases(user)) return [];
  return getDb()
    .select({
      id: cases.id,
      slug: cases.slug,
      reference: cases.reference,
      personName: cases.personName,
      title: cases.title,
      state: cases.state,
      actBefore: cases.actBefore,
      publishAt: cases.publishAt,
      goal: cases.goal,
      confirmed: count("confirmed"),
      pending: count("pending"),
      targets: sql<number>`(select count(*) from "targets" as t where t.case_id = "cases"."id")`,
      updatedAt: cases.updatedAt,
    })
    .from(cases)
    .orderBy(sql`case ${cases.state} when 'in_review' then 0 when 'draft' then 1 when 'published' then 2 else 3 end`, desc(cases.updatedAt))
    .all();
}

export type EditorCase = Case;

/** The case as the editor shows it, or null when it does not exist or the user may not see it (→ 404). */
export function getCaseForEditor({ id, user }: { id: string; user: CurrentUser | null }): EditorCase | null {
  if (!canSeeCases(user) || !id) return null;
  return getDb().select().from(cases).where(eq(cases.id, id)).get() ?? null;
}

export type CaseReview = Pick<Case, "id" | "slug" | "personName" | "state" | "actBefore" | "publishAt" | "reviewRequestedAt" | "publishedAt" | "outcome"> & {
  readiness: CaseReadiness;
  targetCount: number;
  letterLanguages: string[];
};

/** What the Review & publish tab shows: the state and the checklist a publish must pass. */
export function getCaseReview({ id, user, now = new Date() }: { id: string; user: CurrentUser | null; now?: Date }): CaseReview | null {
  const found = getCaseForEditor({ id, user });
  if (!found) return null;
  const db = getDb();
  const readiness = checkCaseReadiness({ db, caseId: found.id, now });
  if (!readiness) return null;
  const targetCount = db.select({ id: targets.id }).from(targets).where(eq(targets.caseId, found.id)).all().length;
  const letterLanguages = db
    .select({ language: letterTemplates.language })
    .from(letterTemplates)
    .where(eq(letterTemplates.caseId, found.id))
    .all()
    .map((t) => t.language);
  return {
    id: found.id,
    slug: found.slug,
    personName: found.personName,
    state: found.state,
    actBefore: found.actBefore,
    publishAt: found.publishAt,
    reviewRequestedAt: found.reviewRequestedAt,
    publishedAt: found.publishedAt,
    outcome: found.outcome,
    readiness,
    targetCount,
    letterLanguages,
  };
}

export type PreviewCase = Omit<PublicCase, "state"> & { state: CaseState };

/** The case page's data in any state, for signed-in staff previewing at the real URL; null for anyone else.
 * Draft mode alone is not authorisation: the caller passes the user from the session. */
export function getCaseForPreview({ slug, user }: { slug: string; user: CurrentUser | null }): PreviewCase | null {
  if (!canSeeCases(user) || !slug) return null;
  return selectCaseBySlug({ slug, states: CASE_STATES });
}
