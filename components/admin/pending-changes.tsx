import Link from "next/link";
import { SubmitButton } from "@/components/forms/submit-button";
import { formatDateTime } from "@/components/format";
import type { RevisionView } from "@/lib/revisions/describe";
import { EmailAddress } from "./admin-shell";

const STATUS_WORDS: Record<RevisionView["status"], string> = { pending: "Waiting for an admin", approved: "Approved", rejected: "Rejected", withdrawn: "Withdrawn" };

type Decide = (revisionId: string) => (formData: FormData) => Promise<void>;

/**
 * Changes to a live case that wait for an admin (and, on the changes page, the last decisions): what, who, when,
 * and every field old → new, address fields in full. With `approve` and `reject` (admins, on the changes page)
 * each pending change has the two buttons: plain forms, working without JavaScript.
 */
export function PendingChanges({
  changes,
  changesHref,
  approve,
  reject,
  withdraw,
  headingLevel = 2,
}: {
  changes: RevisionView[];
  /** the case's changes page, linked when the list is a summary */
  changesHref?: string;
  approve?: Decide;
  reject?: Decide;
  /** the signed-in person's own pending changes get a Withdraw button */
  withdraw?: { userId: string; action: Decide };
  headingLevel?: 2 | 3;
}) {
  if (changes.length === 0) return null;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const waiting = changes.filter((c) => c.status === "pending").length;
  return (
    <section id="pending-changes" aria-labelledby="pending-changes-heading" className="mt-8 rounded-md border-2 border-line-strong bg-paper-deep p-4 sm:p-6">
      <Heading id="pending-changes-heading" className="text-2xl">
        {waiting === 1 ? "1 change waiting for approval" : `${waiting} changes waiting for approval`}
      </Heading>
      <p className="mt-1 text-[0.9375rem] text-ink-soft">
        This case is live: supporters and officials see the current version until an admin approves a change.
        {changesHref && (
          <>
            {" "}
            <Link href={changesHref} className="font-semibold">
              Review the changes
            </Link>
          </>
        )}
      </p>
      <ol className="mt-4 space-y-4">
        {changes.map((change) => (
          <li key={change.id} id={`change-${change.id}`} className="rounded-md border border-line bg-surface p-4">
            <p className="font-semibold [overflow-wrap:anywhere]">{change.what}</p>
            <p className="mt-1 text-[0.875rem] text-ink-soft">
              {STATUS_WORDS[change.status]}. Proposed by <EmailAddress value={change.author} /> on {formatDateTime(change.createdAt)}
              {change.decidedAt && (
                <>
                  ; {change.status} by {change.decidedBy ? <EmailAddress value={change.decidedBy} /> : "an admin"} on {formatDateTime(change.decidedAt)}
                </>
              )}
              .
            </p>
            <table className="mt-3 w-full table-fixed border-collapse text-start text-[0.9375rem]">
              <caption className="sr-only">{change.what}: each field now and as proposed</caption>
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="w-40 py-1 pe-3">Field</th>
                  <th scope="col" className="py-1 pe-3">Now</th>
                  <th scope="col" className="py-1">Proposed</th>
                </tr>
              </thead>
              <tbody>
                {change.changes.map((row) => (
                  <tr key={row.label} className="border-b border-line align-top last:border-b-0">
                    <th scope="row" className={`py-1 pe-3 ${row.changed ? "font-semibold" : "font-normal text-ink-soft"}`}>
                      {row.label}
                      {row.changed && <span className="sr-only"> (changes)</span>}
                    </th>
                    <td className="py-1 pe-3 whitespace-pre-line [overflow-wrap:anywhere]" dir="auto">
                      {row.before ?? <span className="text-ink-soft">(none)</span>}
                    </td>
                    <td className={`py-1 whitespace-pre-line [overflow-wrap:anywhere] ${row.changed ? "font-semibold" : ""}`} dir="auto">
                      {row.after ?? <span className="text-ink-soft">(none)</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {change.status === "pending" && withdraw && change.authorId === withdraw.userId && (
              <form action={withdraw.action(change.id)} className="mt-4">
                <SubmitButton className="btn btn-secondary" pendingLabel="Withdrawing…" aria-label={`Withdraw: ${change.what}`}>
                  Withdraw my change
                </SubmitButton>
              </form>
            )}
            {change.status === "pending" && approve && reject && (
              <div className="mt-4 flex flex-wrap gap-3">
                <form action={approve(change.id)}>
                  <SubmitButton pendingLabel="Approving…" aria-label={`Approve: ${change.what}`}>
                    Approve
                  </SubmitButton>
                </form>
                <form action={reject(change.id)}>
                  <SubmitButton className="btn btn-secondary" pendingLabel="Rejecting…" aria-label={`Reject: ${change.what}`}>
                    Reject
                  </SubmitButton>
                </form>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
