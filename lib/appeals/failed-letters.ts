import "server-only";
import { and, countDistinct, count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appeals, outbox, signatures } from "@/db/schema";

export type FailedLetterSummary = {
  /** email letters that failed or bounced and that nothing carries on (decision 023) */
  letters: number;
  /** the supporters who signed them */
  supporters: number;
  /** of those, the ones emailed a copy and how to send it themselves */
  told: number;
};

/** The case's letters that failed for good, for its statistics: a letter moved on to fax or post is not one. */
export function getFailedLetterSummary({ caseId }: { caseId: string }): FailedLetterSummary {
  const row = getDb()
    .select({
      letters: count(appeals.id),
      supporters: countDistinct(appeals.signatureId),
      told: countDistinct(sql`case when ${isNotNull(signatures.failureNoticeAt)} then ${appeals.signatureId} end`),
    })
    .from(appeals)
    .innerJoin(outbox, eq(outbox.id, appeals.outboxId))
    .innerJoin(signatures, eq(signatures.id, appeals.signatureId))
    .where(and(eq(appeals.caseId, caseId), eq(appeals.channel, "email"), inArray(outbox.status, ["failed", "bounced"])))
    .get();
  return { letters: row?.letters ?? 0, supporters: row?.supporters ?? 0, told: row?.told ?? 0 };
}
