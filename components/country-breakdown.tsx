import { formatNumber, plural } from "./format";

/** Where the confirmed appeals came from: the five biggest countries, then how many more. */
export function CountryBreakdown({ counts, personName }: { counts: { name: string; count: number }[]; personName: string }) {
  if (counts.length === 0) {
    return <p className="text-[0.9375rem] text-ink-soft">No appeals yet. Be the first to sign for {personName}.</p>;
  }
  const top = counts.slice(0, 5);
  const rest = counts.length - top.length;
  return (
    <div className="text-[0.9375rem]">
      <p className="font-semibold">Appeals from {plural(counts.length, "country", "countries")}</p>
      <ul className="mt-1 divide-y divide-line">
        {top.map((c) => (
          <li key={c.name} className="flex justify-between gap-4 py-1">
            <span>{c.name}</span>
            <span className="tabular-nums text-ink-soft">{formatNumber(c.count)}</span>
          </li>
        ))}
      </ul>
      {rest > 0 && <p className="mt-1 text-ink-soft">and {plural(rest, "more country", "more countries")}</p>}
    </div>
  );
}
