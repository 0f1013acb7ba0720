"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

/** True while this form is on its way; with `name` and `value`, only when that button sent it. */
export function useSubmitting({ name, value }: { name?: string; value?: string } = {}): boolean {
  const { pending, data } = useFormStatus();
  return pending && (name === undefined || data?.get(name) === value);
}

/**
 * A form's submit button with its pending state. aria-disabled, not disabled: a disabled button drops out of the
 * tab order and its label goes unread; a second press while pending is harmless (the action is idempotent or the
 * form ignores it). Without JavaScript it is a plain submit button.
 */
export function SubmitButton({
  children,
  pendingLabel,
  className = "btn btn-primary",
  name,
  value,
  pendingOnlyWhenChosen = false,
  "aria-label": ariaLabel,
}: {
  children: ReactNode;
  pendingLabel: ReactNode;
  className?: string;
  name?: string;
  value?: string;
  /** in a form with several buttons, show the pending state only on the one pressed */
  pendingOnlyWhenChosen?: boolean;
  "aria-label"?: string;
}) {
  const busy = useSubmitting(pendingOnlyWhenChosen ? { name, value } : {});
  return (
    <button type="submit" name={name} value={value} className={className} aria-label={ariaLabel} aria-disabled={busy ? true : undefined}>
      {busy ? pendingLabel : children}
    </button>
  );
}
