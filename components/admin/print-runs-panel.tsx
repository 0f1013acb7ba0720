import { formatDateTime, formatDay, formatWait, plural } from "@/components/format";
import type { CreatePrintRunFormState, MarkPostedFormState } from "@/lib/print-runs/schemas";
import { EmailAddress } from "./admin-shell";
import { CreatePrintRunForm, MarkPostedForm } from "./print-run-forms";

export type WaitingGroupView = {
  key: string;
  personName: string;
  reference: string;
  recipientLines: string[];
  letters: number;
  oldestAt: Date;
};

export type PrintRunRow = {
  id: string;
  personName: string | null;
  createdAt: Date;
  createdByEmail: string | null;
  letterCount: number;
  postedOn: string | null;
  postedByEmail: string | null;
  failures: { appealId: string; recipient: string; reason: string }[];
};

/** The print run page's body, for one case or for all: what waits for post, the button that claims it, and every
 * run with its downloads and "Mark as posted". */
export function PrintRunsPanel({
  waiting,
  runs,
  showCase,
  now,
  today,
  createAction,
  markPostedAction,
}: {
  waiting: { total: number; oldestAt: Date | null; groups: WaitingGroupView[] };
  runs: PrintRunRow[];
  /** the page covers every case: name the case of each group and run */
  showCase: boolean;
  now: Date;
  today: string;
  createAction: (state: CreatePrintRunFormState, formData: FormData) => Promise<CreatePrintRunFormState>;
  markPostedAction: (runId: string) => (state: MarkPostedFormState, formData: FormData) => Promise<MarkPostedFormState>;
}) {
  return (
    <div className="mt-8 space-y-12">
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading" className="text-2xl">
          Waiting for post
        </h2>
        <p className="mt-2" data-testid="waiting-summary">
          {waiting.total === 0
            ? "No letters are waiting for post."
            : `${plural(waiting.total, "letter", "letters")} waiting, the oldest for ${formatWait(waiting.oldestAt!, now)}.`}
        </p>
        {waiting.groups.length > 0 && (
          <ul className="mt-4 grid max-w-3xl gap-3">
            {waiting.groups.map((g) => (
              <li key={g.key} className="rounded-md border border-line bg-surface p-4">
                {showCase && (
                  <p className="text-[0.9375rem] text-ink-soft" dir="auto">
                    {g.personName} · {g.reference}
                  </p>
                )}
                <p className="font-semibold" dir="auto">
                  {g.recipientLines[0] ?? "(no address)"}
                </p>
                {g.recipientLines.length > 1 && (
                  <address className="whitespace-pre-line not-italic leading-snug text-ink-soft" dir="auto">
                    {g.recipientLines.slice(1).join("\n")}
                  </address>
                )}
                <p className="mt-2 text-[0.9375rem]">
                  {plural(g.letters, "letter", "letters")}, oldest {formatWait(g.oldestAt, now)}
                </p>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-4 max-w-3xl">
          <CreatePrintRunForm action={createAction} waiting={waiting.total} />
        </div>
      </section>

      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading" className="text-2xl">
          Print runs ({runs.length})
        </h2>
        {runs.length === 0 ? (
          <p className="mt-2 text-ink-soft">No print runs yet.</p>
        ) : (
          <ol className="mt-4 grid max-w-3xl gap-4">
            {runs.map((run) => (
              <li key={run.id} className="rounded-md border border-line bg-surface p-4" aria-label={`Print run of ${formatDateTime(run.createdAt)}`}>
                <h3 className="text-xl">
                  {plural(run.letterCount, "letter", "letters")}
                  {showCase && <span className="text-ink-soft"> · {run.personName ?? "all cases"}</span>}
                </h3>
                <p className="mt-1 text-[0.9375rem] text-ink-soft">
                  Made {formatDateTime(run.createdAt)}
                  {run.createdByEmail && (
                    <>
                      {" "}by <EmailAddress value={run.createdByEmail} />
                    </>
                  )}
                  .
                </p>
                <p className="mt-3 flex flex-wrap gap-3">
                  <a href={`/admin/print/${run.id}/pdf`} download className="btn btn-primary min-h-0 px-3 py-1.5 text-[0.9375rem]">
                    Download PDF
                  </a>
                  <a href={`/admin/print/${run.id}/labels`} download className="btn btn-secondary min-h-0 px-3 py-1.5 text-[0.9375rem]">
                    Download address labels (CSV)
                  </a>
                </p>
                {run.failures.length > 0 && (
                  <div className="mt-3 rounded-md border-2 border-danger bg-danger-bg p-3">
                    <p className="font-semibold text-danger">
                      {plural(run.failures.length, "letter", "letters")} could not be rendered and {run.failures.length === 1 ? "is" : "are"} not in the PDF:
                    </p>
                    <ul className="mt-1 list-disc ps-5 text-[0.9375rem]">
                      {run.failures.map((f) => (
                        <li key={f.appealId}>
                          <span dir="auto">{f.recipient}</span>: <code className="[overflow-wrap:anywhere]">{f.reason}</code>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                <div className="mt-4 border-t border-line pt-3">
                  {run.postedOn ? (
                    <p className="font-semibold text-good">
                      Posted on {formatDay(run.postedOn)}
                      {run.postedByEmail && (
                        <span className="font-normal text-ink-soft">
                          {" "}(marked by <EmailAddress value={run.postedByEmail} />)
                        </span>
                      )}
                    </p>
                  ) : (
                    <>
                      <p className="mb-2 text-[0.9375rem] text-ink-soft">Not posted yet: its letters count as waiting for post until you mark it.</p>
                      <MarkPostedForm action={markPostedAction(run.id)} runId={run.id} today={today} />
                    </>
                  )}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
