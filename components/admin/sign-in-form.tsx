"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/field-block";
import { SubmitButton } from "@/components/forms/submit-button";
import { useAnswerKey } from "@/components/forms/use-server-answer";
import type { SignInFormState } from "@/lib/auth/schemas";

export function SignInForm({ action }: { action: (state: SignInFormState, formData: FormData) => Promise<SignInFormState> }) {
  const [state, formAction] = useActionState(action, { values: {} });
  const answer = useAnswerKey(state);
  const error = state.fieldErrors?.email?.[0] ?? state.formError;
  return (
    <form action={formAction} noValidate className="space-y-5">
      <div>
        <label htmlFor="sign-in-email" className="field-label">
          Your email address
        </label>
        <span id="sign-in-email-hint" className="field-hint">
          The address an admin invited. We email you a link that signs you in: there is no password.
        </span>
        {error && <FieldError id="sign-in-email-error" text={error} />}
        <input
          id="sign-in-email"
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
          aria-describedby={[error ? "sign-in-email-error" : "", "sign-in-email-hint"].filter(Boolean).join(" ")}
          defaultValue={state.values.email ?? ""}
          // the answer to their own submit: straight back to the field that needs fixing
          // oxlint-disable-next-line jsx-a11y/no-autofocus -- only when the server sent back an error
          autoFocus={Boolean(error)}
          key={answer}
        />
      </div>
      <SubmitButton className="btn btn-primary w-full sm:w-auto" pendingLabel="Sending…">
        Email me a sign-in link
      </SubmitButton>
    </form>
  );
}
