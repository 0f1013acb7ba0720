import "server-only";
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { appeals, printRuns } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { todayIso } from "../cases/queries";
import { PostedOnSchema } from "./schemas";

export type MarkPostedResult = { ok: true; postedOn: string; letterCount: number } | { ok: false; field?: "postedOn"; message: string };

/**
 * Records that every printed letter of a run went into the post on `postedOn`. Only from then do public pages
 * count them as posted. A letter the PDF could not hold (its reason is on the run's page) was never posted: it
 * leaves the run and waits for the next one, so it is neither counted as posted nor stranded. Once only (a status-guarded update: two presses, one record), on a day that is neither in the
 * future nor before the run was made (UTC days).
 */
export function markPrintRunPosted({ runId, postedOn, userId, now = new Date() }: { runId: string; postedOn: string; userId: string; now?: Date }): MarkPostedResult {
  const parsed = PostedOnSchema.safeParse(postedOn);
  if (!parsed.success) return { ok: false, field: "postedOn", message: parsed.error.issues[0]?.message ?? "Enter a day." };
  const day = parsed.data;
  return writeTransaction((tx): MarkPostedResult => {
    const run = tx.select().from(printRuns).where(eq(printRuns.id, runId)).get();
    if (!run) return { ok: false, message: "This print run no longer exists." };
    if (run.postedOn) return { ok: false, message: `This run was already marked as posted on ${run.postedOn}. Nothing changed.` };
    if (day > todayIso(now)) return { ok: false, field: "postedOn", message: "That day is in the future: mark the run once the letters are in the post." };
    const created = todayIso(run.createdAt);
    if (day < created) return { ok: false, field: "postedOn", message: `The run was made on ${created}: its letters cannot have been posted before that.` };
    const changed = tx
      .update(printRuns)
      .set({ postedOn: day, postedAt: now, postedBy: userId })
      .where(and(eq(printRuns.id, run.id), isNull(printRuns.postedOn)))
      .run();
    if (changed.changes === 0) return { ok: false, message: "This run was already marked as posted. Nothing changed." };
    const released = tx
      .update(appeals)
      .set({ printRunId: null })
      .where(and(eq(appeals.printRunId, run.id), isNotNull(appeals.renderError)))
      .run().changes;
    const letterCount = run.letterCount - released;
    if (released > 0) tx.update(printRuns).set({ letterCount: sql`${printRuns.letterCount} - ${released}` }).where(eq(printRuns.id, run.id)).run();
    recordAudit(tx, { actorUserId: userId, action: "print_run.posted", subjectType: "print_run", subjectId: run.id, details: { postedOn: day, letters: letterCount, notPrinted: released } }, now);
    return { ok: true, postedOn: day, letterCount };
  });
}
