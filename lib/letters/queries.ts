import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cases, letterTemplates, targets } from "@/db/schema";
import { previewLetters, withDraft, type TargetLetter } from "./preview";
import type { LetterTemplate } from "./render";
import type { LetterTemplateRow } from "./types";

/** A case's model letters, one per language. */
export function listLetterTemplatesByCase({ caseId }: { caseId: string }): LetterTemplateRow[] {
  return getDb()
    .select()
    .from(letterTemplates)
    .where(eq(letterTemplates.caseId, caseId))
    .orderBy(asc(letterTemplates.language))
    .all();
}

/** Each target's letter from the saved templates, with `draft` (the text in the editor) in place of its
 * language's saved one: the server's rendering of the editor's preview, for the page and the no-JavaScript path. */
export function previewCaseLetters({
  caseId,
  draft,
  now = new Date(),
}: {
  caseId: string;
  draft: LetterTemplate | null;
  now?: Date;
}): TargetLetter[] {
  const theCase = getDb().select({ personName: cases.personName, reference: cases.reference, languages: cases.languages }).from(cases).where(eq(cases.id, caseId)).get();
  if (!theCase) return [];
  const caseTargets = getDb().select().from(targets).where(eq(targets.caseId, caseId)).orderBy(asc(targets.position), asc(targets.id)).all();
  const saved = listLetterTemplatesByCase({ caseId }).map((t) => ({ language: t.language, subject: t.subject, body: t.body }));
  return previewLetters({
    templates: withDraft(saved, draft),
    targets: caseTargets,
    caseInfo: { personName: theCase.personName, reference: theCase.reference },
    preferred: theCase.languages.split(",").map((l) => l.trim()),
    date: now,
  });
}
