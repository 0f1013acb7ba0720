import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime, formatDay, formatNumber, plural } from "@/components/format";
import { MailText } from "@/components/mail-text";
import { SubmitButton } from "@/components/forms/submit-button";
import { countDigestOfficials, getDigestPreview, listCaseDigests, listWaitingForDigest, type DigestState } from "@/lib/digests/queries";
import { PREPARE_AHEAD_MS } from "@/lib/digests/schedule";
import { CasePage, openCasePage } from "../_lib/case-page";
import { prepareDigestsNowAction, sendDigestNowAction } from "./actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Digests" };

const DONE: Record<string, string> = {
  prepared: "Digest prepared. Check the preview below, then send it now or let it go at the official’s hour.",
  queued: "Digest sent to the outbox: it goes within seconds.",
};
const ERRORS: Record<string, string> = {
  "nothing-waiting": "No letters are waiting for a digest: nothing was prepared.",
  "not-prepared": "That digest is no longer waiting to be sent (it was sent already, or is not this case’s). Nothing was sent twice.",
  empty: "That digest had no letters left (they went by post after the address bounced). Nothing was sent.",
};

const STATE_LABELS: Record<DigestState, { label: string; tone: string }> = {
  prepared: { label: "Prepared, not yet sent", tone: "border-line-strong bg-surface text-ink" },
  queued: { label: "In the outbox", tone: "border-line-strong bg-surface text-ink" },
  sending: { label: "Sending", tone: "border-line-strong bg-surface text-ink" },
  sent: { label: "Sent", tone: "border-good bg-good-bg text-good" },
  failed: { label: "Not sent", tone: "border-danger bg-danger-bg text-danger" },
  bounced: { label: "Bounced", tone: "border-danger bg-danger-bg text-danger" },
  empty: { label: "Empty: nothing sent", tone: "border-line-strong bg-surface text-ink-soft" },
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** "3 Dec 2026, 18:00 in Asia/Shanghai (10:00 UTC)": the official's clock first, where the hour was set */
function officialTime(at: Date, timeZone: string): string {
  const local = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone }).format(at);
  const utc = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" }).format(at);
  return timeZone === "UTC" ? `${local} UTC` : `${local} in ${timeZone} (${utc} UTC)`;
}

export default async function CaseDigestsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, editor } = await openCasePage(params);
  const query = await searchParams;
  const now = new Date();
  const waiting = listWaitingForDigest({ caseId: editor.id, now });
  const digests = listCaseDigests({ caseId: editor.id });
  const officials = countDigestOfficials({ caseId: editor.id });
  const previewId = one(query.preview);
  const preview = previewId ? getDigestPreview({ caseId: editor.id, digestId: previewId }) : null;
  const done = DONE[one(query.done) ?? ""];
  const error = ERRORS[one(query.error) ?? ""];
  const base = `/admin/cases/${editor.id}/digests`;

  return (
    <CasePage user={user} theCase={editor} current="digests">
      <p className="mt-6 max-w-2xl leading-relaxed text-ink-soft">
        An official set to “one digest a day” (on the <Link href={`/admin/cases/${editor.id}/targets`}>Targets</Link> tab) gets one
        email holding all of the day’s letters, at their hour. Each digest is prepared {PREPARE_AHEAD_MS / 60_000} minutes
        before it goes, when its letters are fixed; a letter confirmed after that goes in the next one. Letters count as
        emailed when their digest is sent.
        {officials === 0 && " No official of this case is in digest mode."}
      </p>

      {(done || error) && (
        <p
          role={error ? "alert" : "status"}
          className={`mt-6 rounded-md border-2 p-3 font-semibold ${error ? "border-danger bg-danger-bg text-danger" : "border-good bg-good-bg text-good"}`}
        >
          {error ?? done}
        </p>
      )}

      <section aria-labelledby="waiting-heading" className="mt-8">
        <h2 id="waiting-heading" className="text-2xl">
          Waiting for a digest
        </h2>
        {waiting.length === 0 ? (
          <p className="mt-3 text-ink-soft">No letters are waiting.</p>
        ) : (
          <>
            <ul className="mt-4 space-y-3">
              {waiting.map((w) => (
                <li key={`${w.targetId}-${w.address}`} className="rounded-md border border-line bg-surface p-4">
                  <p className="font-semibold" dir="auto">
                    {w.official}
                  </p>
                  <p className="text-[0.9375rem] text-ink-soft [overflow-wrap:anywhere]">{w.address}</p>
                  <p className="mt-1">
                    {plural(w.letters, "letter", "letters")} waiting
                    {w.nextSend
                      ? ` · next digest ${officialTime(w.nextSend, w.timeZone)}`
                      : " · the official is no longer in digest mode: these go in one digest at once"}
                    {editor.state !== "published" && " · the case is not open: they will not be sent, and are marked not sent"}
                  </p>
                </li>
              ))}
            </ul>
            <form action={prepareDigestsNowAction.bind(null, editor.id)} className="mt-4">
              <SubmitButton pendingLabel="Preparing…">Prepare now</SubmitButton>
            </form>
          </>
        )}
      </section>

      <section aria-labelledby="digests-heading" className="mt-10">
        <h2 id="digests-heading" className="text-2xl">
          {digests.length === 0 ? "Digests" : digests.length === 1 ? "1 digest" : `${formatNumber(digests.length)} digests`}
        </h2>
        {digests.length === 0 && <p className="mt-3 text-ink-soft">None prepared yet.</p>}
        <ul className="mt-4 space-y-3">
          {digests.map((d) => {
            const state = STATE_LABELS[d.state];
            return (
              <li key={d.id} id={`digest-${d.id}`} className="rounded-md border border-line bg-surface p-4">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="font-semibold" dir="auto">
                      {d.official} · {formatDay(d.day)}
                    </p>
                    <p className="text-[0.9375rem] text-ink-soft [overflow-wrap:anywhere]">{d.address}</p>
                  </div>
                  <span className={`rounded-full border-2 px-2.5 py-0.5 text-[0.875rem] font-semibold ${state.tone}`}>{state.label}</span>
                </div>
                <p className="mt-2">
                  {plural(d.letterCount, "letter", "letters")} from {plural(d.countries.length, "country", "countries")}
                  {d.format === "pdf" ? " · one attached PDF" : " · letters in full"}
                  {" · "}
                  {d.sentAt ? `sent ${formatDateTime(d.sentAt)}` : `goes ${officialTime(d.sendAt, d.timeZone)}`}
                </p>
                {d.countries.length > 0 && (
                  <p className="mt-1 text-[0.9375rem] text-ink-soft">{d.countries.map((c) => `${c.name} ${formatNumber(c.letters)}`).join(" · ")}</p>
                )}
                {d.lastError && <p className="mt-1 text-[0.9375rem] text-danger">{d.lastError}</p>}
                <div className="mt-3 flex flex-wrap items-center gap-3">
                  <Link href={`${base}?preview=${d.id}#preview`} className="btn btn-secondary min-h-0 px-3 py-1.5 text-[0.9375rem]">
                    Preview
                  </Link>
                  {d.state === "prepared" && (
                    <form action={sendDigestNowAction.bind(null, editor.id, d.id)}>
                      <SubmitButton pendingLabel="Sending…">Send now</SubmitButton>
                    </form>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      {preview && (
        <section id="preview" aria-labelledby="preview-heading" className="mt-10 rounded-md border border-line bg-surface p-4 sm:p-6">
          <h2 id="preview-heading" className="text-2xl">
            The message, exactly as it goes
          </h2>
          <dl className="mt-4 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
            <dt className="font-semibold">To</dt>
            <dd className="[overflow-wrap:anywhere]">{preview.to}</dd>
            <dt className="font-semibold">Subject</dt>
            <dd dir="auto">{preview.subject}</dd>
            {preview.attachmentName && (
              <>
                <dt className="font-semibold">Attached</dt>
                <dd>
                  {preview.attachmentName} ({plural(preview.letterCount, "letter", "letters")}, laid out as in the print run)
                </dd>
              </>
            )}
          </dl>
          <div className="mt-4 border-t border-line pt-4">
            <MailText text={preview.text} />
          </div>
        </section>
      )}
    </CasePage>
  );
}
