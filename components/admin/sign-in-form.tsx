"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";

export type SignInFormState = {
  values: { email?: string };
  errors?: Partial<Record<"email" | "form", string[]>>;
};

export function SignInForm({ action }: { action: (state: SignInFormState, formData: FormData) => Promise<SignInFormState> }) {
  const [state, formAction] = useActionState(action, { values: {} });
  const error = state.errors?.email?.[0] ?? state.errors?.form?.[0];
  return (
    <form action={formAction} noValidate className="space-y-5">
      <div>
        <label htmlFor="sign-in-email" className="field-label">
          Your email address
        </label>
        <span id="sign-in-email-hint" className="field-hint">
          The address an admin invited. We email you a link that signs you in: there is no password.
        </span>
        {error && (
          <span id="sign-in-email-error" className="field-error">
            <span className="sr-only">Error: </span>
            {error}
          </span>
        )}
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
          key={state.values.email ?? ""}
        />
      </div>
      <SubmitButton />
    </form>
  );
}

function SubmitButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="btn btn-primary w-full sm:w-auto" aria-disabled={pending ? true : undefined}>
      {pending ? "Sending…" : "Email me a sign-in link"}
    </button>
  );
}
