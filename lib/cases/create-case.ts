import "server-only";
import { writeTransaction } from "@/db/client";
import { cases } from "@/db/schema";
import type { CurrentUser } from "../auth/queries";
import { recordAudit } from "../audit/record-audit";
import { newId } from "../security/secret";
import { canSeeCases } from "./admin-queries";
import type { CaseFieldErrors } from "./case-schemas";
import { checkCaseInput } from "./check-case-input";

export type CreateCaseResult = { ok: true; id: string; slug: string } | { ok: false; errors: CaseFieldErrors };

const NOT_ALLOWED: CreateCaseResult = { ok: false, errors: { form: ["Your account is not allowed to do this."] } };

/** A new case, always a draft, created by `user`. Only the editor's fields are read from `input`: whatever else
 * it holds (state, createdBy, role...) is never applied. */
export function createCase({
  input,
  user,
  photoError,
  now = new Date(),
}: {
  input: FormData | Record<string, unknown>;
  user: CurrentUser;
  /** a refused upload (lib/cases/photos.ts), reported with the other field errors */
  photoError?: string;
  now?: Date;
}): CreateCaseResult {
  if (!canSeeCases(user)) return NOT_ALLOWED;
  return writeTransaction((tx) => {
    const checked = checkCaseInput({ db: tx, input, existing: null, photoError, now });
    if (!checked.ok) return checked;
    const id = newId();
    tx.insert(cases)
      .values({ ...checked.data, id, state: "draft", createdBy: user.id, createdAt: now, updatedAt: now })
      .run();
    recordAudit(tx, { actorUserId: user.id, action: "case.create", subjectType: "case", subjectId: id }, now);
    return { ok: true as const, id, slug: checked.data.slug };
  });
}
