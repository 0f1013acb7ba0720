// Shapes lib's case data into the props the components take. Pages use it; components never see lib.
import type { CaseCardProps } from "@/components/case-card";
import { OUTCOME_RISK_STATUSES } from "@/lib/cases/case-schemas";
import { isOpenForSignatures, type CaseCard } from "@/lib/cases/queries";
import { countryName } from "@/lib/countries";
import { contentLanguageOf } from "@/lib/i18n/content-language";
import type { Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { RISK_LABELS } from "@/lib/labels";

export type RiskStatus = CaseCard["riskStatus"];

export function isRiskStatus(value: string): value is RiskStatus {
  return Object.hasOwn(RISK_LABELS, value);
}

export function isOutcomeStatus(status: RiskStatus): boolean {
  return (OUTCOME_RISK_STATUSES as readonly RiskStatus[]).includes(status);
}

/** A card in the reader's language: the situation and the country named in it; the campaigner's text as written. */
export function toCardProps(c: CaseCard, locale: Locale, now = new Date()): CaseCardProps {
  return {
    slug: c.slug,
    personName: c.personName,
    personNameLocal: c.personNameLocal,
    photoPath: c.photoPath,
    photoAlt: c.photoAlt,
    title: c.title,
    riskLabel: messagesFor(locale).risk[c.riskStatus],
    isOutcome: isOutcomeStatus(c.riskStatus),
    countryName: countryName(c.country, locale),
    contentLanguage: contentLanguageOf(c.languageList),
    actBefore: c.actBefore,
    goal: c.goal,
    signatureCount: c.signatureCount,
    open: isOpenForSignatures(c, now),
    outcome: c.outcome,
  };
}

/** Open urgent actions go in the main grid; closed ones, outcomes and passed deadlines in their own section. */
export function splitCases(list: CaseCard[], locale: Locale, now = new Date()): { open: CaseCardProps[]; others: CaseCardProps[] } {
  const open: CaseCardProps[] = [];
  const others: CaseCardProps[] = [];
  for (const c of list) {
    const card = toCardProps(c, locale, now);
    (card.open && !card.isOutcome ? open : others).push(card);
  }
  return { open, others };
}
