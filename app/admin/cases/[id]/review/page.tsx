import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminShell } from "@/components/admin/admin-shell";
import { CaseHeader } from "@/components/admin/case-header";
import { PendingChanges } from "@/components/admin/pending-changes";
import { CaseButtonForm, CloseCaseForm, PublishForm } from "@/components/admin/case-workflow-forms";
import { formatDateTime, formatDay } from "@/components/format";
import { requireCampaigner } from "@/lib/auth/guards";
import { getReviewVersion, listCaseRevisions } from "@/lib/revisions/queries";
import { getCaseForEditor, getCaseReview } from "@/lib/cases/admin-queries";
import { RISK_LABELS } from "@/lib/labels";
import { OUTCOME_RISK_STATUSES } from "@/lib/cases/case-schemas";
import { guardPage } from "../../../_lib/page-guard";
import { signOutAction } from "../../../actions";
import { cancelScheduleAction, closeCaseAction, publishCaseAction, submitForReviewAction } from "../../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Review & publish" };

export default async function CaseReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage(requireCampaigner);
  const { id } = await params;
  const c = getCaseForEditor({ id, user });
  const review = getCaseReview({ id, user });
  if (!c || !review) notFound();
  const pending = listCaseRevisions({ caseId: c.id, decided: 0 });
  // the version the admin is reading now: publishing and scheduling apply exactly this one
  const reviewVersion = getReviewVersion({ caseId: c.id });
  const isAdmin = user.role === "admin";
  const unpublished = c.state === "draft" || c.state === "in_review";
  const minDateTime = new Date(Date.now() + 60_000).toISOString().slice(0, 16);
  const outcomeStatuses = OUTCOME_RISK_STATUSES.map((value) => ({ value, label: RISK_LABELS[value] }));

  return (
    <AdminShell user={user} current="cases" signOutAction={signOutAction}>
      <CaseHeader caseId={c.id} slug={c.slug} personName={c.personName} reference={c.reference} state={c.state} scheduled={Boolean(c.publishAt)} current="review" pendingChanges={pending.length} />

      <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)] lg:items-start">
        <section aria-labelledby="checklist-heading" className="rounded-md border border-line bg-surface p-4 sm:p-6">
          <h2 id="checklist-heading" className="text-2xl">
            Before it goes out
          </h2>
          <p className="mt-1 text-[0.9375rem] text-ink-soft">
            A wrong detail can endanger the person. Open the preview and read it as a supporter would.
          </p>
          <ul className="mt-5 space-y-3">
            {review.readiness.checks.map((check) => (
              <li key={check.key} className="flex items-start gap-3">
                <span
                  aria-hidden="true"
                  className={`mt-0.5 inline-flex h-6 w-6 flex-none items-center justify-center rounded-full text-[0.875rem] font-bold ${
                    check.ok ? "bg-good text-white" : check.blocking ? "bg-danger text-white" : "border-2 border-line-strong text-ink-soft"
                  }`}
                >
                  {check.ok ? "✓" : check.blocking ? "!" : "–"}
                </span>
                <span>
                  <span className="sr-only">{check.ok ? "Done: " : check.blocking ? "To do: " : "Note: "}</span>
                  {check.label}
                </span>
              </li>
            ))}
          </ul>
          <dl className="mt-6 grid gap-x-6 gap-y-2 border-t border-line pt-4 text-[0.9375rem] sm:grid-cols-2">
            <div>
              <dt className="text-ink-soft">Take action before</dt>
              <dd className="font-semibold">{formatDay(c.actBefore)}</dd>
            </div>
            {c.reviewRequestedAt && (
              <div>
                <dt className="text-ink-soft">Sent for review</dt>
                <dd className="font-semibold">{formatDateTime(c.reviewRequestedAt)}</dd>
              </div>
            )}
            {c.publishAt && (
              <div>
                <dt className="text-ink-soft">Scheduled to publish</dt>
                <dd className="font-semibold">{formatDateTime(c.publishAt)}</dd>
              </div>
            )}
            {c.publishedAt && (
              <div>
                <dt className="text-ink-soft">Published</dt>
                <dd className="font-semibold">{formatDateTime(c.publishedAt)}</dd>
              </div>
            )}
            {c.closedAt && (
              <div>
                <dt className="text-ink-soft">Closed</dt>
                <dd className="font-semibold">{formatDateTime(c.closedAt)}</dd>
              </div>
            )}
          </dl>
          {c.outcome && (
            <div className="mt-4 rounded-md border-s-4 border-good bg-good-bg p-4">
              <p className="font-semibold text-good">Outcome</p>
              <p className="mt-1" dir="auto">
                {c.outcome}
              </p>
            </div>
          )}
        </section>

        <div className="space-y-6">
          {c.state === "draft" && (
            <section aria-labelledby="submit-heading" className="rounded-md border border-line bg-surface p-4 sm:p-6">
              <h2 id="submit-heading" className="text-2xl">
                Send for review
              </h2>
              <p className="mt-1 mb-4 text-[0.9375rem] text-ink-soft">An admin checks the case and publishes it. You can keep editing meanwhile.</p>
              <CaseButtonForm action={submitForReviewAction} caseId={c.id} label="Submit for review" pendingLabel="Sending…" />
            </section>
          )}

          {unpublished && isAdmin && (
            <section aria-labelledby="publish-heading" className="rounded-md border-2 border-ink bg-surface p-4 shadow-[0_4px_0_var(--color-ink)] sm:p-6">
              <h2 id="publish-heading" className="text-2xl">
                Publish
              </h2>
              <p className="mt-1 mb-4 text-[0.9375rem] text-ink-soft">
                It appears on the home page, at /cases/{c.slug} and in the public API.
              </p>
              {reviewVersion?.scheduleHeld && (
                <p role="alert" className="mb-4 rounded-md border-2 border-danger bg-danger-bg p-3 font-semibold text-danger">
                  Held at its scheduled time: {reviewVersion.scheduleHeld}
                </p>
              )}
              {pending.length > 0 && (
                <p className="mb-4 rounded-md border border-line bg-paper-deep p-3 text-[0.9375rem]">
                  {pending.length === 1 ? "1 change waits" : `${pending.length} changes wait`} for approval below. Publishing applies the case as it is now, without them.
                </p>
              )}
              <PublishForm action={publishCaseAction} caseId={c.id} ready={review.readiness.ready} minDateTime={minDateTime} reviewedVersion={reviewVersion?.version ?? ""} />
              {c.publishAt && (
                <div className="mt-5 border-t border-line pt-5">
                  <CaseButtonForm action={cancelScheduleAction} caseId={c.id} label="Cancel the scheduled time" pendingLabel="Cancelling…" variant="secondary" />
                </div>
              )}
            </section>
          )}

          {unpublished && !isAdmin && (
            <p className="rounded-md border border-line bg-paper-deep p-4 text-[0.9375rem]">
              {c.state === "in_review" ? "Waiting for an admin to review and publish." : "Only admins publish."} Publishing
              is an admin’s decision, after a second pair of eyes.
            </p>
          )}

          {c.state === "published" && (
            <p className="rounded-md border-2 border-good bg-good-bg p-4 font-semibold text-good">
              Published: live at{" "}
              <a href={`/cases/${c.slug}`} className="[overflow-wrap:anywhere]">
                /cases/{c.slug}
              </a>
              , on the home page and in the public API.
            </p>
          )}

          {c.state === "published" && isAdmin && (
            <section aria-labelledby="close-heading" className="rounded-md border border-line bg-surface p-4 sm:p-6">
              <h2 id="close-heading" className="text-2xl">
                Close with an outcome
              </h2>
              <p className="mt-1 mb-4 text-[0.9375rem] text-ink-soft">
                The case stays public with the outcome and takes no more appeals. To tell followers, also post an update.
              </p>
              <CloseCaseForm action={closeCaseAction} caseId={c.id} statuses={outcomeStatuses} />
            </section>
          )}

          {c.state === "published" && !isAdmin && (
            <p className="rounded-md border border-line bg-paper-deep p-4 text-[0.9375rem]">Published. An admin can close it with an outcome.</p>
          )}
          {c.state === "closed" && <p className="rounded-md border border-line bg-paper-deep p-4 text-[0.9375rem]">This case is closed.</p>}
        </div>
      </div>
      <PendingChanges changes={pending} changesHref={`/admin/cases/${c.id}/changes`} />
    </AdminShell>
  );
}
