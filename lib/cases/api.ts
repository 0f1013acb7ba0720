import "server-only";
import { type DeliveryCounts, getDeliveryCounts } from "../appeals/delivery-counts";
import { env } from "../env";
import { getCountsByCountry, getPublicCaseBySlug, isOpenForSignatures, listPublicCases, type CaseCard } from "./queries";

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
  countsByCountry: { country: string; count: number }[];
  updatedAt: string;
};

function toApiCase(card: CaseCard, countsByCountry: { country: string; count: number }[]): ApiCase {
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
    signatureCount: card.signatureCount,
    goal: card.goal,
    countsByCountry,
    updatedAt: card.updatedAt.toISOString(),
  };
}

/** The public JSON shape of every published (or published and since closed) case. */
export function listApiCases(): ApiCase[] {
  return listPublicCases().map((card) => toApiCase(card, getCountsByCountry({ caseId: card.id })));
}

/** One case: the list's shape and what has happened to its letters (emailed, faxed, posted … as counted in
 * lib/appeals/delivery-counts). */
export type ApiCaseDetail = ApiCase & { deliveries: DeliveryCounts };

export function getApiCase({ slug }: { slug: string }): ApiCaseDetail | null {
  const found = getPublicCaseBySlug({ slug });
  return found ? { ...toApiCase(found, found.countsByCountry), deliveries: getDeliveryCounts({ caseId: found.id }) } : null;
}
