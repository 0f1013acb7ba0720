"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";

export type TestLetterState = { done?: string; error?: string };

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
  const [state, formAction] = useActionState(action, {});
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
      {state.error && (
        <p role="alert" className="rounded-md border-2 border-danger bg-danger-bg p-3 font-semibold text-danger">
          {state.error}
        </p>
      )}
      <TestButton />
    </form>
  );
}

function TestButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="btn btn-secondary" aria-disabled={pending ? true : undefined}>
      {pending ? "Sending…" : "Send me a test"}
    </button>
  );
}
