import "server-only";
import { and, eq } from "drizzle-orm";
import { writeTransaction, type Db } from "@/db/client";
import { cases, letterTemplates } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { proposeRevision } from "../revisions/propose-revision";
import { reviewRule } from "../revisions/review-rule";
import { newId } from "../security/secret";
import { findUnknownFields, LetterTemplateError, LetterVariantError } from "./render";
import { bodyVariantProblem } from "./variants";
import type { LetterTemplateInput } from "./schemas";

/** A case's model letter in one language as stored, or null: what a save replaces and a revision compares. */
export function currentLetter(tx: Db, { caseId, language }: { caseId: string; language: string }): { id: string; subject: string; body: string } | null {
  return (
    tx
      .select({ id: letterTemplates.id, subject: letterTemplates.subject, body: letterTemplates.body })
      .from(letterTemplates)
      .where(and(eq(letterTemplates.caseId, caseId), eq(letterTemplates.language, language)))
      .get() ?? null
  );
}

/**
 * Creates or replaces a case's model letter in one language, and records who did it. Null when there is no such
 * case. A template with an unknown merge field is refused here too (LetterTemplateError), not only by the form's
 * schema: confirmSignature would otherwise fail for every supporter of the case. On a live case a campaigner's
 * letter is stored as a revision for an admin to approve (`revisionId` set); supporters keep the current one.
 */
export function saveLetterTemplate({
  caseId,
  input,
  actorId,
  now = new Date(),
}: {
  caseId: string;
  input: LetterTemplateInput;
  actorId: string;
  now?: Date;
}): { templateId: string; created: boolean; revisionId: string | null } | null {
  const unknown = findUnknownFields(input.subject, input.body);
  if (unknown.length > 0) throw new LetterTemplateError(unknown);
  const problem = bodyVariantProblem(input.body);
  if (problem) throw new LetterVariantError(problem);
  return writeTransaction((tx) => {
    const rule = reviewRule(tx, { caseId, actorId });
    if (!rule.found) return null;
    const existing = currentLetter(tx, { caseId, language: input.language });
    if (rule.needsReview) {
      const revisionId = proposeRevision(tx, {
        caseId,
        kind: "letter",
        subjectId: input.language,
        before: existing ? { subject: existing.subject, body: existing.body } : null,
        after: input,
        authorId: actorId,
        audit: { language: input.language },
        now,
      });
      return { templateId: existing?.id ?? "", created: !existing, revisionId };
    }
    return { ...applyLetterTemplate(tx, { caseId, input, actorId, now }), revisionId: null };
  });
}

/** The write itself, for a direct save and an approved revision alike (inside the caller's transaction). */
export function applyLetterTemplate(
  tx: Db,
  { caseId, input, actorId, revision, now }: { caseId: string; input: LetterTemplateInput; actorId: string; revision?: { id: string; authorId: string | null }; now: Date },
): { templateId: string; created: boolean } {
  const existing = currentLetter(tx, { caseId, language: input.language });
  const templateId = existing?.id ?? newId();
  if (existing) {
    tx.update(letterTemplates).set({ subject: input.subject, body: input.body, updatedAt: now }).where(eq(letterTemplates.id, existing.id)).run();
  } else {
    tx.insert(letterTemplates).values({ id: templateId, caseId, language: input.language, subject: input.subject, body: input.body, updatedAt: now }).run();
  }
  const theCase = tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, caseId)).returning({ state: cases.state }).get();
  recordAudit(
    tx,
    {
      actorUserId: actorId,
      action: "letter.edit",
      subjectType: "case",
      subjectId: caseId,
      details: {
        templateId,
        language: input.language,
        created: !existing,
        caseState: theCase?.state ?? null,
        ...(revision ? { revisionId: revision.id, proposedBy: revision.authorId } : {}),
      },
    },
    now,
  );
  return { templateId, created: !existing };
}
