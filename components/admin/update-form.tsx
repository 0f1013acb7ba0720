"use client";

import { useActionState, useState } from "react";
import { FieldError } from "@/components/field-block";
import { UPDATE_KIND_LABELS } from "@/lib/labels";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useAnswerKey } from "@/components/forms/use-server-answer";
import { UPDATE_FIELDS, type UpdateField as Field, type UpdateFormState } from "@/lib/updates/schemas";

const ORDER: readonly Field[] = UPDATE_FIELDS;
const codePoints = (s: string) => [...s].length;
const fieldId = (f: Field) => `update-${f}`;

/** Post a dated update. Works without JavaScript (a plain POST to the server action); with it, the length of
 * the title and text is shown as the campaigner types. A refused form keeps everything typed. */
export function UpdateForm({
  action,
  formKey,
  personName,
  followers,
  statuses,
  currentStatus,
  today,
  titleMax,
  bodyMax,
}: {
  action: (state: UpdateFormState, formData: FormData) => Promise<UpdateFormState>;
  /** the one-time key of this form's first submit: a double submit posts (and mails) once */
  formKey: string;
  personName: string;
  followers: number;
  statuses: { value: string; label: string }[];
  currentStatus: string;
  today: string;
  titleMax: number;
  bodyMax: number;
}) {
  const [state, formAction] = useActionState(action, { values: { kind: "further_information", happenedOn: today, formKey } });
  const answer = useAnswerKey(state);
  // the inputs are uncontrolled (they work without JavaScript); a new key resets them, and the length counters,
  // to what the server sent back
  return <Fields key={answer} {...{ state, formAction, personName, followers, statuses, currentStatus, today, titleMax, bodyMax }} />;
}

function Fields({
  state,
  formAction,
  personName,
  followers,
  statuses,
  currentStatus,
  today,
  titleMax,
  bodyMax,
}: {
  state: UpdateFormState;
  formAction: (formData: FormData) => void;
  personName: string;
  followers: number;
  statuses: { value: string; label: string }[];
  currentStatus: string;
  today: string;
  titleMax: number;
  bodyMax: number;
}) {
  const errorOf = (f: Field) => state.fieldErrors?.[f]?.[0];
  const describedBy = (f: Field, hint = true) => [errorOf(f) ? `${fieldId(f)}-error` : "", hint ? `${fieldId(f)}-hint` : ""].filter(Boolean).join(" ") || undefined;
  const formError = state.formError;
  const firstError = ORDER.find((f) => errorOf(f));
  const [titleLength, setTitleLength] = useState<number | null>(null);
  const [bodyLength, setBodyLength] = useState<number | null>(null);

  return (
    <form action={formAction} noValidate className="space-y-6" aria-labelledby="update-form-heading">
      <input type="hidden" name="formKey" value={state.values.formKey ?? ""} />
      <h2 id="update-form-heading" className="text-2xl">
        Post an update
      </h2>
      {(formError || firstError) && (
        // the field to fix takes the focus (autofocus below), not the summary
        <ErrorSummary compact autoFocus={false} title={formError ?? "The update was not posted. Please check the fields marked below."} />
      )}
      {state.done && (
        <output className="block rounded-md border-2 border-good bg-good-bg p-3 font-semibold text-good">{state.done}</output>
      )}

      <fieldset aria-describedby={describedBy("kind")}>
        <legend className="field-label">What kind of update</legend>
        <span id={`${fieldId("kind")}-hint`} className="field-hint">
          An outcome is the news supporters most want to hear: a release, charges dropped, a sentence commuted.
        </span>
        {errorOf("kind") && <FieldError id={`${fieldId("kind")}-error`} text={errorOf("kind")!} />}
        <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
          {Object.entries(UPDATE_KIND_LABELS).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="kind" value={value} defaultChecked={(state.values.kind ?? "further_information") === value} className="checkbox" />
              {label}
            </label>
          ))}
        </div>
      </fieldset>

      <div>
        <label htmlFor={fieldId("title")} className="field-label">
          Title
        </label>
        <span id={`${fieldId("title")}-hint`} className="field-hint">
          One line, up to {titleMax} characters, e.g. “Released on bail”.
          {titleLength !== null && (
            <span className={titleLength > titleMax ? "font-bold text-danger" : ""}> {titleLength} / {titleMax}</span>
          )}
        </span>
        {errorOf("title") && <FieldError id={`${fieldId("title")}-error`} text={errorOf("title")!} />}
        <input
          id={fieldId("title")}
          name="title"
          type="text"
          className="input"
          required
          aria-required="true"
          aria-invalid={errorOf("title") ? true : undefined}
          aria-describedby={describedBy("title")}
          defaultValue={state.values.title ?? ""}
          onChange={(e) => setTitleLength(codePoints(e.target.value))}
          // oxlint-disable-next-line jsx-a11y/no-autofocus -- only in answer to their own submit, to the field to fix
          autoFocus={firstError === "title"}
        />
      </div>

      <div>
        <label htmlFor={fieldId("body")} className="field-label">
          What happened
        </label>
        <span id={`${fieldId("body")}-hint`} className="field-hint">
          Markdown: **bold**, *italic*, [a link](https://…), lists. HTML is not shown. Up to {bodyMax.toLocaleString("en-GB")} characters.
          {bodyLength !== null && (
            <span className={bodyLength > bodyMax ? "font-bold text-danger" : ""}>
              {" "}
              {bodyLength.toLocaleString("en-GB")} / {bodyMax.toLocaleString("en-GB")}
            </span>
          )}
        </span>
        {errorOf("body") && <FieldError id={`${fieldId("body")}-error`} text={errorOf("body")!} />}
        <textarea
          id={fieldId("body")}
          name="body"
          rows={8}
          className="input"
          required
          aria-required="true"
          aria-invalid={errorOf("body") ? true : undefined}
          aria-describedby={describedBy("body")}
          defaultValue={state.values.body ?? ""}
          onChange={(e) => setBodyLength(codePoints(e.target.value))}
          // oxlint-disable-next-line jsx-a11y/no-autofocus -- only in answer to their own submit, to the field to fix
          autoFocus={firstError === "body"}
        />
      </div>

      <div className="grid gap-6 sm:grid-cols-2">
        <div>
          <label htmlFor={fieldId("happenedOn")} className="field-label">
            The day it happened
          </label>
          <span id={`${fieldId("happenedOn")}-hint`} className="field-hint">
            Not in the future. Format YYYY-MM-DD if your browser shows a text box.
          </span>
          {errorOf("happenedOn") && <FieldError id={`${fieldId("happenedOn")}-error`} text={errorOf("happenedOn")!} />}
          <input
            id={fieldId("happenedOn")}
            name="happenedOn"
            type="date"
            className="input"
            required
            aria-required="true"
            max={today}
            aria-invalid={errorOf("happenedOn") ? true : undefined}
            aria-describedby={describedBy("happenedOn")}
            defaultValue={state.values.happenedOn ?? today}
            // oxlint-disable-next-line jsx-a11y/no-autofocus -- only in answer to their own submit, to the field to fix
            autoFocus={firstError === "happenedOn"}
          />
        </div>
        <div>
          <label htmlFor={fieldId("riskStatus")} className="field-label">
            New status (optional)
          </label>
          <span id={`${fieldId("riskStatus")}-hint`} className="field-hint">
            Now: {statuses.find((s) => s.value === currentStatus)?.label ?? currentStatus}. The case page will show the new one.
          </span>
          {errorOf("riskStatus") && <FieldError id={`${fieldId("riskStatus")}-error`} text={errorOf("riskStatus")!} />}
          <select
            id={fieldId("riskStatus")}
            name="riskStatus"
            className="input"
            aria-invalid={errorOf("riskStatus") ? true : undefined}
            aria-describedby={describedBy("riskStatus")}
            defaultValue={state.values.riskStatus ?? ""}
          >
            <option value="">Leave unchanged</option>
            {statuses.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </div>

      <p className="text-[0.9375rem] text-ink-soft">
        {followers === 0
          ? `Nobody has asked to hear about ${personName} yet, so no email will be sent.`
          : `Posting emails this update to the ${followers === 1 ? "1 supporter" : `${followers.toLocaleString("en-GB")} supporters`} who asked to hear about ${personName}. It cannot be unsent.`}
      </p>
      <SubmitButton className="btn btn-primary w-full sm:w-auto" pendingLabel="Posting…">
        Post update
      </SubmitButton>
    </form>
  );
}

