import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db/client";
import { appeals, printRuns } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { type PdfLetter, type PdfResult, renderLettersPdf } from "../letters/pdf";
import { letterPdfOptions } from "../letters/pdf-options";
import { getAppealPdfLetters } from "../letters/appeal-pdf-letters";

export type PrintRunPdf = PdfResult & { runId: string; filename: string };

/** The run's letters as they go on paper, in envelope order: by case, then recipient, then as they came in. */
function runLetters(runId: string): PdfLetter[] {
  return getAppealPdfLetters({
    where: eq(appeals.printRunId, runId),
    orderBy: [asc(appeals.caseId), asc(appeals.recipient), asc(appeals.createdAt), asc(appeals.id)],
  });
}

/**
 * One print-ready PDF of a run (made again on every download: a reprint claims nothing). A letter that cannot be
 * rendered is left out and its reason kept on the appeal for the print run page; a letter that renders again
 * has its old reason cleared. Null for an unknown run.
 */
export async function renderPrintRunPdf({ runId, userId, now = new Date() }: { runId: string; userId: string | null; now?: Date }): Promise<PrintRunPdf | null> {
  const run = getDb().select({ id: printRuns.id, createdAt: printRuns.createdAt }).from(printRuns).where(eq(printRuns.id, runId)).get();
  if (!run) return null;
  const result = await renderLettersPdf(runLetters(run.id), letterPdfOptions());
  writeTransaction((tx) => {
    if (result.rendered.length > 0) tx.update(appeals).set({ renderError: null }).where(inArray(appeals.id, result.rendered)).run();
    for (const failure of result.failures) tx.update(appeals).set({ renderError: failure.reason }).where(eq(appeals.id, failure.id)).run();
    recordAudit(tx, { actorUserId: userId, action: "print_run.render", subjectType: "print_run", subjectId: run.id, details: { rendered: result.rendered.length, failed: result.failures.length } }, now);
  });
  return { ...result, runId: run.id, filename: `print-run-${run.createdAt.toISOString().slice(0, 10)}-${run.id.slice(0, 8)}.pdf` };
}
