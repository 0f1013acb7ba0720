"use client";

import { useClientTranslations } from "./client-intl";
import { useActionState } from "react";
import { translateError } from "@/components/forms/translate-error";
import { FieldError } from "@/components/field-block";
import { SubmitButton } from "@/components/forms/submit-button";
import { useAnswerKey } from "@/components/forms/use-server-answer";
import type { EraseRequestFormState } from "@/lib/erasure/schemas";

/** The address to erase, on /erase (a supporter) and /admin/erase (an admin): one field, one button. */
export function EraseRequestForm({
  action,
  label,
  hint,
  submitLabel,
  pendingLabel,
}: {
  action: (state: EraseRequestFormState, formData: FormData) => Promise<EraseRequestFormState>;
  label: string;
  hint: string;
  submitLabel: string;
  pendingLabel: string;
}) {
  const [state, formAction] = useActionState(action, { values: {} });
  const answer = useAnswerKey(state);
  const te = useClientTranslations("errors");
  const error = translateError(te, state.fieldErrors?.email?.[0] ?? state.formError);
  return (
    <form action={formAction} noValidate className="space-y-5">
      {state.done && (
        <output className="block [overflow-wrap:anywhere] rounded-md border-2 border-good bg-good-bg p-3 font-semibold text-good">{state.done}</output>
      )}
      <div>
        <label htmlFor="erase-email" className="field-label">
          {label}
        </label>
        <span id="erase-email-hint" className="field-hint">
          {hint}
        </span>
        {error && <FieldError id="erase-email-error" text={error} prefix={te("prefix")} />}
        <input
          id="erase-email"
          name="email"
          type="email"
          className="input"
          autoComplete="email"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          aria-required="true"
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? "erase-email-error" : "", "erase-email-hint"].filter(Boolean).join(" ")}
          defaultValue={state.values.email ?? ""}
          // oxlint-disable-next-line jsx-a11y/no-autofocus -- only when the server sent back an error
          autoFocus={Boolean(error)}
          key={answer}
        />
      </div>
      <SubmitButton className="btn btn-primary w-full sm:w-auto" pendingLabel={pendingLabel}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
