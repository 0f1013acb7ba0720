import "server-only";
import { type DeliveryCounts, getDeliveryCounts } from "../appeals/delivery-counts";
import { env } from "../env";
import { getPublicCounts, type PublicCounts } from "./public-counts";
import { getPublicCaseBySlug, isOpenForSignatures, listPublicCases, type CaseCard } from "./queries";

export type ApiCase = {
  slug: string;
  url: string;
  reference: string;
  title: string;
  personName: string;
  personNameLocal: string | null;
  riskStatus: string;
  country: string;
  summary: string;
  actBefore: string;
  state: "published" | "closed";
  outcome: string | null;
  openForSignatures: boolean;
  signatureCount: number;
  goal: number;
  /** countries with at least COUNTRY_COUNT_THRESHOLD supporters; the rest are `otherCountries` */
  countsByCountry: { country: string; count: number }[];
  otherCountries: number;
  /** ISO time the figures describe when a small count is shown in steps; null when live */
  countsAsOf: string | null;
  updatedAt: string;
};

function toApiCase(card: CaseCard, counts: PublicCounts): ApiCase {
  return {
    slug: card.slug,
    url: `${env().appUrl}/cases/${card.slug}`,
    reference: card.reference,
    title: card.title,
    personName: card.personName,
    personNameLocal: card.personNameLocal,
    riskStatus: card.riskStatus,
    country: card.country,
    summary: card.summary,
    actBefore: card.actBefore,
    state: card.state,
    outcome: card.outcome,
    openForSignatures: isOpenForSignatures(card),
    signatureCount: counts.total,
    goal: card.goal,
    countsByCountry: counts.countsByCountry,
    otherCountries: counts.otherCountries,
    countsAsOf: counts.asOf?.toISOString() ?? null,
    updatedAt: card.updatedAt.toISOString(),
  };
}

/** The public JSON shape of every published (or published and since closed) case. */
export function listApiCases(): ApiCase[] {
  const now = new Date();
  return listPublicCases().map((card) => toApiCase(card, getPublicCounts({ caseId: card.id, now })));
}

/** One case: the list's shape and what has happened to its letters (emailed, faxed, posted … as counted in
 * lib/appeals/delivery-counts). */
export type ApiCaseDetail = ApiCase & { deliveries: DeliveryCounts };

export function getApiCase({ slug }: { slug: string }): ApiCaseDetail | null {
  const found = getPublicCaseBySlug({ slug });
  if (!found) return null;
  const counts = { total: found.signatureCount, countsByCountry: found.countsByCountry, otherCountries: found.otherCountries, asOf: found.countsAsOf };
  return { ...toApiCase(found, counts), deliveries: getDeliveryCounts({ caseId: found.id, asOf: found.countsAsOf }) };
}
