import type { ReactNode } from "react";

/** A field's error, announced as one ("Error: …") and referenced by the control's aria-describedby. */
export function FieldError({ id, text }: { id: string; text: string }) {
  return (
    <span id={id} className="field-error">
      <span className="sr-only">Error: </span>
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
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  after?: ReactNode;
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
      {error && <FieldError id={`${id}-error`} text={error} />}
      {children}
      {after}
    </div>
  );
}
