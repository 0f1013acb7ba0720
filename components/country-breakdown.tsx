import { formatNumber } from "./format";

/** Where the confirmed appeals came from: the five biggest countries shown (each over the public threshold),
 * then everyone else as one "other countries" row, so the rows add up to the count. Never how many countries:
 * that number going up by one would tell an observer that a new country's first supporter just signed. */
export function CountryBreakdown({
  counts,
  otherCountries,
  personName,
}: {
  counts: { name: string; count: number }[];
  otherCountries: number;
  personName: string;
}) {
  const top = counts.slice(0, 5);
  const other = otherCountries + counts.slice(5).reduce((sum, c) => sum + c.count, 0);
  if (top.length === 0 && other === 0) {
    return <p className="text-[0.9375rem] text-ink-soft">No appeals yet. Be the first to sign for {personName}.</p>;
  }
  return (
    <div className="text-[0.9375rem]">
      <p className="font-semibold">Where the appeals come from</p>
      <ul className="mt-1 divide-y divide-line">
        {top.map((c) => (
          <li key={c.name} className="flex justify-between gap-4 py-1">
            <span>{c.name}</span>
            <span className="tabular-nums text-ink-soft">{formatNumber(c.count)}</span>
          </li>
        ))}
        {other > 0 && (
          <li className="flex justify-between gap-4 py-1">
            <span>{top.length > 0 ? "Other countries" : "Many countries"}</span>
            <span className="tabular-nums text-ink-soft">{formatNumber(other)}</span>
          </li>
        )}
      </ul>
    </div>
  );
}
