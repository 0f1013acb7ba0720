"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";

type Field = "email" | "role";

export type InviteFormState = {
  values: Partial<Record<Field, string>>;
  errors?: Partial<Record<Field | "form", string[]>>;
  /** What was done, in words for the admin */
  done?: string;
};

export function InviteForm({ action }: { action: (state: InviteFormState, formData: FormData) => Promise<InviteFormState> }) {
  const [state, formAction] = useActionState(action, { values: { role: "campaigner" } });
  const errorOf = (f: Field) => state.errors?.[f]?.[0];
  const formError = state.errors?.form?.[0];
  const describedBy = (f: Field, hint?: string) => [errorOf(f) ? `invite-${f}-error` : "", hint ?? ""].filter(Boolean).join(" ") || undefined;
  return (
    <form action={formAction} noValidate className="space-y-5" aria-labelledby="invite-heading">
      <h2 id="invite-heading" className="text-2xl">
        Invite someone
      </h2>
      {formError && (
        <p role="alert" className="rounded-md border-2 border-danger bg-danger-bg p-3 font-semibold text-danger">
          {formError}
        </p>
      )}
      {state.done && (
        <output className="block [overflow-wrap:anywhere] rounded-md border-2 border-good bg-good-bg p-3 font-semibold text-good">{state.done}</output>
      )}
      <div>
        <label htmlFor="invite-email" className="field-label">
          Email address
        </label>
        <span id="invite-email-hint" className="field-hint">
          They sign in with a link sent to this address. No email is sent now: tell them to go to the sign-in page.
        </span>
        {errorOf("email") && (
          <span id="invite-email-error" className="field-error">
            <span className="sr-only">Error: </span>
            {errorOf("email")}
          </span>
        )}
        <input
          key={`email-${state.values.email ?? ""}-${state.done ?? ""}`}
          id="invite-email"
          name="email"
          type="email"
          className="input"
          autoComplete="off"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          aria-required="true"
          aria-invalid={errorOf("email") ? true : undefined}
          aria-describedby={describedBy("email", "invite-email-hint")}
          defaultValue={state.values.email ?? ""}
        />
      </div>
      <div>
        <label htmlFor="invite-role" className="field-label">
          Role
        </label>
        <span id="invite-role-hint" className="field-hint">
          Campaigners write cases and send them for review. Admins also publish, export and manage people.
        </span>
        {errorOf("role") && (
          <span id="invite-role-error" className="field-error">
            <span className="sr-only">Error: </span>
            {errorOf("role")}
          </span>
        )}
        <select
          key={`role-${state.values.role ?? ""}`}
          id="invite-role"
          name="role"
          className="input"
          aria-invalid={errorOf("role") ? true : undefined}
          aria-describedby={describedBy("role", "invite-role-hint")}
          defaultValue={state.values.role ?? "campaigner"}
        >
          <option value="campaigner">Campaigner</option>
          <option value="admin">Admin</option>
        </select>
      </div>
      <SubmitButton />
    </form>
  );
}

function SubmitButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="btn btn-primary w-full sm:w-auto" aria-disabled={pending ? true : undefined}>
      {pending ? "Inviting…" : "Invite"}
    </button>
  );
}
