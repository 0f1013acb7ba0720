"use client";

import { useActionState, type ReactNode } from "react";
import { FieldError } from "@/components/field-block";
import { SubmitButton } from "@/components/forms/submit-button";
import { useAnswerKey } from "@/components/forms/use-server-answer";
import type { WorkflowFormState } from "@/lib/cases/case-schemas";

type WorkflowAction = (state: WorkflowFormState, formData: FormData) => Promise<WorkflowFormState>;

function Messages({ state }: { state: WorkflowFormState }) {
  return (
    <>
      {state.formError && (
        <p role="alert" className="rounded-md border-2 border-danger bg-danger-bg p-3 font-semibold text-danger">
          {state.formError}
        </p>
      )}
      {state.done && <output className="block rounded-md border-2 border-good bg-good-bg p-3 font-semibold text-good">{state.done}</output>}
    </>
  );
}

function Submit({ children, pendingLabel, variant = "primary", name, value }: { children: ReactNode; pendingLabel: string; variant?: "primary" | "secondary" | "dark"; name?: string; value?: string }) {
  return (
    <SubmitButton name={name} value={value} className={`btn btn-${variant}`} pendingLabel={pendingLabel}>
      {children}
    </SubmitButton>
  );
}

/** One button and a hidden id: submit for review, cancel a schedule. */
export function CaseButtonForm({
  action,
  caseId,
  label,
  pendingLabel,
  variant = "primary",
  note,
}: {
  action: WorkflowAction;
  caseId: string;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary" | "dark";
  note?: string;
}) {
  const [state, formAction] = useActionState(action, { values: {} });
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={caseId} />
      <Messages state={state} />
      <div className="flex flex-wrap items-center gap-3">
        <Submit pendingLabel={pendingLabel} variant={variant}>
          {label}
        </Submit>
        {note && <p className="text-[0.9375rem] text-ink-soft">{note}</p>}
      </div>
    </form>
  );
}

/** Publish now, or at a set time (read as UTC: the server cannot know the browser's time zone without JS). */
export function PublishForm({
  action,
  caseId,
  ready,
  minDateTime,
  reviewedVersion,
}: {
  action: WorkflowAction;
  caseId: string;
  ready: boolean;
  minDateTime: string;
  /** the caseContentVersion of the page the admin is reading: the server refuses if the case differs from it */
  reviewedVersion: string;
}) {
  const [state, formAction] = useActionState(action, { values: {} });
  const answer = useAnswerKey(state);
  const scheduleError = state.fieldErrors?.publishAt?.[0];
  return (
    <form action={formAction} noValidate className="space-y-5">
      <input type="hidden" name="id" value={caseId} />
      <input type="hidden" name="reviewedVersion" value={reviewedVersion} />
      <Messages state={state} />
      <div className="flex flex-wrap items-center gap-3">
        <Submit name="intent" value="now" pendingLabel="Publishing…">
          Publish now
        </Submit>
        {!ready && <p className="text-[0.9375rem] font-semibold text-danger">The checklist above must pass first.</p>}
      </div>
      <div className="border-t border-line pt-5">
        <label htmlFor="publish-at" className="field-label">
          Or publish at (UTC)
        </label>
        <span id="publish-at-hint" className="field-hint">
          The case goes public within a minute of this time, if the checklist still passes then.
        </span>
        {scheduleError && <FieldError id="publish-at-error" text={scheduleError} />}
        <div className="flex flex-wrap items-end gap-3">
          <input
            id="publish-at"
            name="publishAt"
            type="datetime-local"
            className="input w-auto"
            min={minDateTime}
            defaultValue={state.values.publishAt ?? ""}
            key={answer}
            aria-invalid={scheduleError ? true : undefined}
            aria-describedby={[scheduleError ? "publish-at-error" : "", "publish-at-hint"].filter(Boolean).join(" ")}
          />
          <Submit name="intent" value="schedule" variant="secondary" pendingLabel="Scheduling…">
            Schedule
          </Submit>
        </div>
      </div>
    </form>
  );
}

export function CloseCaseForm({ action, caseId, statuses }: { action: WorkflowAction; caseId: string; statuses: { value: string; label: string }[] }) {
  const [state, formAction] = useActionState(action, { values: {} });
  const answer = useAnswerKey(state);
  const outcomeError = state.fieldErrors?.outcome?.[0];
  const statusError = state.fieldErrors?.outcomeStatus?.[0];
  return (
    <form action={formAction} noValidate className="space-y-5">
      <input type="hidden" name="id" value={caseId} />
      <Messages state={state} />
      <div>
        <label htmlFor="close-outcome" className="field-label">
          Outcome
        </label>
        <span id="close-outcome-hint" className="field-hint">
          What happened, in a sentence or two. Shown on the case page in place of the form.
        </span>
        {outcomeError && <FieldError id="close-outcome-error" text={outcomeError} />}
        <textarea
          id="close-outcome"
          name="outcome"
          className="input"
          rows={3}
          dir="auto"
          defaultValue={state.values.outcome ?? ""}
          key={`o-${answer}`}
          aria-invalid={outcomeError ? true : undefined}
          aria-describedby={[outcomeError ? "close-outcome-error" : "", "close-outcome-hint"].filter(Boolean).join(" ")}
        />
      </div>
      <div>
        <label htmlFor="close-status" className="field-label">
          The person’s situation now (optional)
        </label>
        {statusError && <FieldError id="close-status-error" text={statusError} />}
        <select
          id="close-status"
          name="outcomeStatus"
          className="input"
          defaultValue={state.values.outcomeStatus ?? ""}
          key={`s-${answer}`}
          aria-invalid={statusError ? true : undefined}
        >
          <option value="">Unchanged</option>
          {statuses.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <Submit variant="dark" pendingLabel="Closing…">
        Close with this outcome
      </Submit>
    </form>
  );
}
