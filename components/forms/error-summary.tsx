"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

export type ErrorSummaryItem = { message: string; href?: string };

/**
 * What went wrong with a submission, at the top of the form, announced as an alert. Without JavaScript the
 * answer is a new page, and autofocus takes the reader to it; with JavaScript a new `focusKey` does the same.
 * Each item links to its field.
 */
export function ErrorSummary({
  title,
  heading,
  message,
  items = [],
  note,
  focusKey,
  autoFocus = true,
  focusFieldOnClick = false,
  compact = false,
}: {
  title: ReactNode;
  /** a heading names the summary for assistive technology; without one the title is a strong line */
  heading?: "h2" | "h3";
  message?: string;
  items?: ErrorSummaryItem[];
  note?: string;
  /** a new value moves focus to the summary (an answer, or the browser's own check, came in) */
  focusKey?: number;
  autoFocus?: boolean;
  /** follow a link by focusing the field, without changing the address */
  focusFieldOnClick?: boolean;
  compact?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (focusKey) ref.current?.focus();
  }, [focusKey]);
  const Heading = heading ?? "p";
  return (
    <div
      ref={ref}
      tabIndex={-1}
      // oxlint-disable-next-line jsx-a11y/no-autofocus -- only ever rendered in answer to their own submit
      autoFocus={autoFocus}
      role="alert"
      aria-labelledby={heading ? titleId : undefined}
      className={`rounded-md border-2 border-danger bg-danger-bg ${compact ? "p-3" : "p-4"}`}
    >
      <Heading
        id={heading ? titleId : undefined}
        className={heading === "h3" ? "font-sans text-lg font-bold text-danger" : heading === "h2" ? "text-xl text-danger" : "font-semibold text-danger"}
      >
        {title}
      </Heading>
      {message && <p className="mt-1">{message}</p>}
      {items.length > 0 && (
        <ul className={compact ? "mt-1 list-disc ps-5 text-[0.9375rem]" : "mt-2 list-disc space-y-1 ps-5"}>
          {items.map((item) => (
            <li key={`${item.href ?? ""}${item.message}`}>
              {item.href ? (
                <a
                  href={item.href}
                  className={compact ? "text-danger" : "font-semibold text-danger"}
                  onClick={
                    focusFieldOnClick
                      ? (e) => {
                          e.preventDefault();
                          document.getElementById(item.href!.slice(1))?.focus();
                        }
                      : undefined
                  }
                >
                  {item.message}
                </a>
              ) : (
                item.message
              )}
            </li>
          ))}
        </ul>
      )}
      {note && <p className="mt-2 text-[0.9375rem]">{note}</p>}
    </div>
  );
}
