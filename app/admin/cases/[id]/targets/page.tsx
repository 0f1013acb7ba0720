import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RoutedCopyForm } from "@/components/admin/routed-copy-form";
import { TargetForm, type PacingHints } from "@/components/admin/target-form";
import { TargetListEditor, type EditableTargetView } from "@/components/admin/target-list-editor";
import { countryName, countryOptions } from "@/lib/countries";
import { env } from "@/lib/env";
import { getMissionCoverage } from "@/lib/missions/queries";
import { PROPOSED_MESSAGE } from "@/lib/revisions/describe";
import { isLiveCase } from "@/lib/revisions/review-rule";
import { getChannelConfig } from "@/lib/targets/channel-config";
import { officialName } from "@/lib/targets/naming";
import { getCaseForEditing, getTargetById, listTargetsByCase } from "@/lib/targets/queries";
import { DEFAULT_DIGEST_HOUR, formatFax, languageChoices, languageName, TARGET_FIELDS, type TargetFormState } from "@/lib/targets/schemas";
import { defaultTimeZoneFor, officialTimeZone } from "@/lib/targets/time-zone";
import type { Target } from "@/lib/targets/types";
import { addRoutedCopyAction, moveTargetAction, removeTargetAction, saveTargetAction } from "./actions";
import { CasePage, openCasePage } from "../_lib/case-page";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Targets" };

const DONE: Record<string, string> = {
  added: "Target added.",
  saved: "Changes saved.",
  moved: "Order changed.",
  removed: "Target removed.",
  routed: "Copy to the embassy in each supporter’s country added.",
  proposed: PROPOSED_MESSAGE,
};
const ERRORS: Record<string, string> = {
  "has-appeals": "Supporters’ appeals have already been written to this official, so they cannot be removed: that would erase the record of letters sent. Edit their details instead.",
  gone: "That target no longer exists. The list below is up to date.",
};

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/** The form's fields filled from the stored row: what the campaigner typed, with the fax grouped for reading. */
/** "One digest a day at 09:00 (Asia/Shanghai), letters in full" */
function digestLabel(t: Target): string {
  const hour = `${String(t.digestHour).padStart(2, "0")}:00`;
  const format = t.digestFormat === "pdf" ? "letters in one PDF" : "letters in full";
  return `One digest a day at ${hour} (${officialTimeZone(t)}), ${format}${t.email ? "" : "; no email address, so letters go by fax or post"}`;
}

const pacingHints = (country: string): PacingHints => ({
  defaultPerHour: env().PACE_DEFAULT_PER_HOUR,
  countryZone: defaultTimeZoneFor(country),
  zones: Intl.supportedValuesOf("timeZone"),
});

function toFormValues(t: Target): TargetFormState["values"] {
  return { ...Object.fromEntries(TARGET_FIELDS.map((f) => [f, t[f] === null || t[f] === undefined ? "" : String(t[f])])), fax: t.fax ? formatFax(t.fax) : "", officeDays: t.officeDays ?? "12345" };
}

export default async function CaseTargetsPage({
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

  const rows = listTargetsByCase({ caseId: theCase.id });
  const editId = one(query.edit);
  const found = editId ? getTargetById({ caseId: theCase.id, targetId: editId }) : null;
  // a routed copy is not an official: it has no details for the official's form to edit
  const editing = found?.routing === "fixed" ? found : null;
  const removeId = one(query.remove);
  const done = DONE[one(query.done) ?? ""];
  const error = ERRORS[one(query.error) ?? ""];
  const base = `/admin/cases/${theCase.id}/targets`;

  const languages = languageChoices(theCase.languages);
  const languageOptions = languages.map((l) => ({ value: l, label: `${languageName(l)} (${l})` }));
  const countries = countryOptions().map((c) => ({ value: c.code, label: c.name }));
  const views: EditableTargetView[] = rows.map((t) => ({
    ...t,
    label: officialName(t),
    countryName: countryName(t.country),
    fax: t.fax ? formatFax(t.fax) : null,
    languageName: languageName(t.language),
    digest: t.routing === "fixed" && t.deliveryMode === "digest" ? digestLabel(t) : null,
    routed:
      t.routing === "mission" && t.missionOf
        ? { stateName: countryName(t.missionOf), coverage: getMissionCoverage({ operatorCountry: t.missionOf }) }
        : undefined,
  }));

  return (
    <CasePage user={user} theCase={theCase} current="targets">
      <p className="mt-6 max-w-2xl leading-relaxed text-ink-soft">
        The officials each supporter’s appeal goes to, in this order. Letters go by email where there is an address,
        {getChannelConfig().faxGateway
          ? " otherwise by fax where there is a fax number (through the fax gateway), otherwise by post in the print run."
          : " otherwise by post in the print run (fax numbers are not used: no FAX_GATEWAY is configured)."}
        {" A copy to the embassy in each supporter’s country goes to the mission chosen for that supporter."}
        {isLiveCase(theCase) &&
          (user.role === "admin"
            ? " This case is live: your changes apply to the next appeals sent, and are recorded in the audit log."
            : " This case is live: your changes wait for an admin’s approval, and supporters’ letters go to the officials as they are until then.")}
      </p>

      {(done || error) && (
        <p
          role={error ? "alert" : "status"}
          className={`mt-6 rounded-md border-2 p-3 font-semibold ${error ? "border-danger bg-danger-bg text-danger" : "border-good bg-good-bg text-good"}`}
        >
          {error ?? done}
        </p>
      )}

      <div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,1fr)_minmax(0,30rem)] lg:items-start">
        <section aria-labelledby="targets-heading">
          <h2 id="targets-heading" className="text-2xl">
            {rows.length === 1 ? "1 target" : `${rows.length} targets`}
          </h2>
          <div className="mt-4">
            <TargetListEditor
              targets={views}
              editHref={(t) => `${base}?edit=${t}#target-form`}
              removeHref={(t) => `${base}?remove=${t}#target-${t}`}
              cancelHref={base}
              confirmRemoveId={removeId}
              editingId={editing?.id}
              moveAction={(t, direction) => moveTargetAction.bind(null, theCase.id, t, direction)}
              removeAction={(t) => removeTargetAction.bind(null, theCase.id, t)}
            />
          </div>
          {rows.length > 0 && (
            <p className="mt-6">
              <Link href={`/admin/cases/${theCase.id}/letter`} className="font-semibold">
                Next: the model letter <span aria-hidden="true" className="inline-block rtl:-scale-x-100">→</span>
              </Link>
            </p>
          )}
        </section>

        <section id="target-form" className="rounded-md border border-line bg-surface p-4 sm:p-6">
          {editing ? (
            <TargetForm
              key={`edit-${editing.id}`}
              mode="edit"
              action={saveTargetAction.bind(null, theCase.id, editing.id)}
              initial={toFormValues(editing)}
              zoneName={officialTimeZone(editing)}
              countries={countries}
              languages={languageOptions}
              pacing={pacingHints(editing.country)}
              cancelHref={base}
            />
          ) : (
            <TargetForm
              key={`add-${rows.length}`}
              mode="add"
              action={saveTargetAction.bind(null, theCase.id, null)}
              initial={{ role: rows.length === 0 ? "primary" : "copy", country: theCase.country, language: theCase.languages[0] ?? "en", digestHour: String(DEFAULT_DIGEST_HOUR) }}
              countries={countries}
              languages={languageOptions}
              pacing={pacingHints(theCase.country)}
            />
          )}
          <div className="mt-8 border-t border-line pt-6">
            <RoutedCopyForm
              key={`routed-${rows.length}`}
              action={addRoutedCopyAction.bind(null, theCase.id)}
              initial={{ missionOf: theCase.country }}
              countries={countries}
            />
          </div>
        </section>
      </div>
    </CasePage>
  );
}
