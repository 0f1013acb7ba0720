/** The person's situation, as a label. Outcomes (released, charges dropped...) read as good news. */
export function RiskBadge({ label, outcome = false }: { label: string; outcome?: boolean }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-sm px-2 py-0.5 text-[0.8125rem] font-bold uppercase leading-5 tracking-[0.06em] ${
        outcome ? "bg-good-bg text-good ring-1 ring-good/30" : "bg-ink text-white"
      }`}
    >
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${outcome ? "bg-good" : "bg-accent"}`} />
      {label}
    </span>
  );
}
