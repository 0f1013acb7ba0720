import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { env } from "../env";
import { caseUpdates, cases, letterTemplates, signatures, targets, type CaseState, type RiskStatus } from "@/db/schema";
import type { Target } from "../targets/types";
import { getPublicCounts } from "./public-counts";
import type { Case } from "./types";
import type { CaseUpdate } from "../updates/types";

export type CaseCard = Pick<
  Case,
  "id" | "slug" | "reference" | "title" | "personName" | "personNameLocal" | "photoPath" | "photoAlt" | "country" | "riskStatus" | "summary" | "actBefore" | "goal" | "outcome" | "updatedAt"
> & {
  state: "published" | "closed";
  signatureCount: number;
  /** the case's language codes as stored ("en,zh"): the first is the language its story is written in */
  languageList: string;
};

/** Today as 'YYYY-MM-DD' in UTC: the calendar day a deadline is compared with. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A case takes signatures while it is published and its "take action before" day has not passed. */
export function isOpenForSignatures(c: { state: string; actBefore: string }, now = new Date()): boolean {
  return c.state === "published" && c.actBefore >= todayIso(now);
}

// Written out in full: inside a select from cases, drizzle would render the correlated columns unqualified.
const confirmedCount = sql<number>`(select count(*) from "signatures" as s where s.case_id = "cases"."id" and s.status = 'confirmed')`;

const cardColumns = {
  id: cases.id,
  slug: cases.slug,
  reference: cases.reference,
  title: cases.title,
  personName: cases.personName,
  personNameLocal: cases.personNameLocal,
  photoPath: cases.photoPath,
  photoAlt: cases.photoAlt,
  country: cases.country,
  riskStatus: cases.riskStatus,
  summary: cases.summary,
  actBefore: cases.actBefore,
  goal: cases.goal,
  state: cases.state,
  outcome: cases.outcome,
  signatureCount: confirmedCount,
  updatedAt: cases.updatedAt,
  languageList: cases.languages,
};

/** Published and closed cases, newest first, with their confirmed counts. Drafts and cases in review never. */
export function listPublicCases({ country, riskStatus }: { country?: string; riskStatus?: RiskStatus } = {}): CaseCard[] {
  const filters = [inArray(cases.state, ["published", "closed"])];
  if (country) filters.push(eq(cases.country, country));
  if (riskStatus) filters.push(eq(cases.riskStatus, riskStatus));
  const cards = getDb()
    .select(cardColumns)
    .from(cases)
    .where(and(...filters))
    .orderBy(desc(cases.publishedAt), asc(cases.slug))
    .all() as CaseCard[];
  // a small count is shown in steps here too, or the list would give away what the case page holds back
  const exactFrom = env().PUBLIC_COUNT_EXACT_FROM;
  return cards.map((c) => (c.signatureCount > 0 && c.signatureCount < exactFrom ? { ...c, signatureCount: getPublicCounts({ caseId: c.id }).total } : c));
}

/** The distinct countries and statuses of public cases, for the filters on the home page. */
export function getCaseFacets(): { countries: string[]; riskStatuses: RiskStatus[] } {
  const rows = getDb()
    .selectDistinct({ country: cases.country, riskStatus: cases.riskStatus })
    .from(cases)
    .where(inArray(cases.state, ["published", "closed"]))
    .all();
  return {
    countries: [...new Set(rows.map((r) => r.country))].sort(),
    riskStatuses: [...new Set(rows.map((r) => r.riskStatus))],
  };
}

export type PublicTarget = Target;

export type PublicCase = CaseCard & {
  pronouns: string | null;
  photoCredit: string | null;
  tags: string[];
  story: string;
  languages: string[];
  publishedAt: Date | null;
  updates: Pick<CaseUpdate, "id" | "kind" | "title" | "body" | "riskStatus" | "happenedOn">[];
  targets: PublicTarget[];
  templates: { id: string; language: string; subject: string; body: string }[];
  /** public figures (lib/cases/public-counts): countries from the threshold, the rest as one number */
  countsByCountry: { country: string; count: number }[];
  otherCountries: number;
  /** when the figures were taken, for small counts shown in steps; null when live */
  countsAsOf: Date | null;
};

/** Everything the case page shows, or null when the slug is unknown or not public (draft, in review). */
export function getPublicCaseBySlug({ slug }: { slug: string }): PublicCase | null {
  return selectCaseBySlug({ slug, states: ["published", "closed"] }) as PublicCase | null;
}

/** The case page's data in any of `states`. Not for public callers: lib/cases/admin-queries.ts authorises the
 * staff preview (unpublished states) before calling it. */
export function selectCaseBySlug({ slug, states }: { slug: string; states: readonly CaseState[] }): (Omit<PublicCase, "state"> & { state: CaseState }) | null {
  const db = getDb();
  const row = db
    .select({ ...cardColumns, pronouns: cases.pronouns, photoCredit: cases.photoCredit, tags: cases.tags, story: cases.story, languages: cases.languages, publishedAt: cases.publishedAt })
    .from(cases)
    .where(and(eq(cases.slug, slug), inArray(cases.state, [...states])))
    .get();
  if (!row) return null;
  const updates = db
    .select({ id: caseUpdates.id, kind: caseUpdates.kind, title: caseUpdates.title, body: caseUpdates.body, riskStatus: caseUpdates.riskStatus, happenedOn: caseUpdates.happenedOn })
    .from(caseUpdates)
    .where(eq(caseUpdates.caseId, row.id))
    .orderBy(desc(caseUpdates.happenedOn), desc(caseUpdates.createdAt))
    .all();
  const caseTargets = db
    .select()
    .from(targets)
    .where(eq(targets.caseId, row.id))
    .orderBy(asc(targets.position))
    .all();
  const templates = db
    .select({ id: letterTemplates.id, language: letterTemplates.language, subject: letterTemplates.subject, body: letterTemplates.body })
    .from(letterTemplates)
    .where(eq(letterTemplates.caseId, row.id))
    .all();
  const counts = getPublicCounts({ caseId: row.id });
  return {
    ...row,
    signatureCount: counts.total,
    tags: row.tags.split(",").map((t) => t.trim()).filter(Boolean),
    languages: row.languages.split(",").map((t) => t.trim()).filter(Boolean),
    updates,
    targets: caseTargets,
    templates,
    countsByCountry: counts.countsByCountry,
    otherCountries: counts.otherCountries,
    countsAsOf: counts.asOf,
  };
}

/** Confirmed signatures of a case: counted in SQL, one row per normalised address by the unique index. */
export function getSignatureCount({ caseId }: { caseId: string }): number {
  const row = getDb()
    .select({ n: sql<number>`count(*)` })
    .from(signatures)
    .where(and(eq(signatures.caseId, caseId), eq(signatures.status, "confirmed")))
    .get();
  return row?.n ?? 0;
}

// One rule for which template a target's letter is written from, shared with the browser's live preview.
export { pickTemplate } from "../letters/preview";
