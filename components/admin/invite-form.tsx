"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/field-block";
import { SubmitButton } from "@/components/forms/submit-button";
import { useAnswerKey } from "@/components/forms/use-server-answer";
import type { InviteFormState } from "@/lib/auth/schemas";

type Field = "email" | "role";

export function InviteForm({ action }: { action: (state: InviteFormState, formData: FormData) => Promise<InviteFormState> }) {
  const [state, formAction] = useActionState(action, { values: { role: "campaigner" } });
  const answer = useAnswerKey(state);
  const errorOf = (f: Field) => state.fieldErrors?.[f]?.[0];
  const formError = state.formError;
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
        {errorOf("email") && <FieldError id="invite-email-error" text={errorOf("email")!} />}
        <input
          key={`email-${answer}`}
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
        {errorOf("role") && <FieldError id="invite-role-error" text={errorOf("role")!} />}
        <select
          key={`role-${answer}`}
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
      <SubmitButton className="btn btn-primary w-full sm:w-auto" pendingLabel="Inviting…">
        Invite
      </SubmitButton>
    </form>
  );
}
