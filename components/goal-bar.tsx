import { useLocale, useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import { formatNumber } from "./format";

const countLarge = (chunks: ReactNode) => <strong className="font-serif text-3xl font-semibold">{chunks}</strong>;
const countSmall = (chunks: ReactNode) => <strong className="font-serif text-xl font-semibold">{chunks}</strong>;
const soft = (chunks: ReactNode) => <span className="text-ink-soft">{chunks}</span>;

/** Confirmed appeals against the goal: the text says it all, the bar shows it. */
export function GoalBar({ count, goal, emphasis = false }: { count: number; goal: number; emphasis?: boolean }) {
  const id = useId();
  const t = useTranslations("goalBar");
  const locale = useLocale();
  const safeGoal = Math.max(goal, 1);
  const percent = Math.min(100, Math.round((count / safeGoal) * 100));
  return (
    <div>
      <p id={id} className={emphasis ? "text-lg" : "text-[0.9375rem]"}>
        {t.rich("countOfGoal", {
          count: formatNumber(count, locale),
          goal,
          strong: emphasis ? countLarge : countSmall,
          soft,
        })}
      </p>
      <progress
        aria-labelledby={id}
        aria-valuetext={t("valueText", { count: formatNumber(count, locale), goal, percent: percent / 100 })}
        value={Math.min(count, safeGoal)}
        max={safeGoal}
        className={`goal-bar mt-1.5 ${emphasis ? "h-3.5" : "h-2.5"}`}
      >
        {new Intl.NumberFormat(locale, { style: "percent" }).format(percent / 100)}
      </progress>
      {count >= goal && goal > 0 && (
        <p className="mt-1.5 text-[0.875rem] text-ink-soft">{t("reached")}</p>
      )}
    </div>
  );
}
