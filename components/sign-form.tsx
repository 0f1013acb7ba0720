"use client";

import { FieldBlock } from "@/components/field-block";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton, useSubmitting } from "@/components/forms/submit-button";
import { useServerAnswer } from "@/components/forms/use-server-answer";
import { useSettledValue } from "@/components/forms/use-settled-value";
import { useClientLocale, useClientTranslations } from "./client-intl";
import { countryOptions } from "@/lib/countries";
import { translateError } from "@/components/forms/translate-error";
import { startTransition, useActionState, useId, useMemo, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { initialsOf, renderLetter } from "@/lib/letters/render";
import { letterVariantSeed, variantCounts } from "@/lib/letters/variants";
// the plain checks, not the zod schema they are part of: the page ships no validation library (decision 025)
import { HONEYPOT_FIELD, INTENT_FIELD, VERSION_FIELD, MESSAGE_MAX, NAME_MAX, signFieldProblems, type FieldErrors } from "@/lib/signatures/sign-checks";
import type { SignFormState } from "@/lib/signatures/schemas";
import type { Target } from "@/lib/targets/types";
import { LetterList, letterListLabels, type PreviewLetter } from "./letter-list";

export type { PreviewLetter } from "./letter-list";

type TextField = "fullName" | "email" | "country" | "message";
type CheckField = "initialsOnly" | "allowReply" | "followUpdates";
type Field = TextField | CheckField;

export type { SignFormState } from "@/lib/signatures/schemas";

export type LetterSource = {
  targetId: string;
  role: Target["role"];
  recipient: string;
  target: Pick<Target, "title" | "name" | "office" | "salutation">;
  template: { id: string; language: string; subject: string; body: string };
};

type Values = Record<TextField, string> & Record<CheckField, boolean>;

const TEXT_FIELDS: TextField[] = ["fullName", "email", "country", "message"];
const CHECK_FIELDS: CheckField[] = ["initialsOnly", "allowReply", "followUpdates"];
const ERROR_ORDER: Field[] = [...TEXT_FIELDS, ...CHECK_FIELDS];

const isChecked = (v: string | undefined) => v === "on" || v === "true" || v === "1";
const fieldId = (f: Field) => `sign-${f}`;
const codePoints = (s: string) => [...s].length;
const noSubscribe = () => () => {};
const COUNTRY_FIELD = /\{\{\s*supporter\.country\s*\}\}/g;

/** How long typing must pause before the live preview (an aria-live region) changes. */
const PREVIEW_PAUSE_MS = 600;

/** Until a country is chosen, the live preview says where it will go instead of leaving a gap. */
function withCountryPlaceholder(template: LetterSource["template"], country: string, placeholder: string): LetterSource["template"] {
  if (country) return template;
  return { ...template, subject: template.subject.replace(COUNTRY_FIELD, placeholder), body: template.body.replace(COUNTRY_FIELD, placeholder) };
}

function toValues(v: SignFormState["values"]): Values {
  return {
    fullName: v.fullName ?? "",
    email: v.email ?? "",
    country: v.country ?? "",
    message: v.message ?? "",
    initialsOnly: isChecked(v.initialsOnly),
    allowReply: isChecked(v.allowReply),
    followUpdates: isChecked(v.followUpdates),
  };
}

const hasErrors = (e: FieldErrors | undefined) => Boolean(e && Object.values(e).some((m) => m && m.length > 0));

export function SignForm({
  action,
  caseId,
  personName,
  reference,
  letters,
  signingOff = false,
  caseVersion,
}: {
  action: (state: SignFormState, formData: FormData) => Promise<SignFormState>;
  /** with the address typed and the template, picks the letter's versions exactly as signing will */
  caseId: string;
  personName: string;
  reference: string;
  letters: LetterSource[];
  /** the staff preview of an unpublished case: the form is shown as supporters will see it, but nothing can be sent */
  signingOff?: boolean;
  /** the case's content version these letters are rendered from, sent back so signing stores what was previewed */
  caseVersion: string | null;
}) {
  const t = useClientTranslations("signForm");
  const te = useClientTranslations("errors");
  const tl = useClientTranslations("letterList");
  // the names come from the browser's own Intl, in the page's language: the page payload carries no country list
  // (docs/decisions/025); the server rendered the same list into the HTML, and an option whose name differs
  // between the two ICU versions keeps the server's (suppressHydrationWarning), with the same code either way
  const locale = useClientLocale();
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const [state, formAction, isPending] = useActionState(action, { values: {} });
  const [values, setValues] = useState<Values>(() => toValues(state.values));
  const [errors, setErrors] = useState<FieldErrors>(() => state.fieldErrors ?? {});
  const [showSummary, setShowSummary] = useState(() => hasErrors(state.fieldErrors));
  const [focusTick, setFocusTick] = useState(0);
  const [today] = useState(() => new Date());
  // false on the server and during hydration, true after: the live preview is a JavaScript-only extra
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const lettersRef = useRef<HTMLHeadingElement>(null);
  const hintId = useId();

  // A new answer from the server: its errors replace whatever the browser found.
  useServerAnswer(state, (answer) => {
    setErrors(answer.fieldErrors ?? {});
    setShowSummary(hasErrors(answer.fieldErrors));
    if (hasErrors(answer.fieldErrors) || answer.formError) setFocusTick((tick) => tick + 1);
  });

  // the preview follows a pause in typing, not each key: its region is announced (politely) to screen readers
  const typed = useSettledValue(values, PREVIEW_PAUSE_MS);
  const liveLetters = useMemo((): PreviewLetter[] | null => {
    if (!hydrated) return null;
    return letters.map((l) => {
      try {
        const letter = renderLetter({
          // the placeholders stand in the letter, which is in the official's language: they say so in brackets
          template: withCountryPlaceholder(l.template, typed.country, t("placeholderCountry")),
          supporter: {
            fullName: typed.fullName.trim() || t("placeholderName"),
            initialsOnly: typed.initialsOnly && typed.fullName.trim() !== "",
            country: typed.country,
            message: typed.message,
          },
          target: l.target,
          caseInfo: { personName, reference },
          date: today,
          variantSeed: letterVariantSeed({ email: typed.email, caseId, templateId: l.template.id }),
        });
        return { targetId: l.targetId, role: l.role, recipient: l.recipient, language: l.template.language, ...letter };
      } catch {
        return { targetId: l.targetId, role: l.role, recipient: l.recipient, language: "en", subject: "", body: "" };
      }
    });
  }, [hydrated, letters, typed, caseId, personName, reference, today, t]);

  const shownLetters = liveLetters ?? state.preview ?? null;
  const varied = useMemo(() => letters.some((l) => (variantCounts(l.template)?.combinations ?? 1) > 1), [letters]);

  function update<F extends Field>(field: F, value: Values[F]) {
    const next = { ...values, [field]: value };
    setValues(next);
    // once a field has an error, say as soon as it is fixed
    if (errors[field]) setErrors((prev) => ({ ...prev, [field]: signFieldProblems(next)[field] }));
  }

  function check(field: TextField) {
    if (values[field] === "" && !errors[field]) return; // do not scold someone for tabbing through
    setErrors((prev) => ({ ...prev, [field]: signFieldProblems(values)[field] }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent = submitter?.value === "send" ? "send" : "preview";
    event.preventDefault();
    if (isPending || signingOff) return; // a second click while the first is on its way
    if (intent === "preview") {
      // with JavaScript the preview is already live: take the reader to it
      lettersRef.current?.scrollIntoView({ block: "start" });
      lettersRef.current?.focus({ preventScroll: true });
      return;
    }
    const found = signFieldProblems(values);
    if (hasErrors(found)) {
      setErrors(found);
      setShowSummary(true);
      setFocusTick((tick) => tick + 1);
      return;
    }
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(formData));
  }

  const errorOf = (f: Field) => translateError(te, errors[f]?.[0]);
  const describedBy = (f: Field, ...extra: string[]) =>
    [errorOf(f) ? `${fieldId(f)}-error` : "", ...extra].filter(Boolean).join(" ") || undefined;
  const summaryItems = showSummary ? ERROR_ORDER.filter((f) => errorOf(f)) : [];
  const formError = translateError(te, errors.form?.[0] ?? state.formError);
  const messageLength = codePoints(values.message);
  const initials = hydrated && values.fullName.trim() ? initialsOf(values.fullName.trim()) : null;

  return (
    <form action={formAction} onSubmit={handleSubmit} noValidate className="space-y-6">
      {signingOff && (
        <p className="rounded-md border-2 border-ink bg-accent p-3 font-semibold" id={`${hintId}-off`}>
          {t("signingOff")}
        </p>
      )}
      {/* a disabled fieldset disables every field and button inside it, with or without JavaScript */}
      {caseVersion && <input type="hidden" name={VERSION_FIELD} value={caseVersion} />}
      <fieldset disabled={signingOff} aria-describedby={signingOff ? `${hintId}-off` : undefined} className="min-w-0 space-y-6">
        <div>
          {(summaryItems.length > 0 || formError) && (
            <ErrorSummary
              heading="h3"
              focusKey={focusTick}
              focusFieldOnClick
              title={summaryItems.length > 0 ? t("summaryTitle") : t("notSentTitle")}
              message={formError}
              items={summaryItems.map((f) => ({ href: `#${fieldId(f)}`, message: errorOf(f)! }))}
            />
          )}
        </div>

        <FieldBlock id={fieldId("fullName")} label={t("fullName")} error={errorOf("fullName")} errorPrefix={te("prefix")}>
          <input
            id={fieldId("fullName")}
            name="fullName"
            type="text"
            className="input"
            autoComplete="name"
            maxLength={NAME_MAX}
            dir="auto"
            required
            aria-required="true"
            aria-invalid={errorOf("fullName") ? true : undefined}
            aria-describedby={describedBy("fullName")}
            value={values.fullName}
            onChange={(e) => update("fullName", e.target.value)}
            onBlur={() => check("fullName")}
          />
        </FieldBlock>

        <FieldBlock
          errorPrefix={te("prefix")}
          id={fieldId("email")}
          label={t("email")}
          hint={t("emailHint")}
          error={errorOf("email")}
        >
          <input
            id={fieldId("email")}
            name="email"
            type="email"
            className="input"
            autoComplete="email"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            aria-required="true"
            aria-invalid={errorOf("email") ? true : undefined}
            aria-describedby={describedBy("email", `${fieldId("email")}-hint`)}
            value={values.email}
            onChange={(e) => update("email", e.target.value)}
            onBlur={() => check("email")}
          />
        </FieldBlock>

        <FieldBlock
          errorPrefix={te("prefix")}
          id={fieldId("country")}
          label={t("country")}
          hint={t("countryHint")}
          error={errorOf("country")}
        >
          <select
            id={fieldId("country")}
            name="country"
            className="input"
            autoComplete="country"
            required
            aria-required="true"
            aria-invalid={errorOf("country") ? true : undefined}
            aria-describedby={describedBy("country", `${fieldId("country")}-hint`)}
            value={values.country}
            onChange={(e) => update("country", e.target.value)}
            onBlur={() => check("country")}
          >
            <option value="">{t("chooseCountry")}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code} suppressHydrationWarning>
                {c.name}
              </option>
            ))}
          </select>
        </FieldBlock>

        <FieldBlock
          errorPrefix={te("prefix")}
          id={fieldId("message")}
          label={t("message")}
          hint={t("messageHint")}
          error={errorOf("message")}
          after={
            <p id={`${fieldId("message")}-count`} className="mt-1 text-end text-[0.875rem] text-ink-soft">
              {hydrated ? t("messageCount", { count: messageLength, max: MESSAGE_MAX }) : t("messageMax", { max: MESSAGE_MAX })}
            </p>
          }
        >
          <textarea
            id={fieldId("message")}
            name="message"
            className="input"
            rows={4}
            maxLength={MESSAGE_MAX}
            dir="auto"
            aria-invalid={errorOf("message") ? true : undefined}
            aria-describedby={describedBy("message", `${fieldId("message")}-hint`, `${fieldId("message")}-count`)}
            value={values.message}
            onChange={(e) => update("message", e.target.value)}
            onBlur={() => check("message")}
          />
        </FieldBlock>

        <fieldset className="space-y-4">
          <legend className="field-label mb-3">{t("choices")}</legend>
          <Checkbox
            field="initialsOnly"
            label={t("initialsOnly")}
            hint={initials ? t("initialsHintWith", { initials }) : t("initialsHint")}
            checked={values.initialsOnly}
            onChange={(v) => update("initialsOnly", v)}
          />
          <Checkbox
            field="allowReply"
            label={t("allowReply")}
            hint={t("allowReplyHint")}
            checked={values.allowReply}
            onChange={(v) => update("allowReply", v)}
          />
          <Checkbox
            field="followUpdates"
            label={t("followUpdates", { name: personName })}
            hint={t("followUpdatesHint")}
            checked={values.followUpdates}
            onChange={(v) => update("followUpdates", v)}
          />
        </fieldset>

        {/* For bots only: people never see it, screen readers skip it, and a filled one is quietly dropped. */}
        <div className="honeypot" aria-hidden="true">
          <label htmlFor={`sign-${HONEYPOT_FIELD}`}>{t("honeypot")}</label>
          <input id={`sign-${HONEYPOT_FIELD}`} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>

        <section aria-labelledby={`${hintId}-letters`} className="border-t border-line pt-5">
          {/* the server's preview (no JavaScript) arrives as a new page: land on it, not at the top */}
          <h3
            id={`${hintId}-letters`}
            ref={lettersRef}
            tabIndex={-1}
            // oxlint-disable-next-line jsx-a11y/no-autofocus -- only in the answer to their own "Preview" press
            autoFocus={Boolean(state.preview) && !state.fieldErrors}
            className="text-xl"
          >
            {t("lettersHeading", { count: letters.length })}
          </h3>
          {shownLetters ? (
            <>
              <p className="mt-1 text-[0.9375rem] text-ink-soft">
                {liveLetters ? t("lettersExactLive", { count: letters.length }) : t("lettersExact", { count: letters.length })}
                {varied && ` ${t("lettersVaried")}`}
              </p>
              {/* a live region from its first paint (it appears with the letters, so loading the page announces
                  nothing): what changes after a pause in typing is read out when the reader is idle */}
              <div aria-live="polite">
                <LetterList letters={shownLetters} labels={letterListLabels(tl)} />
              </div>
            </>
          ) : (
            <p className="mt-1 text-[0.9375rem] text-ink-soft">
              {t("lettersPress", { count: letters.length })}
            </p>
          )}
        </section>

        <SubmitButtons />
      </fieldset>
    </form>
  );
}

function Checkbox({
  field,
  label,
  hint,
  checked,
  onChange,
}: {
  field: CheckField;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = fieldId(field);
  return (
    <div className="flex gap-3">
      <input
        id={id}
        name={field}
        type="checkbox"
        className="checkbox"
        aria-describedby={`${id}-hint`}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <div>
        <label htmlFor={id} className="cursor-pointer font-semibold leading-snug">
          {label}
        </label>
        <span id={`${id}-hint`} className="field-hint mt-0.5">
          {hint}
        </span>
      </div>
    </div>
  );
}

function SubmitButtons() {
  const t = useClientTranslations("signForm");
  const sending = useSubmitting({ name: INTENT_FIELD, value: "send" });
  return (
    <div className="space-y-3 border-t border-line pt-5">
      <div className="flex flex-col gap-3">
        <button type="submit" name={INTENT_FIELD} value="preview" className="btn btn-secondary">
          {t("preview")}
        </button>
        <SubmitButton name={INTENT_FIELD} value="send" pendingOnlyWhenChosen pendingLabel={t("sendingShort")}>
          {t("send")}
        </SubmitButton>
      </div>
      <p className="text-[0.9375rem] text-ink-soft" aria-live="polite">
        {sending ? t("sending") : t("sendNote")}
      </p>
    </div>
  );
}
