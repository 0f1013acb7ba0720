import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmailAddress } from "@/components/admin/admin-shell";
import { UpdateForm } from "@/components/admin/update-form";
import { formatDateTime, formatDay } from "@/components/format";
import { RichText } from "@/components/rich-text";
import { todayIso } from "@/lib/cases/queries";
import { RISK_LABELS, UPDATE_KIND_LABELS } from "@/lib/labels";
import { newFormKey } from "@/lib/updates/post-update";
import { getCaseForUpdates, listUpdates } from "@/lib/updates/queries";
import { UPDATE_BODY_MAX, UPDATE_TITLE_MAX } from "@/lib/updates/schemas";
import { riskStatusOptions } from "../../_lib/options";
import { postUpdateAction } from "./actions";
import { CasePage, openCasePage } from "../_lib/case-page";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Updates" };

export default async function CaseUpdatesPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, editor } = await openCasePage(params);
  const theCase = getCaseForUpdates({ caseId: editor.id });
  if (!theCase) notFound();
  const updates = listUpdates({ caseId: theCase.id });

  return (
    <CasePage user={user} theCase={editor} current="updates" exportable>
      <p className="mt-6 max-w-2xl leading-relaxed text-ink-soft">
        Each update appears on the case page’s timeline within seconds, and is emailed to the supporters who asked to
        hear back. Every email carries a one-click unsubscribe.
      </p>

      <div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)] lg:items-start">
        <section className="rounded-md border border-line bg-surface p-4 sm:p-6">
          <UpdateForm
            action={postUpdateAction.bind(null, theCase.id)}
            formKey={newFormKey()}
            personName={theCase.personName}
            followers={theCase.followers}
            statuses={riskStatusOptions()}
            currentStatus={theCase.riskStatus}
            today={todayIso()}
            titleMax={UPDATE_TITLE_MAX}
            bodyMax={UPDATE_BODY_MAX}
          />
        </section>

        <section aria-labelledby="posted-heading">
          <h2 id="posted-heading" className="text-2xl">
            Posted ({updates.length})
          </h2>
          {updates.length === 0 ? (
            <p className="mt-3 text-ink-soft">No updates yet. The first one you post shows here and on the case page.</p>
          ) : (
            <ol className="mt-4 space-y-4">
              {updates.map((u) => (
                <li key={u.id} className="rounded-md border border-line bg-surface p-4">
                  <p className="flex flex-wrap items-baseline gap-x-3 text-[0.9375rem]">
                    <time dateTime={u.happenedOn} className="font-semibold">
                      {formatDay(u.happenedOn)}
                    </time>
                    <span className={u.kind === "outcome" ? "font-semibold text-good" : "text-ink-soft"}>
                      {UPDATE_KIND_LABELS[u.kind]}
                    </span>
                  </p>
                  <h3 className="mt-1 text-xl [overflow-wrap:anywhere]">{u.title}</h3>
                  {u.riskStatus && (
                    <p className="mt-1 text-[0.9375rem]">
                      Status changed to <strong>{RISK_LABELS[u.riskStatus]}</strong>
                    </p>
                  )}
                  <RichText className="mt-2 [overflow-wrap:anywhere]">{u.body}</RichText>
                  <p className="mt-3 text-[0.875rem] text-ink-soft">
                    {u.authorEmail ? (
                      <>
                        Posted by <EmailAddress value={u.authorEmail} />
                      </>
                    ) : (
                      "Posted"
                    )}{" "}
                    on {formatDateTime(u.createdAt)}.{" "}
                    {u.notifiedAt ? "Followers were emailed." : "No email was sent for this one."}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </CasePage>
  );
}
