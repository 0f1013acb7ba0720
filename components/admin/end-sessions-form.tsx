"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import type { EndSessionsFormState } from "@/lib/auth/schemas";

export function EndSessionsForm({
  action,
  userId,
  email,
  activeSessions,
}: {
  action: (state: EndSessionsFormState, formData: FormData) => Promise<EndSessionsFormState>;
  userId: string;
  email: string;
  activeSessions: number;
}) {
  const [state, formAction] = useActionState(action, { values: {} });
  // nothing to end: no button, but the answer to the last press stays in view
  if (activeSessions === 0 && !state.done && !state.formError) return null;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <input type="hidden" name="userId" value={userId} />
      {activeSessions > 0 && (
        <SubmitButton className="btn btn-secondary min-h-0 px-3 py-1 text-[0.9375rem]" aria-label={`End all sessions of ${email}`} pendingLabel="Ending…">
          End sessions
        </SubmitButton>
      )}
      {state.done && (
        <output className="text-[0.9375rem] font-semibold text-good">{state.done}</output>
      )}
      {state.formError && (
        <span role="alert" className="text-[0.9375rem] font-semibold text-danger">
          {state.formError}
        </span>
      )}
    </form>
  );
}
