import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LetterEditor } from "@/components/admin/letter-editor";
import { LetterTestForm } from "@/components/admin/letter-test-form";
import { todayIso } from "@/lib/cases/queries";
import { listLetterTemplatesByCase, previewCaseLetters } from "@/lib/letters/queries";
import { MERGE_FIELDS } from "@/lib/letters/render";
import { BODY_MAX, SUBJECT_MAX } from "@/lib/letters/schemas";
import { getCaseForEditing, listTargetsByCase } from "@/lib/targets/queries";
import { LANGUAGE_CODE, languageChoices, languageName } from "@/lib/targets/schemas";
import { saveLetterAction, sendTestLetterAction } from "./actions";
import { CasePage, openCasePage } from "../_lib/case-page";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Model letter" };

const MERGE_FIELD_LIST = Object.entries(MERGE_FIELDS).map(([name, description]) => ({ name, description }));

export default async function CaseLetterPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, editor } = await openCasePage(params);
  const query = await searchParams;
  const theCase = getCaseForEditing({ caseId: editor.id, user });
  if (!theCase) notFound();

  const templates = listLetterTemplatesByCase({ caseId: theCase.id });
  const targets = listTargetsByCase({ caseId: theCase.id });
  // a tab for each language the case asks for, has a letter in, or has a target reading
  const tabs = [...new Set([...theCase.languages, ...templates.map((t) => t.language), ...targets.map((t) => t.language)])].filter((l) =>
    LANGUAGE_CODE.test(l),
  );
  const choices = languageChoices(theCase.languages);
  const asked = typeof query.lang === "string" ? query.lang : "";
  const language = (choices.includes(asked) || tabs.includes(asked) ? asked : tabs[0]) ?? "en";
  if (!tabs.includes(language)) tabs.push(language);
  const current = templates.find((t) => t.language === language) ?? null;
  const base = `/admin/cases/${theCase.id}/letter`;
  const addable = choices.filter((l) => !tabs.includes(l));

  return (
    <CasePage user={user} theCase={theCase} current="letter">
      <p className="mt-6 max-w-2xl leading-relaxed text-ink-soft">
        One letter per language. Each official gets the letter in their own language if there is one, otherwise in
        the case’s first language that has one.
        {theCase.state === "published" && " This case is published: a saved change applies to the next appeals sent, and is recorded in the audit log."}
      </p>

      <div className="mt-6 flex flex-wrap items-end justify-between gap-4 border-b border-line">
        <nav aria-label="Letter languages">
          <ul className="flex flex-wrap items-end gap-x-6 gap-y-2 font-semibold">
            {tabs.map((l) => {
              const has = templates.some((t) => t.language === l);
              return (
                <li key={l}>
                  <Link
                    href={`${base}?lang=${encodeURIComponent(l)}`}
                    aria-current={l === language ? "page" : undefined}
                    className={`-mb-px inline-block border-b-4 pb-2 no-underline ${l === language ? "border-ink" : "border-transparent hover:border-line-strong"}`}
                  >
                    {languageName(l)}
                    {!has && <span className="ms-1 font-normal text-ink-soft">(no letter yet)</span>}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        {addable.length > 0 && (
          <form method="get" action={base} className="mb-2 flex items-end gap-2">
            <div>
              <label htmlFor="add-language" className="block text-[0.875rem] font-semibold">
                Another language
              </label>
              <select id="add-language" name="lang" className="input min-h-0 py-1" defaultValue={addable[0]}>
                {addable.map((l) => (
                  <option key={l} value={l}>
                    {languageName(l)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn btn-secondary min-h-0 px-3 py-1.5 text-[0.9375rem]">
              Write
            </button>
          </form>
        )}
      </div>

      {!current && (
        <p className="mt-6 rounded-md border-2 border-line-strong bg-surface p-3">
          There is no {languageName(language)} letter yet. Write it below and save it to create it.
        </p>
      )}

      <div className="mt-8">
        <LetterEditor
          key={language}
          action={saveLetterAction.bind(null, theCase.id)}
          language={language}
          languageLabel={languageName(language)}
          saved={current ? { subject: current.subject, body: current.body } : null}
          initialPreview={previewCaseLetters({ caseId: theCase.id, draft: null })}
          otherTemplates={templates.filter((t) => t.language !== language).map((t) => ({ language: t.language, subject: t.subject, body: t.body }))}
          targets={targets.map((t) => ({ id: t.id, role: t.role, title: t.title, name: t.name, office: t.office, salutation: t.salutation, language: t.language }))}
          targetEmails={Object.fromEntries(targets.map((t) => [t.id, t.email]))}
          caseInfo={{ personName: theCase.personName, reference: theCase.reference }}
          preferred={theCase.languages}
          today={todayIso()}
          mergeFields={MERGE_FIELD_LIST}
          subjectMax={SUBJECT_MAX}
          bodyMax={BODY_MAX}
        />
      </div>

      <section className="mt-12 max-w-2xl rounded-md border border-line bg-surface p-4 sm:p-6">
        <LetterTestForm action={sendTestLetterAction.bind(null, theCase.id)} email={user.email} targetCount={targets.length} />
      </section>

      <p className="mt-6">
        <Link href={`/admin/cases/${theCase.id}/targets`} className="font-semibold">
          <span aria-hidden="true" className="inline-block rtl:-scale-x-100">←</span> Targets
        </Link>
      </p>
    </CasePage>
  );
}
