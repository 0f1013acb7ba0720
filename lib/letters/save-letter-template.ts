import "server-only";
import { and, eq } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { cases, letterTemplates } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { newId } from "../security/secret";
import { findUnknownFields, LetterTemplateError } from "./render";
import type { LetterTemplateInput } from "./schemas";

/**
 * Creates or replaces a case's model letter in one language, and records who did it. Null when there is no such
 * case. A template with an unknown merge field is refused here too (LetterTemplateError), not only by the form's
 * schema: confirmSignature would otherwise fail for every supporter of the case.
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
}): { templateId: string; created: boolean } | null {
  const unknown = findUnknownFields(input.subject, input.body);
  if (unknown.length > 0) throw new LetterTemplateError(unknown);
  return writeTransaction((tx) => {
    const theCase = tx.select({ id: cases.id, state: cases.state }).from(cases).where(eq(cases.id, caseId)).get();
    if (!theCase) return null;
    const existing = tx
      .select({ id: letterTemplates.id })
      .from(letterTemplates)
      .where(and(eq(letterTemplates.caseId, caseId), eq(letterTemplates.language, input.language)))
      .get();
    const templateId = existing?.id ?? newId();
    if (existing) {
      tx.update(letterTemplates).set({ subject: input.subject, body: input.body, updatedAt: now }).where(eq(letterTemplates.id, existing.id)).run();
    } else {
      tx.insert(letterTemplates).values({ id: templateId, caseId, language: input.language, subject: input.subject, body: input.body, updatedAt: now }).run();
    }
    tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, caseId)).run();
    recordAudit(
      tx,
      {
        actorUserId: actorId,
        action: "letter.edit",
        subjectType: "case",
        subjectId: caseId,
        details: { templateId, language: input.language, created: !existing, caseState: theCase.state },
      },
      now,
    );
    return { templateId, created: !existing };
  });
}
