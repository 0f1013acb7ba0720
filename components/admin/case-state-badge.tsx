import type { CaseState } from "@/db/schema";
import { CASE_STATE_LABELS } from "@/lib/labels";

export type CaseStateKey = CaseState;

const STYLES: Record<CaseStateKey, string> = {
  draft: "border-line-strong bg-paper-deep text-ink",
  in_review: "border-ink bg-accent-soft text-ink",
  published: "border-good bg-good-bg text-good",
  closed: "border-ink bg-ink text-white",
};

/** Where a case is in the workflow: draft → in review → published → closed. */
export function CaseStateBadge({ state, scheduled = false }: { state: CaseStateKey; scheduled?: boolean }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded-sm border px-1.5 text-[0.8125rem] font-bold uppercase tracking-wide ${STYLES[state]}`}>
      {CASE_STATE_LABELS[state]}
      {scheduled && " · scheduled"}
    </span>
  );
}
