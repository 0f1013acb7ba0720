import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db/client";
import { appeals, printRuns, signatures } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { type PdfLetter, type PdfResult, renderLettersPdf } from "../letters/pdf";
import { letterPdfOptions } from "../letters/pdf-options";
import { signatureName } from "../letters/render";
import { envelopeLines } from "../targets/naming";

export type PrintRunPdf = PdfResult & { runId: string; filename: string };

/** The run's letters as they go on paper, in envelope order: by case, then recipient, then as they came in. */
function runLetters(runId: string): PdfLetter[] {
  return getDb()
    .select({
      id: appeals.id,
      recipient: appeals.recipient,
      language: appeals.language,
      subject: appeals.subject,
      body: appeals.body,
      createdAt: appeals.createdAt,
      fullName: signatures.fullName,
      initialsOnly: signatures.initialsOnly,
      country: signatures.country,
      letterDate: signatures.letterDate,
    })
    .from(appeals)
    .innerJoin(signatures, eq(signatures.id, appeals.signatureId))
    .where(eq(appeals.printRunId, runId))
    .orderBy(asc(appeals.caseId), asc(appeals.recipient), asc(appeals.createdAt), asc(appeals.id))
    .all()
    .map((row) => ({
      id: row.id,
      recipientLines: envelopeLines(row.recipient),
      // the day the supporter confirmed: the date the letter was written on, whenever it is printed
      date: row.letterDate ? new Date(`${row.letterDate}T12:00:00Z`) : row.createdAt,
      language: row.language,
      onBehalfOf: signatureName(row),
      supporterCountry: row.country,
      subject: row.subject,
      body: row.body,
    }));
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
