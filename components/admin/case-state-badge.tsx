export type CaseStateKey = "draft" | "in_review" | "published" | "closed";

const STYLES: Record<CaseStateKey, { label: string; className: string }> = {
  draft: { label: "Draft", className: "border-line-strong bg-paper-deep text-ink" },
  in_review: { label: "In review", className: "border-ink bg-accent-soft text-ink" },
  published: { label: "Published", className: "border-good bg-good-bg text-good" },
  closed: { label: "Closed", className: "border-ink bg-ink text-white" },
};

/** Where a case is in the workflow: draft → in review → published → closed. */
export function CaseStateBadge({ state, scheduled = false }: { state: CaseStateKey; scheduled?: boolean }) {
  const s = STYLES[state];
  return (
    <span className={`inline-block whitespace-nowrap rounded-sm border px-1.5 text-[0.8125rem] font-bold uppercase tracking-wide ${s.className}`}>
      {s.label}
      {scheduled && " · scheduled"}
    </span>
  );
}
