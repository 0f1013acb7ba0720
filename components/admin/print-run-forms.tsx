"use client";

import { useActionState } from "react";
import { FieldBlock } from "@/components/field-block";
import { SubmitButton } from "@/components/forms/submit-button";
import { useAnswerKey } from "@/components/forms/use-server-answer";
import type { CreatePrintRunFormState, MarkPostedFormState } from "@/lib/print-runs/schemas";

/** "Create a print run": claims every letter waiting for post into one run. The answer says how many, or that
 * someone else's run took them first. */
export function CreatePrintRunForm({
  action,
  waiting,
}: {
  action: (state: CreatePrintRunFormState, formData: FormData) => Promise<CreatePrintRunFormState>;
  waiting: number;
}) {
  const [state, formAction] = useActionState(action, { values: {} });
  return (
    <form action={formAction} className="space-y-3">
      {state.formError && (
        <p role="alert" className="rounded-md border-2 border-danger bg-danger-bg p-3 font-semibold text-danger">
          {state.formError}
        </p>
      )}
      {state.done && <output className="block rounded-md border-2 border-good bg-good-bg p-3 font-semibold text-good">{state.done}</output>}
      {waiting > 0 && (
        <SubmitButton pendingLabel="Making the print run…">Create a print run</SubmitButton>
      )}
    </form>
  );
}

/** "Mark as posted" on a day (today unless changed): from then on the run's letters count as posted. */
export function MarkPostedForm({
  action,
  runId,
  today,
}: {
  action: (state: MarkPostedFormState, formData: FormData) => Promise<MarkPostedFormState>;
  runId: string;
  today: string;
}) {
  const [state, formAction] = useActionState(action, { values: {} });
  const key = useAnswerKey(state);
  const error = state.fieldErrors?.postedOn?.[0];
  const id = `posted-on-${runId}`;
  if (state.done) return <output className="block font-semibold text-good">{state.done}</output>;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <FieldBlock id={id} label="Posted on" error={error}>
        <input
          key={key}
          id={id}
          name="postedOn"
          type="date"
          max={today}
          defaultValue={state.values.postedOn ?? today}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="input w-auto"
        />
      </FieldBlock>
      <SubmitButton className="btn btn-secondary" pendingLabel="Marking…">
        Mark as posted
      </SubmitButton>
      {state.formError && (
        <p role="alert" className="w-full font-semibold text-danger">
          {state.formError}
        </p>
      )}
    </form>
  );
}
