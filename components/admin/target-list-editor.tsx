import Link from "next/link";
import type { ReactNode } from "react";
import type { Target } from "@/lib/targets/types";
import { coverageSentence, type MissionCoverage } from "./mission-coverage";

export type EditableTargetView = Pick<Target, "id" | "role" | "office" | "postalAddress" | "email" | "salutation" | "routing"> & {
  label: string;
  countryName: string;
  /** grouped for reading, like +86 106 529 2345 */
  fax: string | null;
  languageName: string;
  /** digest mode: "One digest a day at 09:00 (Asia/Shanghai), letters in full"; null: one email per supporter */
  digest: string | null;
  /** a routed copy: the state whose missions get it, and how far they reach */
  routed?: { stateName: string; coverage: MissionCoverage };
};

type FormAction = (formData: FormData) => void | Promise<void>;

/** A case's targets in order, each with real forms to move it and a link to edit or remove it: every control
 * works without JavaScript. Removing asks first, on the page itself (?remove=id). */
export function TargetListEditor({
  targets,
  editHref,
  removeHref,
  cancelHref,
  confirmRemoveId,
  moveAction,
  removeAction,
  editingId,
}: {
  targets: EditableTargetView[];
  editHref: (id: string) => string;
  removeHref: (id: string) => string;
  cancelHref: string;
  confirmRemoveId?: string;
  moveAction: (id: string, direction: "up" | "down") => FormAction;
  removeAction: (id: string) => FormAction;
  editingId?: string;
}) {
  if (targets.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-line-strong bg-surface p-5 text-ink-soft">
        No targets yet. Add the officials who can change what happens to this person: the first one the letter is
        addressed to, then anyone who should get a copy.
      </p>
    );
  }
  return (
    <ol className="space-y-4">
      {targets.map((t, i) => (
        <li
          key={t.id}
          id={`target-${t.id}`}
          aria-labelledby={`target-${t.id}-label`}
          className={`rounded-md border bg-surface p-4 ${editingId === t.id ? "border-2 border-ink" : "border-line"}`}
        >
          <p className="flex flex-wrap items-center gap-2 text-[0.875rem]">
            <span className="font-bold tabular-nums text-ink-soft">{i + 1}.</span>
            <span
              className={`inline-block rounded-sm border px-1.5 text-[0.8125rem] font-bold uppercase tracking-wide ${t.role === "primary" ? "border-ink bg-accent" : "border-line-strong"}`}
            >
              {t.role === "primary" ? "Addressed to" : "Copy to"}
            </span>
            {t.routed && (
              <span className="inline-block rounded-sm border border-ink px-1.5 text-[0.8125rem] font-bold uppercase tracking-wide">
                Routed per supporter
              </span>
            )}
            {editingId === t.id && <span className="font-semibold">Being edited</span>}
          </p>
          <h3 id={`target-${t.id}-label`} className="mt-2 text-lg [overflow-wrap:anywhere]" dir="auto">
            {t.label}
          </h3>
          {t.routed ? (
            <RoutedDetails t={t} routed={t.routed} />
          ) : (
            <>
              {t.office && <p className="text-ink-soft">{t.office}</p>}
              <address className="mt-2 whitespace-pre-line not-italic leading-snug [overflow-wrap:anywhere]" dir="auto">
                {t.postalAddress}
                {"\n"}
                {t.countryName}
              </address>
              <dl className="mt-3 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-[0.9375rem]">
                <Row term="Email">{t.email ?? <span className="text-ink-soft">none</span>}</Row>
                <Row term="Fax">{t.fax ?? <span className="text-ink-soft">none</span>}</Row>
                <Row term="Greeting">{t.salutation}</Row>
                <Row term="Language">{t.languageName}</Row>
                {t.digest && <Row term="Delivery">{t.digest}</Row>}
              </dl>
            </>
          )}

          {confirmRemoveId === t.id ? (
            <div role="alert" className="mt-4 rounded-md border-2 border-danger bg-danger-bg p-3">
              <p className="font-semibold">Remove {t.label}?</p>
              <p className="mt-1 text-[0.9375rem]">Supporters’ letters will no longer be sent to this official.</p>
              <div className="mt-3 flex flex-wrap gap-3">
                <form action={removeAction(t.id)}>
                  <button type="submit" className="btn btn-dark min-h-0 px-3 py-1.5 text-[0.9375rem]">
                    Yes, remove
                  </button>
                </form>
                <a href={cancelHref} className="btn btn-secondary min-h-0 px-3 py-1.5 text-[0.9375rem]">
                  Keep
                </a>
              </div>
            </div>
          ) : (
            <div className="mt-4 flex flex-wrap items-center gap-2 border-t border-line pt-3">
              <form action={moveAction(t.id, "up")}>
                <button
                  type="submit"
                  disabled={i === 0}
                  className="btn btn-secondary min-h-0 px-3 py-1 text-[0.9375rem] disabled:cursor-not-allowed disabled:opacity-40"
                  aria-label={`Move ${t.label} up`}
                >
                  <span aria-hidden="true">↑</span> Up
                </button>
              </form>
              <form action={moveAction(t.id, "down")}>
                <button
                  type="submit"
                  disabled={i === targets.length - 1}
                  className="btn btn-secondary min-h-0 px-3 py-1 text-[0.9375rem] disabled:cursor-not-allowed disabled:opacity-40"
                  aria-label={`Move ${t.label} down`}
                >
                  <span aria-hidden="true">↓</span> Down
                </button>
              </form>
              {/* a routed copy has nothing of its own to edit: remove it and add another */}
              {!t.routed && (
                <a href={editHref(t.id)} className="btn btn-secondary min-h-0 px-3 py-1 text-[0.9375rem]" aria-label={`Edit ${t.label}`}>
                  Edit
                </a>
              )}
              <a
                href={removeHref(t.id)}
                className="btn btn-secondary min-h-0 px-3 py-1 text-[0.9375rem] text-danger"
                aria-label={`Remove ${t.label}`}
              >
                Remove
              </a>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

function RoutedDetails({ t, routed }: { t: EditableTargetView; routed: NonNullable<EditableTargetView["routed"]> }) {
  const none = routed.coverage.hostCountries === 0;
  return (
    <>
      <p className="mt-2 leading-snug">
        Each supporter’s copy goes to the embassy of {routed.stateName} in the supporter’s own country (else a
        consulate), chosen when they confirm: by email where the mission has one, else by post.
      </p>
      <p className={`mt-2 text-[0.9375rem] ${none ? "font-semibold text-danger" : ""}`}>
        {none ? (
          <>
            No missions of {routed.stateName} on record: no copy goes until they are imported (see{" "}
            <Link href="/admin/missions">Missions</Link>).
          </>
        ) : (
          <>
            {coverageSentence(routed.coverage)}. <Link href="/admin/missions">See where each copy goes</Link>
          </>
        )}
      </p>
      <dl className="mt-3 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-[0.9375rem]">
        <Row term="Greeting">{t.salutation}</Row>
        <Row term="Language">{t.languageName}</Row>
      </dl>
    </>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-ink-soft">{term}</dt>
      <dd className="[overflow-wrap:anywhere]">{children}</dd>
    </>
  );
}
