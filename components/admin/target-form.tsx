"use client";

import { FieldBlock, FieldError } from "@/components/field-block";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useAnswerKey } from "@/components/forms/use-server-answer";
import { useActionState } from "react";
import { OFFICE_WEEKS, TARGET_FIELDS, type TargetField as Field, type TargetFormState } from "@/lib/targets/schemas";

const ORDER: readonly Field[] = TARGET_FIELDS;

export type Option = { value: string; label: string };

/** What the pacing fields say when left empty: the server's default rate and the zone of the official's country. */
export type PacingHints = { defaultPerHour: number; countryZone: string; zones: string[] };

/** 20 an hour → "3 minutes"; a rate above 3600 an hour still reads "1 second". */
function everyText(perHour: number): string {
  const seconds = 3600 / perHour;
  const n = seconds >= 60 ? Math.round(seconds / 60) : Math.max(1, Math.round(seconds));
  return `${n} ${seconds >= 60 ? "minute" : "second"}${n === 1 ? "" : "s"}`;
}

const HOURS = Array.from({ length: 25 }, (_, h) => `${String(h).padStart(2, "0")}:00`);

const fieldId = (f: Field) => `target-${f}`;

/** Add or edit one official. A real form: without JavaScript the server answers with the same page, each error
 * next to its field and everything typed still in place. */
export function TargetForm({
  action,
  mode,
  initial,
  countries,
  languages,
  pacing,
  cancelHref,
  zoneName,
}: {
  action: (state: TargetFormState, formData: FormData) => Promise<TargetFormState>;
  mode: "add" | "edit";
  initial: TargetFormState["values"];
  countries: Option[];
  languages: Option[];
  pacing: PacingHints;
  cancelHref?: string;
  /** the official's time zone, where the digest hour is read ("Asia/Shanghai"); unknown while adding */
  zoneName?: string;
}) {
  const [state, formAction] = useActionState(action, { values: initial });
  const answer = useAnswerKey(state);
  // uncontrolled inputs work without JavaScript; a new key puts back what the server returned after React's
  // automatic form reset
  return <Fields key={answer} {...{ state, formAction, mode, countries, languages, pacing, cancelHref, zoneName }} />;
}

function Fields({
  state,
  formAction,
  mode,
  countries,
  languages,
  pacing,
  cancelHref,
  zoneName,
}: {
  state: TargetFormState;
  formAction: (formData: FormData) => void;
  mode: "add" | "edit";
  countries: Option[];
  languages: Option[];
  pacing: PacingHints;
  cancelHref?: string;
  zoneName?: string;
}) {
  const v = state.values;
  const errorOf = (f: Field) => state.fieldErrors?.[f]?.[0];
  const formError = state.formError;
  const firstError = ORDER.find((f) => errorOf(f));
  const described = (f: Field, hint: boolean) => [errorOf(f) ? `${fieldId(f)}-error` : "", hint ? `${fieldId(f)}-hint` : ""].filter(Boolean).join(" ") || undefined;
  const common = (f: Field, hint = false) => ({
    id: fieldId(f),
    name: f,
    "aria-invalid": errorOf(f) ? true : undefined,
    "aria-describedby": described(f, hint),
    defaultValue: v[f] ?? "",
  });
  const heading = mode === "add" ? "Add a target" : "Edit this target";

  return (
    <form action={formAction} noValidate className="space-y-5" aria-labelledby="target-form-heading">
      <h2 id="target-form-heading" className="text-2xl">
        {heading}
      </h2>
      {(formError || firstError) && (
        <ErrorSummary
          compact
          title={formError ?? "Nothing was saved. Please check the fields marked below."}
          items={formError ? [] : ORDER.filter((f) => errorOf(f)).map((f) => ({ href: `#${fieldId(f)}`, message: errorOf(f)! }))}
        />
      )}

      <fieldset aria-describedby={described("role", false)}>
        <legend id={fieldId("role")} tabIndex={-1} className="field-label">
          Role
        </legend>
        {errorOf("role") && <FieldError id={`${fieldId("role")}-error`} text={errorOf("role")!} />}
        <div className="mt-1 grid gap-2 sm:grid-cols-2">
          {[
            { value: "primary", label: "Addressed to", hint: "The letter is written to this official." },
            { value: "copy", label: "Copy to", hint: "Listed under “and copies to”; gets the letter too." },
          ].map((r) => (
            <div key={r.value} className="flex gap-3 rounded-md border-2 border-line-strong bg-surface p-3 has-[:checked]:border-ink">
              <input
                id={`target-role-${r.value}`}
                type="radio"
                name="role"
                value={r.value}
                defaultChecked={(v.role ?? "primary") === r.value}
                aria-describedby={`target-role-${r.value}-hint`}
                className="checkbox"
              />
              <div>
                <label htmlFor={`target-role-${r.value}`} className="block cursor-pointer font-semibold leading-snug">
                  {r.label}
                </label>
                <span id={`target-role-${r.value}-hint`} className="field-hint mb-0">
                  {r.hint}
                </span>
              </div>
            </div>
          ))}
        </div>
      </fieldset>

      <FieldBlock id={fieldId("title")} label="Title" hint="The official’s title, like “Minister of Public Security”." error={errorOf("title")}>
        <input {...common("title", true)} type="text" className="input" required aria-required="true" dir="auto" autoComplete="off" />
      </FieldBlock>
      <div className="grid gap-5 sm:grid-cols-2">
        <FieldBlock id={fieldId("name")} label="Name (optional)" error={errorOf("name")}>
          <input {...common("name")} type="text" className="input" dir="auto" autoComplete="off" />
        </FieldBlock>
        <FieldBlock id={fieldId("office")} label="Office (optional)" error={errorOf("office")}>
          <input {...common("office")} type="text" className="input" dir="auto" autoComplete="off" />
        </FieldBlock>
      </div>
      <FieldBlock id={fieldId("postalAddress")} label="Postal address" hint="One line per line of the envelope." error={errorOf("postalAddress")}>
        <textarea {...common("postalAddress", true)} className="input" rows={4} required aria-required="true" dir="auto" />
      </FieldBlock>
      <FieldBlock id={fieldId("country")} label="Country" error={errorOf("country")}>
        <select {...common("country")} className="input" required aria-required="true">
          <option value="">Choose a country</option>
          {countries.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </FieldBlock>
      <FieldBlock id={fieldId("email")} label="Email (optional)" hint="One address only, like office@example.org. Leave empty to send by fax or post." error={errorOf("email")}>
        <input {...common("email", true)} type="text" inputMode="email" autoCapitalize="none" spellCheck={false} className="input" autoComplete="off" />
      </FieldBlock>
      <FieldBlock id={fieldId("fax")} label="Fax (optional)" hint="International format: + and the country code, like +86 10 6529 2345." error={errorOf("fax")}>
        <input {...common("fax", true)} type="tel" className="input" autoComplete="off" />
      </FieldBlock>
      <div className="grid gap-5 sm:grid-cols-2">
        <FieldBlock id={fieldId("salutation")} label="Salutation" hint="How the letter greets them, like “Your Excellency”." error={errorOf("salutation")}>
          <input {...common("salutation", true)} type="text" className="input" required aria-required="true" dir="auto" autoComplete="off" />
        </FieldBlock>
        <FieldBlock id={fieldId("language")} label="Language" hint="The language of the letter this official gets." error={errorOf("language")}>
          <select {...common("language", true)} className="input">
            {languages.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </FieldBlock>
      </div>
      <fieldset aria-describedby={[described("deliveryMode", false), `${fieldId("deliveryMode")}-hint`].filter(Boolean).join(" ")} className="space-y-3">
        <legend id={fieldId("deliveryMode")} tabIndex={-1} className="field-label">
          Delivery by email
        </legend>
        <p id={`${fieldId("deliveryMode")}-hint`} className="field-hint">
          Only letters that go by email can be gathered. Without an email address, letters go by fax or post, one each.
        </p>
        {errorOf("deliveryMode") && <FieldError id={`${fieldId("deliveryMode")}-error`} text={errorOf("deliveryMode")!} />}
        <div className="grid gap-2 sm:grid-cols-2">
          {[
            { value: "each", label: "One email per supporter", hint: "Each letter goes as soon as its supporter confirms." },
            { value: "digest", label: "One digest a day", hint: "All of the day’s letters in one email, at the hour below." },
          ].map((r) => (
            <div key={r.value} className="flex gap-3 rounded-md border-2 border-line-strong bg-surface p-3 has-[:checked]:border-ink">
              <input
                id={`target-deliveryMode-${r.value}`}
                type="radio"
                name="deliveryMode"
                value={r.value}
                defaultChecked={(v.deliveryMode ?? "each") === r.value}
                aria-describedby={`target-deliveryMode-${r.value}-hint`}
                className="checkbox"
              />
              <div>
                <label htmlFor={`target-deliveryMode-${r.value}`} className="block cursor-pointer font-semibold leading-snug">
                  {r.label}
                </label>
                <span id={`target-deliveryMode-${r.value}-hint`} className="field-hint mb-0">
                  {r.hint}
                </span>
              </div>
            </div>
          ))}
        </div>
        <div className="grid gap-5 sm:grid-cols-2">
          <FieldBlock id={fieldId("digestHour")} label="Digest hour" hint={`On the official’s clock${zoneName ? ` (${zoneName})` : ""}.`} error={errorOf("digestHour")}>
            <select {...common("digestHour", true)} className="input">
              {Array.from({ length: 24 }, (_, h) => (
                <option key={h} value={String(h)}>
                  {`${String(h).padStart(2, "0")}:00`}
                </option>
              ))}
            </select>
          </FieldBlock>
          <FieldBlock id={fieldId("digestFormat")} label="Digest format" hint="How the letters travel in the digest." error={errorOf("digestFormat")}>
            <select {...common("digestFormat", true)} className="input">
              <option value="inline">Every letter in full in the email</option>
              <option value="pdf">One attached PDF of the letters</option>
            </select>
          </FieldBlock>
        </div>
      </fieldset>

      <fieldset className="space-y-4 rounded-md border border-line p-4">
        <legend className="px-1 font-semibold">Pacing of emails to this official</legend>
        <p className="field-hint">
          Letters are spread out so they reach the inbox rather than a spam filter: one every {everyText(pacing.defaultPerHour)} unless
          you set a rate, and only inside office hours if you set them, in the official’s time zone.
        </p>
        <FieldBlock
          id={fieldId("pacePerHour")}
          label="Most letters an hour (optional)"
          hint={`A whole number. Empty: ${pacing.defaultPerHour} an hour, this server’s default.`}
          error={errorOf("pacePerHour")}
        >
          <input {...common("pacePerHour", true)} type="text" inputMode="numeric" className="input w-32" autoComplete="off" placeholder={String(pacing.defaultPerHour)} />
        </FieldBlock>
        <div className="grid grid-cols-2 gap-4">
          <FieldBlock id={fieldId("officeHoursStart")} label="Office opens" error={errorOf("officeHoursStart")}>
            <select {...common("officeHoursStart")} className="input">
              <option value="">Any</option>
              {HOURS.slice(0, 24).map((h, i) => (
                <option key={h} value={String(i)}>
                  {h}
                </option>
              ))}
            </select>
          </FieldBlock>
          <FieldBlock id={fieldId("officeHoursEnd")} label="Office closes" error={errorOf("officeHoursEnd")}>
            <select {...common("officeHoursEnd")} className="input">
              <option value="">Any</option>
              {HOURS.slice(1).map((h, i) => (
                <option key={h} value={String(i + 1)}>
                  {h === "24:00" ? "24:00 (midnight)" : h}
                </option>
              ))}
            </select>
          </FieldBlock>
        </div>
        <FieldBlock id={fieldId("officeDays")} label="Working days" hint="Used only with office hours." error={errorOf("officeDays")}>
          <select {...common("officeDays", true)} className="input">
            {OFFICE_WEEKS.map((w) => (
              <option key={w.value} value={w.value}>
                {w.label}
              </option>
            ))}
          </select>
        </FieldBlock>
        <FieldBlock
          id={fieldId("timeZone")}
          label="Time zone (optional)"
          hint={`An IANA name, like Asia/Shanghai. Empty: ${pacing.countryZone}, the zone of the official’s country.`}
          error={errorOf("timeZone")}
        >
          <input {...common("timeZone", true)} type="text" list="target-time-zones" className="input" autoComplete="off" spellCheck={false} dir="ltr" placeholder={pacing.countryZone} />
          <datalist id="target-time-zones">
            {pacing.zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </datalist>
        </FieldBlock>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Saving…">{mode === "add" ? "Add target" : "Save changes"}</SubmitButton>
        {cancelHref && (
          <a href={cancelHref} className="btn btn-secondary">
            Cancel
          </a>
        )}
      </div>
    </form>
  );
}
