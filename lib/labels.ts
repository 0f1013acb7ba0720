// The words shown for each stored value, one map per kind of value, so a page, a client form and an email never
// disagree. Type-only imports: this module runs anywhere (server, browser, email templates).
import type { CaseState, RiskStatus, UpdateKind } from "@/db/schema";

export const CASE_STATE_LABELS: Record<CaseState, string> = {
  draft: "Draft",
  in_review: "In review",
  published: "Published",
  closed: "Closed",
};

/** In the order the home page's filter lists them. */
export const RISK_LABELS: Record<RiskStatus, string> = {
  detained: "Detained",
  disappeared: "Disappeared",
  sentenced: "Sentenced",
  facing_execution: "Facing execution",
  at_risk_of_torture: "At risk of torture",
  health_concern: "Health concern",
  harassed: "Harassed",
  released: "Released",
  charges_dropped: "Charges dropped",
  sentence_commuted: "Sentence commuted",
};

/** The order the home page's filter lists situations in (the public labels are in messages/*.json, "risk"). */
export const RISK_STATUS_ORDER = Object.keys(RISK_LABELS) as RiskStatus[];

/** In the order the update form offers them. */
export const UPDATE_KIND_LABELS: Record<UpdateKind, string> = {
  further_information: "Further information",
  outcome: "Outcome",
};
