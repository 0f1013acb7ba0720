import "server-only";
import { eq } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { appeals, cases, printRuns } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { newId } from "../security/secret";
import { waitingCondition } from "./queries";

export type CreatedPrintRun = { id: string; caseId: string | null; letterCount: number; createdAt: Date };
export type CreatePrintRunResult = { run: CreatedPrintRun } | { nothingLeft: true } | { unknownCase: true };

/**
 * Claims every letter waiting for post (of one case, or of all) into one new run. The claim is ONE guarded
 * UPDATE … WHERE print_run_id IS NULL … RETURNING inside a BEGIN IMMEDIATE transaction, so two people pressing at
 * once get disjoint runs, or one run and "nothing left": a letter is never in two runs. The run row is written
 * first (the appeals' foreign key needs it) and taken back when nothing was claimed.
 */
export function createPrintRun({ caseId, userId, now = new Date() }: { caseId?: string; userId: string; now?: Date }): CreatePrintRunResult {
  return writeTransaction((tx): CreatePrintRunResult => {
    if (caseId && !tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).get()) return { unknownCase: true };
    const id = newId();
    tx.insert(printRuns).values({ id, caseId: caseId ?? null, createdBy: userId, createdAt: now, letterCount: 0 }).run();
    const claimed = tx.update(appeals).set({ printRunId: id, renderError: null }).where(waitingCondition(caseId)).returning({ id: appeals.id }).all();
    if (claimed.length === 0) {
      tx.delete(printRuns).where(eq(printRuns.id, id)).run();
      return { nothingLeft: true };
    }
    tx.update(printRuns).set({ letterCount: claimed.length }).where(eq(printRuns.id, id)).run();
    recordAudit(tx, { actorUserId: userId, action: "print_run.create", subjectType: "print_run", subjectId: id, details: { caseId: caseId ?? null, letters: claimed.length } }, now);
    return { run: { id, caseId: caseId ?? null, letterCount: claimed.length, createdAt: now } };
  });
}
