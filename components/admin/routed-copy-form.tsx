"use client";

import { useActionState } from "react";
import { FieldBlock } from "@/components/field-block";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useAnswerKey } from "@/components/forms/use-server-answer";
import type { RoutedCopyFormState } from "@/lib/targets/schemas";

export type Option = { value: string; label: string };

/** "Add a copy to the embassy in each supporter's country": one choice, the state whose missions get the copy
 * (the case's country unless changed). A real form: it works without JavaScript. */
export function RoutedCopyForm({
  action,
  initial,
  countries,
}: {
  action: (state: RoutedCopyFormState, formData: FormData) => Promise<RoutedCopyFormState>;
  initial: RoutedCopyFormState["values"];
  countries: Option[];
}) {
  const [state, formAction] = useActionState(action, { values: initial });
  const answer = useAnswerKey(state);
  const error = state.fieldErrors?.missionOf?.[0];
  return (
    <form key={answer} action={formAction} noValidate className="space-y-4" aria-labelledby="routed-copy-heading">
      <h2 id="routed-copy-heading" className="text-xl">
        Add a copy to the embassy in each supporter’s country
      </h2>
      <p className="text-[0.9375rem] leading-relaxed text-ink-soft">
        Urgent actions ask supporters to send copies to the diplomatic representatives accredited to their own
        country. Each supporter’s copy goes to that state’s embassy (else a consulate) in the supporter’s country,
        chosen from the missions table when they confirm: by email where the mission has one, else by post.
      </p>
      {(state.formError || error) && (
        <ErrorSummary
          compact
          title={state.formError ?? "Nothing was added. Please check the field below."}
          items={state.formError ? [] : [{ href: "#routed-copy-missionOf", message: error! }]}
        />
      )}
      <FieldBlock id="routed-copy-missionOf" label="Embassies of" hint="The state the case is about, usually." error={error}>
        <select
          id="routed-copy-missionOf"
          name="missionOf"
          defaultValue={state.values.missionOf ?? ""}
          className="input"
          aria-invalid={error ? true : undefined}
          aria-describedby={["routed-copy-missionOf-hint", error ? "routed-copy-missionOf-error" : ""].filter(Boolean).join(" ")}
        >
          <option value="">Choose a state</option>
          {countries.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </FieldBlock>
      <SubmitButton pendingLabel="Adding…" className="btn btn-secondary">
        Add the embassy copy
      </SubmitButton>
    </form>
  );
}
