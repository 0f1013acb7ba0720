import type { ReactNode } from "react";

/** A field's error, announced as one ("Error: …", or `prefix` in the page's language) and referenced by the
 * control's aria-describedby. */
export function FieldError({ id, text, prefix = "Error: " }: { id: string; text: string; prefix?: string }) {
  return (
    <span id={id} className="field-error">
      <span className="sr-only">{prefix}</span>
      {text}
    </span>
  );
}

/** Label, hint and error above a control, with the ids (`${id}-hint`, `${id}-error`) the control refers to. */
export function FieldBlock({
  id,
  label,
  hint,
  error,
  after,
  errorPrefix,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  after?: ReactNode;
  /** what a screen reader hears before the error, in the page's language (public pages); English by default */
  errorPrefix?: string;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {error && <FieldError id={`${id}-error`} text={error} prefix={errorPrefix} />}
      {children}
      {after}
    </div>
  );
}
