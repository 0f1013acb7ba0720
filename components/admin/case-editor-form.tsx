"use client";

import {
  startTransition,
  useActionState,
  useDeferredValue,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ChangeEvent,
  type FormEvent,
  type ReactNode,
} from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { useServerAnswer } from "@/components/forms/use-server-answer";
import { PHOTO_MAX_BYTES, PHOTO_UPLOAD_ERRORS } from "@/lib/cases/photo-upload";
import { LIMITS, type CaseEditorState, type CaseField, type CaseFormValues } from "@/lib/cases/case-schemas";
import { RichText } from "../rich-text";

type Option = { value: string; label: string };

const ERROR_ORDER: (CaseField | "photo")[] = [
  "personName",
  "personNameLocal",
  "pronouns",
  "photo",
  "photoPath",
  "photoAlt",
  "photoCredit",
  "title",
  "reference",
  "slug",
  "country",
  "riskStatus",
  "tags",
  "summary",
  "story",
  "actBefore",
  "goal",
  "languages",
];
const LABELS: Record<CaseField | "photo", string> = {
  personName: "Name",
  personNameLocal: "Name in their own script",
  pronouns: "Pronouns",
  photo: "Photo",
  photoPath: "Photo",
  removePhoto: "Photo",
  photoAlt: "Photo description",
  photoCredit: "Photo credit",
  title: "Headline",
  reference: "Reference",
  slug: "Web address",
  country: "Country",
  riskStatus: "Situation",
  tags: "Tags",
  summary: "Summary",
  story: "Story",
  actBefore: "Take action before",
  goal: "Signature goal",
  languages: "Preferred languages for appeals",
};

const noSubscribe = () => () => {};
const fieldId = (f: CaseField | "photo") => `case-${f}`;
const PHOTO_FORM_ID = "case-photo-upload";
const codePoints = (s: string) => [...s].length;
type MakeSlug = (name: string) => string;

export function CaseEditorForm({
  action,
  initial,
  caseId,
  countries,
  riskStatuses,
  slugLocked = false,
  submitLabel,
}: {
  action: (state: CaseEditorState, formData: FormData) => Promise<CaseEditorState>;
  initial: CaseEditorState;
  /** absent when creating */
  caseId?: string;
  countries: { code: string; name: string }[];
  riskStatuses: Option[];
  /** the case is public: its address cannot change */
  slugLocked?: boolean;
  submitLabel: string;
}) {
  const [state, formAction, isPending] = useActionState(action, initial);
  const [values, setValues] = useState<CaseFormValues>(state.values);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [localPhoto, setLocalPhoto] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [photoChosen, setPhotoChosen] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  // An empty address is made from the name on save; until it is typed by hand, the field shows that suggestion.
  const [slugFollowsName, setSlugFollowsName] = useState(!state.values.slug);
  const [makeSlug, setMakeSlug] = useState<MakeSlug | null>(null);
  const suggestedSlug = (name: string | undefined) => (makeSlug && name?.trim() ? makeSlug(name) : "");
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const fileRef = useRef<HTMLInputElement>(null);
  const story = useDeferredValue(values.story ?? "");

  // A new answer from the server: its values (normalised, or just as typed) replace the form's.
  useServerAnswer(state, (answer) => {
    const follows = slugFollowsName && !answer.values.slug;
    setSlugFollowsName(follows);
    setValues(follows ? { ...answer.values, slug: suggestedSlug(answer.values.personName) } : answer.values);
    setPhotoError(null);
    setLocalPhoto(null);
    if (answer.formError || (answer.fieldErrors && Object.keys(answer.fieldErrors).length > 0)) setFocusTick((t) => t + 1);
  });
  useEffect(() => () => void (localPhoto && URL.revokeObjectURL(localPhoto)), [localPhoto]);
  // The server's own slugify (lib/cases/slug.ts), loaded only when a suggestion is wanted and after the form
  // works: its transliteration table (any-ascii) is a 550 KB chunk, ≈ 220 KB gzipped.
  useEffect(() => {
    if (!slugFollowsName || makeSlug) return;
    let current = true;
    import("@/lib/cases/slug")
      .then(({ slugFromName }) => {
        if (!current) return;
        setMakeSlug(() => slugFromName);
        setValues((v) => (v.slug || !v.personName?.trim() ? v : { ...v, slug: slugFromName(v.personName) }));
      })
      // no suggestion then: the field stays empty and the server still makes the address from the name
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [slugFollowsName, makeSlug]);

  const errors = state.fieldErrors ?? {};
  // a refusal the server sent back (an upload without JavaScript) stands until a new file is chosen
  const errorOf = (f: CaseField | "photo") => (f === "photo" ? (photoError ?? (photoChosen ? undefined : errors.photo?.[0])) : errors[f]?.[0]);
  const set = (f: CaseField) => (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [f]: e.target.value }));
  const describedBy = (f: CaseField | "photo", hint = true) =>
    [errorOf(f) ? `${fieldId(f)}-error` : "", hint ? `${fieldId(f)}-hint` : ""].filter(Boolean).join(" ") || undefined;
  const text = (f: CaseField, extra: { hint?: boolean; required?: boolean } = {}) => ({
    id: fieldId(f),
    name: f,
    value: values[f] ?? "",
    onChange: set(f),
    "aria-invalid": errorOf(f) ? true : undefined,
    "aria-describedby": describedBy(f, extra.hint !== false),
    "aria-required": extra.required ? true : undefined,
  });

  function changeName(e: ChangeEvent<HTMLInputElement>) {
    const personName = e.target.value;
    setValues((v) => ({ ...v, personName, ...(slugFollowsName ? { slug: suggestedSlug(personName) } : {}) }));
  }
  function changeSlug(e: ChangeEvent<HTMLInputElement>) {
    setSlugFollowsName(e.target.value.trim() === "");
    setValues((v) => ({ ...v, slug: e.target.value }));
  }

  const summary = ERROR_ORDER.flatMap((f) => (errorOf(f) ? [{ field: f, message: errorOf(f)! }] : []));
  const formError = state.formError;
  const photoPath = values.photoPath ?? "";
  const removing = values.removePhoto === "on";
  const hasPhoto = Boolean((photoPath && !removing) || localPhoto);

  // With JavaScript a chosen file is stored at once through the upload route (app/admin/photos), which answers
  // with its path for the hidden field; the editor's own form never carries the file.
  async function choosePhoto(e: ChangeEvent<HTMLInputElement>) {
    const input = e.target;
    const file = input.files?.[0];
    setLocalPhoto(null);
    setPhotoError(null);
    if (!file) return;
    setPhotoChosen(true);
    if (file.size > PHOTO_MAX_BYTES) {
      setPhotoError(PHOTO_UPLOAD_ERRORS["too-large"]);
      input.value = "";
      return;
    }
    const body = new FormData();
    body.set("photo", file);
    setUploading(true);
    try {
      const response = await fetch("/admin/photos", { method: "POST", body, headers: { Accept: "application/json" }, credentials: "same-origin" });
      const answer = (await response.json().catch(() => ({}))) as { photoPath?: string; error?: string };
      if (!response.ok || !answer.photoPath) {
        setPhotoError(answer.error ?? "The photo could not be uploaded. Try again.");
        return;
      }
      setLocalPhoto(URL.createObjectURL(file));
      setValues((v) => ({ ...v, photoPath: answer.photoPath!, removePhoto: "" }));
    } catch {
      setPhotoError("The photo could not be uploaded: check your connection and try again.");
    } finally {
      input.value = "";
      setUploading(false);
    }
  }

  // Submitted by hand, not through React's form action: after an action React resets the form's fields, and a
  // reset <select> (country, situation) loses its value even when controlled. Without JS the form posts as usual.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // saving mid-upload would save the old photo and then lose the new one when the answer replaces the form
    if (isPending || uploading) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const formData = new FormData(event.currentTarget, submitter);
    // a suggestion is sent as "left empty", so the server numbers it if another case has it, as without JS
    if (slugFollowsName) formData.set("slug", "");
    startTransition(() => formAction(formData));
  }

  return (
    <>
    <form action={formAction} onSubmit={submit} noValidate className="space-y-8">
      {caseId && <input type="hidden" name="id" value={caseId} />}

      {(summary.length > 0 || formError) && (
        <ErrorSummary
          heading="h2"
          autoFocus={false}
          focusKey={focusTick}
          title={formError ?? "Nothing was saved yet: please check these fields"}
          items={summary.map((e) => ({ href: `#${fieldId(e.field)}`, message: `${LABELS[e.field]}: ${e.message}` }))}
          note="Everything you typed is still here."
        />
      )}
      {state.done && (
        <output className="block rounded-md border-2 border-good bg-good-bg p-3 font-semibold text-good">{state.done}</output>
      )}

      <Section title="The person" intro="Who is at risk. Check every detail with the source: a wrong one can endanger them.">
        <div className="grid gap-5 sm:grid-cols-2">
          <Field f="personName" label="Name" hint="As supporters will write it in their letters." error={errorOf("personName")}>
            <input {...text("personName", { required: true })} onChange={changeName} className="input" autoComplete="off" dir="auto" />
          </Field>
          <Field f="personNameLocal" label="Name in their own script (optional)" hint="For example 李翘楚." error={errorOf("personNameLocal")}>
            <input {...text("personNameLocal")} className="input" autoComplete="off" dir="auto" />
          </Field>
          <Field f="pronouns" label="Pronouns (optional)" hint="For example she/her." error={errorOf("pronouns")}>
            <input {...text("pronouns")} className="input" autoComplete="off" maxLength={LIMITS.pronouns + 10} />
          </Field>
        </div>

        <fieldset className="mt-6 rounded-md border border-line p-4">
          <legend className="px-1 font-bold">Photo (optional)</legend>
          <p className="text-[0.9375rem] text-ink-soft">
            Only with the person’s or their family’s consent. Location and camera details are removed from the file
            when it is uploaded. The public sees it once the case is published.
          </p>
          <div className="mt-4 grid gap-5 sm:grid-cols-[8rem_minmax(0,1fr)]">
            <div className="aspect-[4/5] w-32 overflow-hidden rounded-md border border-line bg-paper-deep">
              {localPhoto || (photoPath && !removing) ? (
                // oxlint-disable-next-line nextjs/no-img-element -- a local file or our own /photos URL
                <img src={localPhoto ?? photoPath} alt="" className="h-full w-full object-cover" />
              ) : (
                <span className="flex h-full items-center justify-center p-2 text-center text-[0.8125rem] text-ink-soft">No photo</span>
              )}
            </div>
            <div className="min-w-0 space-y-4">
              {photoPath && <input type="hidden" name="photoPath" value={photoPath} />}
              {photoPath && (
                <label className="flex items-start gap-3">
                  <input
                    type="checkbox"
                    name="removePhoto"
                    className="checkbox"
                    checked={removing}
                    onChange={(e) => setValues((v) => ({ ...v, removePhoto: e.target.checked ? "on" : "" }))}
                  />
                  <span>Remove this photo</span>
                </label>
              )}
              <Field f="photo" label={photoPath ? "Replace with another photo" : "Upload a photo"} hint="PNG, JPEG or WebP, up to 5 MB." error={errorOf("photo")}>
                <input
                  ref={fileRef}
                  id={fieldId("photo")}
                  name="photo"
                  form={PHOTO_FORM_ID}
                  type="file"
                  accept="image/png,image/jpeg,image/webp"
                  className="block w-full text-[0.9375rem] file:me-3 file:cursor-pointer file:rounded-sm file:border-2 file:border-ink file:bg-surface file:px-3 file:py-1.5 file:font-bold"
                  aria-invalid={errorOf("photo") ? true : undefined}
                  aria-describedby={describedBy("photo")}
                  onChange={choosePhoto}
                  disabled={uploading}
                />
              </Field>
              <output className="block text-[0.9375rem] text-ink-soft">{uploading ? "Uploading the photo…" : ""}</output>
              {!hydrated && (
                <div>
                  <button type="submit" form={PHOTO_FORM_ID} className="btn btn-secondary">
                    Upload photo
                  </button>
                  <span className="field-hint mt-1">Without JavaScript, uploading reloads this page: save your other changes first.</span>
                </div>
              )}
            </div>
          </div>
          <div className="mt-5 grid gap-5 sm:grid-cols-2">
            <Field
              f="photoAlt"
              label={hasPhoto ? "Photo description (required)" : "Photo description"}
              hint="What the photo shows, for people who cannot see it."
              error={errorOf("photoAlt")}
            >
              <textarea {...text("photoAlt", { required: hasPhoto })} className="input !min-h-20" rows={2} dir="auto" />
            </Field>
            <Field f="photoCredit" label="Photo credit (optional)" hint="Who took it or gave it, e.g. “Private”." error={errorOf("photoCredit")}>
              <input {...text("photoCredit")} className="input" autoComplete="off" dir="auto" />
            </Field>
          </div>
        </fieldset>
      </Section>

      <Section title="The case" intro="How the case is listed and found.">
        <div className="grid gap-5 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <Field f="title" label="Headline" hint="One sentence: what is happening to them. For example: “Jailed for exposing torture”." error={errorOf("title")}>
              <input {...text("title", { required: true })} className="input" autoComplete="off" dir="auto" />
            </Field>
          </div>
          <Field f="reference" label="Reference" hint={`For example UA 27/20. At most ${LIMITS.reference} characters.`} error={errorOf("reference")}>
            <input {...text("reference", { required: true })} className="input" autoComplete="off" />
          </Field>
          <Field
            f="slug"
            label="Web address"
            hint={
              slugLocked
                ? "This case is public: its address cannot change."
                : "Made from the person’s name if left empty, with a number added if another case has it. Lower-case letters, digits and hyphens: /cases/your-words."
            }
            error={errorOf("slug")}
          >
            <div className="flex items-stretch">
              <span className="flex items-center rounded-s-sm border-2 border-e-0 border-line-strong bg-paper-deep px-2 text-[0.9375rem] text-ink-soft">
                /cases/
              </span>
              <input
                {...text("slug")}
                onChange={changeSlug}
                className="input !rounded-s-none"
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                readOnly={slugLocked}
              />
            </div>
          </Field>
          <Field f="country" label="Country" hint="Where the person is held or at risk." error={errorOf("country")}>
            <select {...text("country", { required: true })} className="input">
              <option value="">Choose a country</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <Field f="riskStatus" label="Situation" hint="Shown as a label on the case." error={errorOf("riskStatus")}>
            <select {...text("riskStatus", { required: true })} className="input">
              <option value="">Choose the situation</option>
              {riskStatuses.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </Field>
          <div className="sm:col-span-2">
            <Field f="tags" label="Tags (optional)" hint="Region and theme, separated by commas: asia, death-penalty, journalists." error={errorOf("tags")}>
              <input {...text("tags")} className="input" autoComplete="off" autoCapitalize="none" />
            </Field>
          </div>
          <div className="sm:col-span-2">
            <Field
              f="summary"
              label="Summary"
              hint={`Two or three sentences for the case list and for sharing. At most ${LIMITS.summary} characters.`}
              error={errorOf("summary")}
              counter={hydrated ? { used: codePoints(values.summary ?? ""), max: LIMITS.summary } : undefined}
            >
              <textarea {...text("summary", { required: true })} className="input" rows={3} dir="auto" />
            </Field>
          </div>
        </div>
      </Section>

      <Section title="Story" intro="The full account, in Markdown: **bold**, *italic*, ## headings, - lists, [links](https://example.org). HTML is left out.">
        <div className={`grid gap-5 ${hydrated || state.preview ? "lg:grid-cols-2" : ""}`}>
          <Field
            f="story"
            label="Story"
            hint="Needed before the case can be published."
            error={errorOf("story")}
            counter={hydrated ? { used: codePoints(values.story ?? ""), max: LIMITS.story } : undefined}
          >
            <textarea {...text("story")} className="input font-mono text-[0.9375rem] !min-h-[24rem]" rows={18} dir="auto" />
          </Field>
          {(hydrated || state.preview) && (
            <section aria-labelledby="story-preview-heading" className="min-w-0">
              <h3 id="story-preview-heading" className="field-label">
                Preview
              </h3>
              <p className="field-hint">As supporters will read it{hydrated ? ", updated as you type" : ""}.</p>
              <div className="max-h-[32rem] overflow-auto rounded-sm border-2 border-dashed border-line-strong bg-paper p-4">
                {(hydrated ? story : (values.story ?? "")).trim() ? (
                  <RichText>{hydrated ? story : (values.story ?? "")}</RichText>
                ) : (
                  <p className="text-ink-soft">Nothing written yet.</p>
                )}
              </div>
            </section>
          )}
        </div>
        {!hydrated && (
          <p className="mt-4">
            <button type="submit" name="intent" value="preview" className="btn btn-secondary">
              Preview story
            </button>
            <span className="ms-3 text-[0.9375rem] text-ink-soft">Shows the story as supporters will see it. Nothing is saved.</span>
          </p>
        )}
      </Section>

      <Section title="Appeals" intro="When appeals close, how many you hope for, and in which languages letters are written.">
        <div className="grid gap-5 sm:grid-cols-3">
          <Field f="actBefore" label="Take action before" hint="The last day appeals are taken. Within two years." error={errorOf("actBefore")}>
            <input {...text("actBefore", { required: true })} type="date" className="input" />
          </Field>
          <Field f="goal" label="Signature goal" hint="A whole number, e.g. 5000." error={errorOf("goal")}>
            <input {...text("goal", { required: true })} inputMode="numeric" className="input" autoComplete="off" />
          </Field>
          <Field f="languages" label="Preferred languages for appeals" hint="Codes, separated by commas: en, zh, fr." error={errorOf("languages")}>
            <input {...text("languages", { required: true })} className="input" autoComplete="off" autoCapitalize="none" spellCheck={false} />
          </Field>
        </div>
      </Section>

      <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-4 border-t border-line bg-paper/95 px-4 py-2 sm:mx-0 sm:rounded-md sm:border sm:py-4">
        <button type="submit" name="intent" value="save" className="btn btn-primary" aria-disabled={isPending || uploading ? true : undefined}>
          {isPending ? "Saving…" : uploading ? "Uploading the photo…" : submitLabel}
        </button>
        <p className="hidden text-[0.9375rem] text-ink-soft sm:block">Saving never publishes: an admin publishes from “Review & publish”.</p>
      </div>
    </form>
    {/* the upload form without JavaScript: the file field above belongs to it (form attribute), so the editor's own
        form, a server action with a 1 MB limit, never carries a file */}
    <form id={PHOTO_FORM_ID} method="post" action="/admin/photos" encType="multipart/form-data" hidden>
      {caseId && <input type="hidden" name="caseId" value={caseId} />}
    </form>
    </>
  );
}

function Section({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <section className="rounded-md border border-line bg-surface p-4 sm:p-6">
      <h2 className="text-2xl">{title}</h2>
      <p className="mt-1 mb-5 text-[0.9375rem] text-ink-soft">{intro}</p>
      {children}
    </section>
  );
}

function Field({
  f,
  label,
  hint,
  error,
  counter,
  children,
}: {
  f: CaseField | "photo";
  label: string;
  hint: string;
  error?: string;
  counter?: { used: number; max: number };
  children: ReactNode;
}) {
  return (
    <div className="min-w-0">
      <label htmlFor={fieldId(f)} className="field-label">
        {label}
      </label>
      <span id={`${fieldId(f)}-hint`} className="field-hint">
        {hint}
      </span>
      {error && (
        <span id={`${fieldId(f)}-error`} className="field-error">
          <span className="sr-only">Error: </span>
          {error}
        </span>
      )}
      {children}
      {counter && (
        <span className={`mt-1 block text-end text-[0.8125rem] ${counter.used > counter.max ? "font-bold text-danger" : "text-ink-soft"}`}>
          {counter.used.toLocaleString("en-GB")} / {counter.max.toLocaleString("en-GB")}
        </span>
      )}
    </div>
  );
}
