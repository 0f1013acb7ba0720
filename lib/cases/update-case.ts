import "server-only";
import { eq } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { cases, type CaseState } from "@/db/schema";
import type { CurrentUser } from "../auth/queries";
import { recordAudit } from "../audit/record-audit";
import { canSeeCases } from "./admin-queries";
import type { CaseFieldErrors } from "./case-schemas";
import { changedFields, checkCaseInput } from "./check-case-input";

export type UpdateCaseResult =
  | { ok: true; id: string; slug: string; previousSlug: string; state: CaseState; changed: string[] }
  | { ok: false; notFound?: true; errors: CaseFieldErrors };

/** Saves the editor's fields on an existing case, in whatever state it is. Returns every field error at once and
 * writes nothing then. The audit entry names the changed fields, never their content. */
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
  return writeTransaction((tx) => {
    const existing = tx.select().from(cases).where(eq(cases.id, id)).get();
    if (!existing) return { ok: false as const, notFound: true as const, errors: { form: ["This case does not exist, or you may not edit it."] } };
    const checked = checkCaseInput({ db: tx, input, existing, photoError, now });
    if (!checked.ok) return checked;
    const changed = changedFields(existing, checked.data);
    if (changed.length > 0) {
      tx.update(cases).set({ ...checked.data, updatedAt: now }).where(eq(cases.id, id)).run();
      recordAudit(tx, { actorUserId: user.id, action: "case.edit", subjectType: "case", subjectId: id, details: { fields: changed.join(","), state: existing.state } }, now);
    }
    return { ok: true as const, id, slug: checked.data.slug, previousSlug: existing.slug, state: existing.state, changed };
  });
}
