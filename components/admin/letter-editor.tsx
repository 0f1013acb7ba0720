"use client";

import { FieldBlock } from "@/components/field-block";
import { useActionState, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useServerAnswer } from "@/components/forms/use-server-answer";
import { previewLetters, textLength, withDraft, type PreviewTarget, type TargetLetter } from "@/lib/letters/preview";
import { personalLineProblem, subjectProblem, unknownFieldsMessage, type LetterFormState } from "@/lib/letters/schemas";
import { bodyVariantProblem, distinctLetters, MAX_VARIANTS, SIMULATED_SUPPORTERS, subjectVariants, VARIANTS_CLOSE, VARIANTS_OPEN, VARIANTS_OR, variantCounts } from "@/lib/letters/variants";
import type { LetterTemplate } from "@/lib/letters/render";
import { fallbackSubjectFor, ownMailLength, ownMailPlan } from "@/lib/own-channels/mail-plan";
import { useClientTranslations } from "../client-intl";
import { LetterList, letterListLabels } from "../letter-list";
import { MailtoLengths, type MailtoLengthRow } from "./mailto-lengths";

export type MergeFieldInfo = { name: string; description: string };

const noSubscribe = () => () => {};
// a letter that cannot be rendered says why in place of its text
const showProblem = (l: TargetLetter): TargetLetter =>
  l.problem ? { ...l, subject: "(shown once the letter is fixed)", body: l.problem } : l;

/**
 * The model letter in one language: subject, body, the merge fields to insert, and the letters as each target
 * will receive them, signed by a sample supporter. With JavaScript the palette inserts at the cursor and the
 * preview and checks follow every keystroke; without it, "Preview" asks the server for the same page.
 */
export function LetterEditor({
  action,
  language,
  languageLabel,
  saved,
  initialPreview,
  otherTemplates,
  targets,
  targetEmails,
  caseInfo,
  preferred,
  today,
  mergeFields,
  subjectMax,
  bodyMax,
}: {
  action: (state: LetterFormState, formData: FormData) => Promise<LetterFormState>;
  language: string;
  languageLabel: string;
  saved: { subject: string; body: string } | null;
  /** the server's rendering of the saved letters: the preview before hydration (dates and names come from the
   * server's ICU, which may differ from the browser's) and without JavaScript */
  initialPreview: TargetLetter[];
  otherTemplates: LetterTemplate[];
  targets: PreviewTarget[];
  /** each target's email address (null: none), for the length of supporters' own mail links */
  targetEmails: Record<string, string | null>;
  caseInfo: { personName: string; reference: string };
  preferred: string[];
  today: string;
  mergeFields: MergeFieldInfo[];
  subjectMax: number;
  bodyMax: number;
}) {
  const [state, formAction] = useActionState(action, { values: { language, subject: saved?.subject ?? "", body: saved?.body ?? "" } });
  // the letter list in the workspace's English (the admin shell's provider), as supporters see it in theirs
  const labels = letterListLabels(useClientTranslations("letterList"));
  const [subject, setSubject] = useState(state.values.subject ?? "");
  const [body, setBody] = useState(state.values.body ?? "");
  const [errors, setErrors] = useState(state.fieldErrors ?? {});
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const subjectRef = useRef<HTMLTextAreaElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastFocused = useRef<"subject" | "body">("body");
  const previewRef = useRef<HTMLHeadingElement>(null);
  const pendingCaret = useRef<{ field: "subject" | "body"; at: number } | null>(null);

  // a new answer from the server: its errors, and the text it kept, replace the browser's
  useServerAnswer(state, (answer) => {
    setErrors(answer.fieldErrors ?? {});
    setSubject(answer.values.subject ?? subject);
    setBody(answer.values.body ?? body);
  });

  useLayoutEffect(() => {
    const caret = pendingCaret.current;
    if (!caret) return;
    pendingCaret.current = null;
    const el = caret.field === "subject" ? subjectRef.current : bodyRef.current;
    el?.focus();
    el?.setSelectionRange(caret.at, caret.at);
  });

  function insert(name: string) {
    const token = `{{${name}}}`;
    const field = lastFocused.current;
    const el = field === "subject" ? subjectRef.current : bodyRef.current;
    const value = field === "subject" ? subject : body;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    const next = value.slice(0, start) + token + value.slice(end);
    if (field === "subject") setSubject(next);
    else setBody(next);
    pendingCaret.current = { field, at: start + token.length };
  }

  // flagged as the campaigner types; the server refuses the same on save
  // (an empty subject is not scolded while typing; saving says so)
  const liveSubjectProblem = subject.trim() ? subjectProblem(subject) : null;
  const liveBodyProblem = unknownFieldsMessage(body) ?? bodyVariantProblem(body) ?? (body.trim() ? personalLineProblem(body) : null);
  const subjectError = liveSubjectProblem ?? errors.subject?.[0];
  const bodyError = liveBodyProblem ?? errors.body?.[0];
  const formError = state.formError ?? errors.language?.[0];

  const liveLetters = useMemo(
    () =>
      previewLetters({
        templates: withDraft(otherTemplates, { language, subject, body }),
        targets,
        caseInfo,
        preferred,
        date: new Date(`${today}T12:00:00Z`),
      }),
    [otherTemplates, language, subject, body, targets, caseInfo, preferred, today],
  );
  const letters = hydrated ? liveLetters : (state.preview ?? initialPreview);
  const mine = letters.filter((l) => l.language === language);
  const others = letters.filter((l) => l.language !== language);
  const mailtoRows = useMemo(() => mailtoLengthRows(letters, targetEmails, caseInfo), [letters, targetEmails, caseInfo]);
  const length = textLength(body);
  const subjects = subjectVariants(subject);
  const subjectLength = Math.max(0, ...subjects.map((s) => [...s].length));
  const versions = variantCounts({ subject, body });
  const distinct = distinctLetters({ subject, body });
  const dirty = subject !== (saved?.subject ?? "") || body !== (saved?.body ?? "");

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value !== "preview") return;
    // with JavaScript the preview is already live: take the reader to it instead of asking the server
    event.preventDefault();
    previewRef.current?.scrollIntoView({ block: "start" });
    previewRef.current?.focus({ preventScroll: true });
  }

  return (
    <form action={formAction} onSubmit={handleSubmit} noValidate className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_minmax(0,28rem)] lg:items-start">
      <input type="hidden" name="language" value={language} />
      <div className="space-y-6">
        {(formError || state.done) && (
          <p
            role={formError ? "alert" : "status"}
            className={`rounded-md border-2 p-3 font-semibold ${formError ? "border-danger bg-danger-bg text-danger" : "border-good bg-good-bg text-good"}`}
          >
            {formError ?? state.done}
          </p>
        )}
        {(errors.subject || errors.body) && !formError && (
          <ErrorSummary compact title="The letter was not saved." items={[...(errors.subject ?? []), ...(errors.body ?? [])].map((message) => ({ message }))} />
        )}

        <FieldBlock
          id="letter-subject"
          label={`Subject (${languageLabel})`}
          hint={`One subject per line, up to ${MAX_VARIANTS}: each supporter’s letter takes one of them.`}
          error={subjectError}
          after={
            <Count id="letter-subject-count">
              {subjects.length > 1
                ? `${subjects.length} subjects · longest ${subjectLength.toLocaleString("en-GB")} of ${subjectMax} characters`
                : `${subjectLength.toLocaleString("en-GB")} of ${subjectMax} characters`}
            </Count>
          }
        >
          <textarea
            ref={subjectRef}
            id="letter-subject"
            name="subject"
            className="input"
            rows={Math.min(MAX_VARIANTS, Math.max(2, subjects.length + 1))}
            dir="auto"
            lang={language}
            autoComplete="off"
            required
            aria-required="true"
            aria-invalid={subjectError ? true : undefined}
            aria-describedby={[subjectError ? "letter-subject-error" : "", "letter-subject-hint", "letter-subject-count"].filter(Boolean).join(" ")}
            value={subject}
            onChange={(e) => {
              setSubject(e.target.value);
              if (errors.subject) setErrors((prev) => ({ ...prev, subject: undefined }));
            }}
            onFocus={() => (lastFocused.current = "subject")}
          />
        </FieldBlock>

        <FieldBlock
          id="letter-body"
          label={`Letter (${languageLabel})`}
          hint={`Write it as the supporter would. Merge fields in {{double braces}} are filled in for each supporter and official; a line holding only an empty field (no personal message, say) disappears. For versions of a paragraph, see “Versions” below.`}
          error={bodyError}
          after={
            <Count id="letter-body-count">
              {`${length.characters.toLocaleString("en-GB")} characters · ${length.words.toLocaleString("en-GB")} ${length.words === 1 ? "word" : "words"}`}
              {length.characters > bodyMax ? ` (at most ${bodyMax.toLocaleString("en-GB")} characters)` : ""}
            </Count>
          }
        >
          <textarea
            ref={bodyRef}
            id="letter-body"
            name="body"
            className="input font-serif"
            rows={16}
            dir="auto"
            lang={language}
            required
            aria-required="true"
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={[bodyError ? "letter-body-error" : "", "letter-body-hint", "letter-body-count"].filter(Boolean).join(" ")}
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              if (errors.body) setErrors((prev) => ({ ...prev, body: undefined }));
            }}
            onFocus={() => (lastFocused.current = "body")}
          />
        </FieldBlock>

        <section aria-labelledby="versions-heading" className="rounded-md border border-line bg-surface p-4">
          <h2 id="versions-heading" className="font-sans text-lg font-bold">
            Versions
          </h2>
          <p className="mt-1 leading-relaxed">
            Officials set aside piles of identical letters. Give any paragraph up to {MAX_VARIANTS} versions: each
            supporter’s letter takes one, always the same one for the same supporter, and their preview shows it.
          </p>
          <pre className="mt-3 overflow-x-auto rounded-sm border border-line bg-paper-deep p-3 font-mono text-[0.875rem] leading-relaxed">
            {`${VARIANTS_OPEN}\nI urge you to release {{case.personName}} immediately.\n${VARIANTS_OR}\nPlease free {{case.personName}} without delay.\n${VARIANTS_CLOSE}`}
          </pre>
          <p className="field-hint mt-2">
            Each marker on a line of its own. Blocks cannot be nested, and no version may be empty.
          </p>
          <p id="letter-distinct" className="mt-3 rounded-sm border-s-4 border-ink bg-paper-deep px-3 py-2 font-semibold" aria-live="polite">
            {distinct === null
              ? "Fix the versions above to see how varied the letters are."
              : `An official receiving ${SIMULATED_SUPPORTERS} appeals would see ${distinct} different ${distinct === 1 ? "letter" : "letters"}.`}
            {versions && versions.combinations > 1 && (
              <span className="mt-1 block text-[0.9375rem] font-normal text-ink-soft">
                {versionSummary(versions)}, apart from each supporter’s personal line.
              </span>
            )}
            {distinct === 1 && (
              <span className="mt-1 block text-[0.9375rem] font-normal text-ink-soft">
                Only the personal line differs. Add subjects or versions to vary the letter.
              </span>
            )}
          </p>
        </section>

        <section aria-labelledby="palette-heading" className="rounded-md border border-line bg-paper-deep p-4">
          <h2 id="palette-heading" className="font-sans text-lg font-bold">
            Merge fields
          </h2>
          <p className="field-hint mt-1">
            {hydrated ? "Press a field to insert it where the cursor is, in the subject or the letter." : "Type a field exactly as shown, braces included."}
          </p>
          <ul className="mt-3 grid gap-2 sm:grid-cols-2">
            {mergeFields.map((f) => (
              <li key={f.name} className="min-w-0">
                {hydrated ? (
                  <button
                    type="button"
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => insert(f.name)}
                    aria-label={`Insert {{${f.name}}}: ${f.description}`}
                    className="block w-full rounded-sm border border-line-strong bg-surface px-3 py-2 text-start hover:border-ink"
                  >
                    <code className="font-mono text-[0.9375rem] font-semibold [overflow-wrap:anywhere]">{`{{${f.name}}}`}</code>
                    <span className="block text-[0.875rem] leading-snug text-ink-soft">{f.description}</span>
                  </button>
                ) : (
                  <div className="rounded-sm border border-line bg-surface px-3 py-2">
                    <code className="font-mono text-[0.9375rem] font-semibold [overflow-wrap:anywhere]">{`{{${f.name}}}`}</code>
                    <span className="block text-[0.875rem] leading-snug text-ink-soft">{f.description}</span>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>

        <SaveButtons dirty={hydrated && dirty} />
      </div>

      <section aria-labelledby="preview-heading" className="lg:sticky lg:top-4">
        <h2
          id="preview-heading"
          ref={previewRef}
          tabIndex={-1}
          // oxlint-disable-next-line jsx-a11y/no-autofocus -- only in the answer to their own "Preview" press
          autoFocus={Boolean(state.previewed)}
          className="text-2xl"
        >
          Preview
        </h2>
        <p className="mt-1 text-[0.9375rem] text-ink-soft">
          As each official will receive it from a sample supporter, Amira Haddad in Lebanon, with a short personal
          message.{hydrated ? " It changes as you type." : " Press “Preview” to see your changes."}
        </p>
        {targets.length === 0 ? (
          <p className="mt-3 rounded-md border border-dashed border-line-strong bg-surface p-4 text-ink-soft">
            Add a target to see the letter as they will receive it.
          </p>
        ) : (
          <>
            {mine.length === 0 && (
              <p className="mt-3 text-[0.9375rem]">No target reads {languageLabel}: this letter is sent only if the case has no letter in a target’s language.</p>
            )}
            <LetterList letters={mine.map(showProblem)} labels={labels} />
            {others.length > 0 && (
              <>
                <h3 className="mt-6 text-lg">From the letters in other languages</h3>
                <LetterList letters={others.map(showProblem)} labels={labels} />
              </>
            )}
            <MailtoLengths rows={mailtoRows} />
          </>
        )}
      </section>
    </form>
  );
}

/** The length of each official's "Send it from your own email" link as the sample supporter would get it, from
 * the same plan (To and Cc) the thank-you page follows. */
function mailtoLengthRows(letters: TargetLetter[], emails: Record<string, string | null>, caseInfo: { personName: string; reference: string }): MailtoLengthRow[] {
  const byTarget = new Map(letters.map((l) => [l.targetId, l]));
  const plan = ownMailPlan(letters.filter((l) => !l.problem).map((l) => ({ ...l, email: emails[l.targetId] ?? null })));
  const fallback = fallbackSubjectFor(caseInfo);
  return plan.map((mail) => ({ targetId: mail.targetId, recipient: byTarget.get(mail.targetId)?.recipient ?? "", cc: mail.cc.length, length: ownMailLength(mail, fallback) }));
}

function versionSummary(v: { subjects: number; blocks: number[]; combinations: number }): string {
  const parts = [`${v.subjects} ${v.subjects === 1 ? "subject" : "subjects"}`];
  if (v.blocks.length > 0) parts.push(`${v.blocks.length} ${v.blocks.length === 1 ? "paragraph" : "paragraphs"} with ${v.blocks.join(", ")} versions`);
  return `${parts.join(" and ")}: ${v.combinations.toLocaleString("en-GB")} possible letters`;
}

function Count({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-1 text-end text-[0.875rem] tabular-nums text-ink-soft">
      {children}
    </p>
  );
}

function SaveButtons({ dirty }: { dirty: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-3 border-t border-line pt-5">
      <SubmitButton name="intent" value="save" pendingOnlyWhenChosen pendingLabel="Saving…">
        Save letter
      </SubmitButton>
      <button type="submit" name="intent" value="preview" className="btn btn-secondary">
        Preview
      </button>
      {dirty && <span className="text-[0.9375rem] font-semibold text-ink-soft">Unsaved changes</span>}
    </div>
  );
}
