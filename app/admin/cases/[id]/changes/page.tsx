import type { Metadata } from "next";
import { PendingChanges } from "@/components/admin/pending-changes";
import { listCaseRevisions } from "@/lib/revisions/queries";
import { isLiveCase } from "@/lib/revisions/review-rule";
import { approveRevisionAction, rejectRevisionAction, withdrawRevisionAction } from "./actions";
import { CasePage, openCasePage } from "../_lib/case-page";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Changes" };

const DONE: Record<string, string> = {
  approved: "Approved. The change is live: the next supporters’ letters use it.",
  rejected: "Rejected. Nothing of it was applied.",
  withdrawn: "Withdrawn. Nothing of it was applied.",
};
const ERRORS: Record<string, string> = {
  changed: "Not approved: this part of the case changed since the change was proposed, so approving it would undo another edit. Review it again below, and reject it if it no longer fits.",
  refused: "Not approved: the case no longer allows it (too many officials, a copy that exists, or letters already written to the official).",
  decided: "That change was already decided. The list below is up to date.",
  forbidden: "Only an admin can approve or reject a change, and only its author can withdraw it.",
  not_found: "That change does not exist.",
};

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function CaseChangesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, editor } = await openCasePage(params);
  const query = await searchParams;
  const changes = listCaseRevisions({ caseId: editor.id, decided: 20 });
  const isAdmin = user.role === "admin";
  const done = DONE[one(query.done) ?? ""];
  const error = ERRORS[one(query.error) ?? ""];

  return (
    <CasePage user={user} theCase={editor} current="changes" showPending={false}>
      <p className="mt-6 max-w-2xl leading-relaxed text-ink-soft">
        {isLiveCase(editor)
          ? "This case is live. A campaigner’s change to its details, officials, letters or updates waits here for an admin; supporters and officials see the current version until it is approved."
          : "This case is not live: its changes apply directly. Changes proposed while it was live stay here until decided."}{" "}
        {isAdmin ? "Read each change old → new before you approve it: an address changed here receives every later supporter’s letter." : "An admin approves or rejects them."}
      </p>
      {(done || error) && (
        <p
          role={error ? "alert" : "status"}
          className={`mt-6 rounded-md border-2 p-3 font-semibold ${error ? "border-danger bg-danger-bg text-danger" : "border-good bg-good-bg text-good"}`}
        >
          {error ?? done}
        </p>
      )}
      {changes.length === 0 ? (
        <p className="mt-8 text-ink-soft">No changes have been proposed for this case.</p>
      ) : (
        <PendingChanges
          changes={changes}
          approve={isAdmin ? (id) => approveRevisionAction.bind(null, editor.id, id) : undefined}
          reject={isAdmin ? (id) => rejectRevisionAction.bind(null, editor.id, id) : undefined}
          withdraw={{ userId: user.id, action: (id) => withdrawRevisionAction.bind(null, editor.id, id) }}
        />
      )}
    </CasePage>
  );
}
