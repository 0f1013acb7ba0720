"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import type { TestLetterState } from "@/lib/letters/schemas";

/** "Send me a test": the saved letters, rendered for each target, to the signed-in campaigner only. */
export function LetterTestForm({
  action,
  email,
  targetCount,
}: {
  action: (state: TestLetterState, formData: FormData) => Promise<TestLetterState>;
  email: string;
  targetCount: number;
}) {
  const [state, formAction] = useActionState(action, { values: {} });
  return (
    <form action={formAction} className="space-y-3" aria-labelledby="test-heading">
      <h2 id="test-heading" className="text-2xl">
        Send me a test
      </h2>
      <p className="text-[0.9375rem] text-ink-soft">
        Emails the saved letter{targetCount === 1 ? "" : "s"}, one per target, to you only ({email}), marked [TEST]. No
        official receives anything and nothing is counted. Save your changes first: the test uses the letter as last
        saved.
      </p>
      {state.done && <output className="block rounded-md border-2 border-good bg-good-bg p-3 font-semibold text-good [overflow-wrap:anywhere]">{state.done}</output>}
      {state.formError && (
        <p role="alert" className="rounded-md border-2 border-danger bg-danger-bg p-3 font-semibold text-danger">
          {state.formError}
        </p>
      )}
      <SubmitButton className="btn btn-secondary" pendingLabel="Sending…">
        Send me a test
      </SubmitButton>
    </form>
  );
}
