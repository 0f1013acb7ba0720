import "server-only";
import { eq } from "drizzle-orm";
import { writeTransaction, type Db } from "@/db/client";
import { cases, type CaseState } from "@/db/schema";
import type { CurrentUser } from "../auth/queries";
import { recordAudit } from "../audit/record-audit";
import { proposeRevision } from "../revisions/propose-revision";
import { reviewRule } from "../revisions/review-rule";
import { canSeeCases } from "./admin-queries";
import type { CaseFieldErrors } from "./case-schemas";
import { releaseCasePhotos } from "./photos";
import { changedFields, checkCaseInput, type CaseData } from "./check-case-input";

export type UpdateCaseResult =
  | {
      ok: true;
      id: string;
      slug: string;
      previousSlug: string;
      state: CaseState;
      changed: string[];
      /** set when a campaigner's change to a live case waits for an admin: the case itself is unchanged */
      revisionId: string | null;
    }
  | { ok: false; notFound?: true; errors: CaseFieldErrors };

const pick = (row: Record<string, unknown>, fields: string[]) => Object.fromEntries(fields.map((f) => [f, row[f] ?? null]));

/** Saves the editor's fields on an existing case, in whatever state it is. Returns every field error at once and
 * writes nothing then. The audit entry names the changed fields, never their content. On a live case a
 * campaigner's change is stored as a revision for an admin to approve (lib/revisions/review-rule.ts). */
export function updateCase({
  id,
  input,
  user,
  photoError,
  now = new Date(),
}: {
  id: string;
  input: FormData | Record<string, unknown>;
  user: CurrentUser;
  /** a refused upload (lib/cases/photos.ts), reported with the other field errors */
  photoError?: string;
  now?: Date;
}): UpdateCaseResult {
  if (!canSeeCases(user) || !id) return { ok: false, notFound: true, errors: { form: ["This case does not exist, or you may not edit it."] } };
  let replacedPhoto: string | null = null;
  const result = writeTransaction((tx) => {
    const existing = tx.select().from(cases).where(eq(cases.id, id)).get();
    if (!existing) return { ok: false as const, notFound: true as const, errors: { form: ["This case does not exist, or you may not edit it."] } };
    const checked = checkCaseInput({ db: tx, input, existing, photoError, now });
    if (!checked.ok) return checked;
    const changed = changedFields(existing, checked.data);
    let revisionId: string | null = null;
    if (changed.length > 0) {
      const rule = reviewRule(tx, { caseId: id, actorId: user.id });
      if (rule.found && rule.needsReview) {
        revisionId = proposeRevision(tx, {
          caseId: id,
          kind: "case",
          subjectId: id,
          before: pick(existing, changed),
          after: pick(checked.data, changed),
          authorId: user.id,
          audit: { fields: changed.join(",") },
          now,
        });
      } else {
        applyCaseChange(tx, { id, data: checked.data, changed, actorId: user.id, now });
        if (changed.includes("photoPath")) replacedPhoto = existing.photoPath;
      }
    }
    return { ok: true as const, id, slug: revisionId ? existing.slug : checked.data.slug, previousSlug: existing.slug, state: existing.state, changed, revisionId };
  });
  // a replaced or removed photo leaves the server once the change that dropped it has committed
  if (replacedPhoto) releaseCasePhotos({ photoPaths: [replacedPhoto] });
  return result;
}

/** The write itself, for a direct edit and an approved revision alike (inside the caller's transaction). */
export function applyCaseChange(
  tx: Db,
  {
    id,
    data,
    changed,
    actorId,
    revision,
    now,
  }: { id: string; data: Partial<CaseData>; changed: string[]; actorId: string; revision?: { id: string; authorId: string | null }; now: Date },
): void {
  const state = tx.update(cases).set({ ...data, updatedAt: now }).where(eq(cases.id, id)).returning({ state: cases.state }).get()?.state ?? null;
  recordAudit(
    tx,
    {
      actorUserId: actorId,
      action: "case.edit",
      subjectType: "case",
      subjectId: id,
      details: { fields: changed.join(","), state, ...(revision ? { revisionId: revision.id, proposedBy: revision.authorId } : {}) },
    },
    now,
  );
}
