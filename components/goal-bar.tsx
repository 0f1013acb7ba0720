import { useId } from "react";
import { formatNumber } from "./format";

/** Confirmed appeals against the goal: the text says it all, the bar shows it. */
export function GoalBar({ count, goal, emphasis = false }: { count: number; goal: number; emphasis?: boolean }) {
  const id = useId();
  const safeGoal = Math.max(goal, 1);
  const percent = Math.min(100, Math.round((count / safeGoal) * 100));
  return (
    <div>
      <p id={id} className={emphasis ? "text-lg" : "text-[0.9375rem]"}>
        <strong className={`font-serif ${emphasis ? "text-3xl" : "text-xl"} font-semibold`}>{formatNumber(count)}</strong>{" "}
        <span className="text-ink-soft">of {formatNumber(goal)} appeals</span>
      </p>
      <progress
        aria-labelledby={id}
        aria-valuetext={`${formatNumber(count)} of ${formatNumber(goal)} appeals, ${percent}% of the goal`}
        value={Math.min(count, safeGoal)}
        max={safeGoal}
        className={`goal-bar mt-1.5 ${emphasis ? "h-3.5" : "h-2.5"}`}
      >
        {percent}%
      </progress>
      {count >= goal && goal > 0 && (
        <p className="mt-1.5 text-[0.875rem] text-ink-soft">Goal reached. Every further letter still adds pressure.</p>
      )}
    </div>
  );
}
