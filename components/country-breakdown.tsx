import { useLocale, useTranslations } from "next-intl";
import { bdi } from "./rich-tags";
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
  const t = useTranslations("countryBreakdown");
  const locale = useLocale();
  const top = counts.slice(0, 5);
  const other = otherCountries + counts.slice(5).reduce((sum, c) => sum + c.count, 0);
  if (top.length === 0 && other === 0) {
    return <p className="text-[0.9375rem] text-ink-soft">{t.rich("none", { name: personName, bdi })}</p>;
  }
  return (
    <div className="text-[0.9375rem]">
      <p className="font-semibold">{t("heading")}</p>
      <ul className="mt-1 divide-y divide-line">
        {top.map((c) => (
          <li key={c.name} className="flex justify-between gap-4 py-1">
            <span>{c.name}</span>
            <span className="tabular-nums text-ink-soft">{formatNumber(c.count, locale)}</span>
          </li>
        ))}
        {other > 0 && (
          <li className="flex justify-between gap-4 py-1">
            <span>{top.length > 0 ? t("other") : t("many")}</span>
            <span className="tabular-nums text-ink-soft">{formatNumber(other, locale)}</span>
          </li>
        )}
      </ul>
    </div>
  );
}
