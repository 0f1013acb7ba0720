import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appeals, cases, printRuns } from "@/db/schema";
import { csvDocument } from "../exports/signatures-csv";
import { envelopeLines } from "../targets/naming";

/** One address label per printed letter of a run (each letter has its own envelope), in the PDF's order, through the
 * same formula guard as the signatures export: an official's address is text from outside. Null for an unknown
 * run. Officials' addresses only: nothing about the supporters. */
export function printRunLabelsCsv({ runId }: { runId: string }): { csv: string; filename: string; rows: number } | null {
  const db = getDb();
  const run = db.select({ id: printRuns.id, createdAt: printRuns.createdAt }).from(printRuns).where(eq(printRuns.id, runId)).get();
  if (!run) return null;
  const rows = db
    .select({
      appealId: appeals.id,
      reference: cases.reference,
      recipient: appeals.recipient,
    })
    .from(appeals)
    .innerJoin(cases, eq(cases.id, appeals.caseId))
    // a letter the PDF could not hold gets no label: labels and pages stay one to one
    .where(and(eq(appeals.printRunId, run.id), isNull(appeals.renderError)))
    .orderBy(asc(appeals.caseId), asc(appeals.recipient), asc(appeals.createdAt), asc(appeals.id))
    .all()
    .map((r) => ({ appealId: r.appealId, reference: r.reference, lines: envelopeLines(r.recipient) }));
  const width = Math.max(1, ...rows.map((r) => r.lines.length));
  const header = ["Letter", "Case reference", ...Array.from({ length: width }, (_, i) => `Address line ${i + 1}`)];
  const body = rows.map((r) => [r.appealId, r.reference, ...Array.from({ length: width }, (_, i) => r.lines[i] ?? "")]);
  return { csv: csvDocument([header, ...body]), filename: `print-run-${run.createdAt.toISOString().slice(0, 10)}-${run.id.slice(0, 8)}-labels.csv`, rows: rows.length };
}
