import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { writeTransaction, type Db } from "@/db/client";
import { caseRevisions, cases, targets, users, type RevisionKind } from "@/db/schema";
import type { CurrentUser } from "../auth/queries";
import { recordAudit } from "../audit/record-audit";
import type { CaseData } from "../cases/check-case-input";
import { releaseRevisionPhotos } from "../cases/photos";
import { applyCaseChange } from "../cases/update-case";
import { applyLetterTemplate, currentLetter } from "../letters/save-letter-template";
import type { LetterTemplateInput } from "../letters/schemas";
import { wakeOutbox } from "../outbox/enqueue-message";
import { applyCreateTarget } from "../targets/create-target";
import { applyDeleteTarget } from "../targets/delete-target";
import { applyTargetOrder, targetOrder } from "../targets/reorder-targets";
import { TOO_MANY_TARGETS, type RoutedCopyInput, type TargetInput } from "../targets/schemas";
import { applyUpdateTarget, fixedTarget } from "../targets/update-target";
import { applyPostUpdate } from "../updates/post-update";
import type { PostUpdateInput } from "../updates/schemas";

export type DecideRevisionResult =
  | { ok: true; caseId: string; kind: RevisionKind; caseSlug: string }
  | { ok: false; code: "forbidden" | "not_found" | "decided" | "changed" | "refused"; message: string; caseId?: string };

export const REVISION_FORBIDDEN = { ok: false, code: "forbidden", message: "Only an admin can approve or reject a change." } as const;
const NOT_FOUND = { ok: false, code: "not_found", message: "This change does not exist." } as const;
const DECIDED = "This change was already approved, rejected or withdrawn. The list below is up to date.";
const CHANGED = "This part of the case changed since the change was proposed, so approving it would undo someone else’s edit. Review it again: reject it, and ask for it to be made again on the current version.";

type Revision = typeof caseRevisions.$inferSelect;

/** An admin, by the role stored now: the caller's user object is not trusted for the decision. */
export function isAdminNow(tx: Db, user: Pick<CurrentUser, "id" | "role">): boolean {
  return user.role === "admin" && tx.select({ role: users.role }).from(users).where(eq(users.id, user.id)).get()?.role === "admin";
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Whether every field the revision saw still has the value it saw (a row's position is not content). */
function unchangedSince(current: Record<string, unknown> | null | undefined, before: Record<string, unknown> | null): boolean {
  if (before === null) return current === null || current === undefined;
  if (!current) return false;
  return Object.keys(before).every((key) => key === "position" || same(current[key], before[key]));
}

/** Applies one revision through the command code a direct edit uses; a string is the reason it cannot. */
function applyRevision(tx: Db, revision: Revision, actorId: string, now: Date): string | { wake: boolean } {
  const by = { id: revision.id, authorId: revision.authorId };
  const before = revision.before === null ? null : (JSON.parse(revision.before) as Record<string, unknown>);
  const after = JSON.parse(revision.after) as unknown;
  const caseId = revision.caseId;
  const subjectId = revision.subjectId ?? "";
  switch (revision.kind) {
    case "case": {
      const current = tx.select().from(cases).where(eq(cases.id, caseId)).get();
      if (!unchangedSince(current, before)) return CHANGED;
      const data = after as Partial<CaseData>;
      // a scheduled draft's address may change; another case may have taken it since
      if (data.slug && tx.select({ id: cases.id }).from(cases).where(and(eq(cases.slug, data.slug), ne(cases.id, caseId))).get())
        return "Another case has taken this web address since. Reject the change and ask for another address.";
      applyCaseChange(tx, { id: caseId, data, changed: Object.keys(data), actorId, revision: by, now });
      return { wake: false };
    }
    case "target_create": {
      const done = applyCreateTarget(tx, { caseId, targetId: subjectId, input: after as TargetInput | RoutedCopyInput, actorId, revision: by, now });
      if (done === "too_many") return TOO_MANY_TARGETS;
      if (done === "exists") return "The case already sends a copy to this state’s embassies.";
      return { wake: false };
    }
    case "target_update": {
      const current = fixedTarget(tx, { caseId, targetId: subjectId });
      if (!current || !unchangedSince(current, before)) return CHANGED;
      applyUpdateTarget(tx, { caseId, current, input: after as TargetInput, actorId, revision: by, now });
      return { wake: false };
    }
    case "target_delete": {
      const current = tx.select().from(targets).where(and(eq(targets.id, subjectId), eq(targets.caseId, caseId))).get();
      if (!current || !unchangedSince(current, before)) return CHANGED;
      if (applyDeleteTarget(tx, { caseId, target: current, actorId, revision: by, now }) === "has_appeals")
        return "Supporters’ appeals have been written to this official since, so they cannot be removed.";
      return { wake: false };
    }
    case "target_reorder": {
      if (!same(targetOrder(tx, caseId), before)) return CHANGED;
      applyTargetOrder(tx, { caseId, order: after as string[], actorId, audit: { targetId: subjectId, revisionId: revision.id, proposedBy: revision.authorId }, now });
      return { wake: false };
    }
    case "letter": {
      const input = after as LetterTemplateInput;
      const current = currentLetter(tx, { caseId, language: input.language });
      if (!unchangedSince(current ? { subject: current.subject, body: current.body } : null, before)) return CHANGED;
      applyLetterTemplate(tx, { caseId, input, actorId, revision: by, now });
      return { wake: false };
    }
    case "update": {
      const posted = applyPostUpdate(tx, { caseId, updateId: subjectId, input: after as PostUpdateInput, actorId, formKey: revision.formKey, revision: by, now });
      return { wake: posted.notified > 0 };
    }
  }
}

/**
 * An admin approves a pending revision: in one transaction it is applied through the same command code as a
 * direct edit (so the audit log has the same old and new values, with the revision's id) and marked approved.
 * Refused, with nothing changed, when the rows it changes no longer match what it saw when proposed, and for
 * anyone but an admin.
 */
export function approveRevision({ revisionId, user, now = new Date() }: { revisionId: string; user: Pick<CurrentUser, "id" | "role">; now?: Date }): DecideRevisionResult {
  const result = writeTransaction((tx): DecideRevisionResult & { wake?: boolean } => {
    if (!isAdminNow(tx, user)) return REVISION_FORBIDDEN;
    const revision = tx.select().from(caseRevisions).where(eq(caseRevisions.id, revisionId)).get();
    if (!revision) return NOT_FOUND;
    if (revision.status !== "pending") return { ok: false, code: "decided", message: DECIDED, caseId: revision.caseId };
    const applied = applyRevision(tx, revision, user.id, now);
    if (typeof applied === "string") return { ok: false, code: applied === CHANGED ? "changed" : "refused", message: applied, caseId: revision.caseId };
    tx.update(caseRevisions)
      .set({ status: "approved", decidedBy: user.id, decidedAt: now })
      .where(and(eq(caseRevisions.id, revisionId), eq(caseRevisions.status, "pending")))
      .run();
    recordAudit(tx, { actorUserId: user.id, action: "revision.approve", subjectType: "case", subjectId: revision.caseId, details: { revisionId, kind: revision.kind, proposedBy: revision.authorId } }, now);
    const slug = tx.select({ slug: cases.slug }).from(cases).where(eq(cases.id, revision.caseId)).get()?.slug ?? "";
    return { ok: true, caseId: revision.caseId, kind: revision.kind, caseSlug: slug, wake: applied.wake };
  });
  if (result.ok && result.wake) wakeOutbox();
  if (result.ok) releaseRevisionPhotos({ revisionId });
  if (result.ok) return { ok: true, caseId: result.caseId, kind: result.kind, caseSlug: result.caseSlug };
  return result;
}
