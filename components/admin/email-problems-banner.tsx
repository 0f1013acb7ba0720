import Link from "next/link";
import { SubmitButton } from "@/components/forms/submit-button";
import { formatDateTime, plural } from "@/components/format";
import type { OfficialEmailProblem } from "@/lib/bounces/queries";

const WORDS: Record<OfficialEmailProblem["status"], string> = {
  ok: "Working",
  "soft-bouncing": "Bouncing now and then",
  bouncing: "Bouncing: letters go by post or fax",
  complained: "Marked as spam",
};

/**
 * On the case page, the officials whose email address bounced or complained (decision 018): what happened, in
 * counts, and the way out: correct the address on the Targets tab, then reset. A plain form per address.
 */
export function EmailProblemsBanner({
  caseId,
  problems,
  reset,
  done,
}: {
  caseId: string;
  problems: OfficialEmailProblem[];
  reset: (address: string) => (formData: FormData) => Promise<void>;
  done?: "reset" | "not-reset";
}) {
  if (problems.length === 0 && !done) return null;
  const switched = problems.some((p) => p.status === "bouncing");
  return (
    <section id="email-problems" aria-labelledby="email-problems-heading" className="mt-8 rounded-md border-2 border-danger bg-danger-bg p-4 sm:p-6">
      <h2 id="email-problems-heading" className="text-2xl">
        {problems.length === 0 ? "Email addresses" : switched ? "An official’s email address is bouncing" : "Email trouble with an official’s address"}
      </h2>
      {done === "reset" && (
        <output className="mt-2 block font-semibold">Status reset: letters to that address are emailed again.</output>
      )}
      {done === "not-reset" && (
        <p role="alert" className="mt-2 font-semibold text-danger">
          That address had nothing to reset, or is no longer one of this case’s officials.
        </p>
      )}
      {problems.length > 0 && (
        <>
          <p className="mt-2">
            {switched
              ? "Their waiting and future letters go by post, or by fax where they have a number. "
              : "Letters are still emailed. "}
            Correct the address on the{" "}
            <Link href={`/admin/cases/${caseId}/targets`} className="font-semibold">
              Targets tab
            </Link>{" "}
            if it is wrong, then reset its status. Admins see every report on{" "}
            <Link href="/admin/bounces" className="font-semibold">
              Bounce reports
            </Link>
            .
          </p>
          <ul className="mt-4 space-y-4">
            {problems.map((p) => (
              <li key={p.targetId} className="rounded-md border border-line-strong bg-surface p-4">
                <p className="font-semibold">{p.name ? `${p.name}, ${p.title}` : p.title}</p>
                <p className="break-all">{p.address}</p>
                <p className="mt-1">
                  <strong>{WORDS[p.status]}.</strong> {plural(p.hardBounces, "hard bounce", "hard bounces")} ({p.hardInRow} in a row), {plural(p.softBounces, "soft bounce", "soft bounces")},{" "}
                  {plural(p.complaints, "complaint", "complaints")}
                  {p.lastAt ? `; last on ${formatDateTime(p.lastAt)}` : ""}.
                </p>
                <form action={reset(p.address)} className="mt-3">
                  <SubmitButton className="btn btn-secondary" pendingLabel="Resetting…" aria-label={`Reset the status of ${p.address}`}>
                    Reset status
                  </SubmitButton>
                </form>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
