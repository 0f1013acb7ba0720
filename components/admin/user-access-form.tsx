"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import type { UserAccessFormState } from "@/lib/auth/schemas";

const SMALL = "btn btn-secondary min-h-0 px-3 py-1 text-[0.9375rem]";

/** Disable (asking first) or Enable one person. Not shown for the admin's own account: nobody disables themselves
 * (the server refuses it too, and refuses to disable the last active admin). */
export function UserAccessForm({
  action,
  userId,
  email,
  disabled,
}: {
  action: (state: UserAccessFormState, formData: FormData) => Promise<UserAccessFormState>;
  userId: string;
  email: string;
  disabled: boolean;
}) {
  const [state, formAction] = useActionState(action, { values: {} });
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <input type="hidden" name="userId" value={userId} />
      {disabled ? (
        <SubmitButton className={SMALL} name="step" value="enable" aria-label={`Enable ${email}`} pendingLabel="Enabling…">
          Enable
        </SubmitButton>
      ) : state.confirming ? (
        <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border-2 border-danger bg-danger-bg p-3">
          <legend className="sr-only">Disable {email}?</legend>
          <p className="w-full text-[0.9375rem] font-semibold text-danger [overflow-wrap:anywhere]">
            Disable {email}? Their sessions end now and their unused sign-in links stop working. They cannot sign in
            until an admin enables them.
          </p>
          <SubmitButton className="btn btn-primary min-h-0 px-3 py-1 text-[0.9375rem]" name="step" value="confirm" pendingOnlyWhenChosen aria-label={`Yes, disable ${email}`} pendingLabel="Disabling…">
            Yes, disable
          </SubmitButton>
          <SubmitButton className={SMALL} name="step" value="cancel" pendingOnlyWhenChosen pendingLabel="Cancel">
            Cancel
          </SubmitButton>
        </fieldset>
      ) : (
        <SubmitButton className={SMALL} name="step" value="ask" aria-label={`Disable ${email}`} pendingLabel="Disable…">
          Disable
        </SubmitButton>
      )}
      {state.done && <output className="text-[0.9375rem] font-semibold text-good">{state.done}</output>}
      {state.formError && (
        <span role="alert" className="text-[0.9375rem] font-semibold text-danger">
          {state.formError}
        </span>
      )}
    </form>
  );
}
