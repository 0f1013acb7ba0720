import "server-only";
import { writeTransaction } from "@/db/client";
import { selfReports } from "@/db/schema";
import { newId } from "../security/secret";
import { getSupporterLetters, supporterMails, type SelfReportChannel } from "./queries";

export type RecordSelfReportResult = { state: "recorded"; targetIds: string[] } | { state: "invalid" };

/**
 * "I sent it / I posted it": the supporter's own word, for the officials the letter went to. An email they sent
 * from their own mailbox reached the official in To and every copy target in Cc, so each gets a row. At most one
 * row per supporter, official and channel (the unique index; a second press, a second tab or a replayed form
 * inserts nothing). Only the holder of the thank-you token, for an official their own letters went to.
 */
export function recordSelfReport({
  caseSlug,
  signatureId,
  token,
  targetId,
  channel,
  now = new Date(),
}: {
  caseSlug: string;
  signatureId: string;
  token: string;
  targetId: string;
  channel: SelfReportChannel;
  now?: Date;
}): RecordSelfReportResult {
  const found = getSupporterLetters({ caseSlug, signatureId, token });
  if (!found) return { state: "invalid" };
  let targetIds: string[];
  if (channel === "email") {
    const mail = supporterMails(found).find((m) => m.targetId === targetId);
    if (!mail) return { state: "invalid" };
    targetIds = [mail.targetId, ...mail.ccTargetIds];
  } else {
    if (!found.letters.some((l) => l.targetId === targetId)) return { state: "invalid" };
    targetIds = [targetId];
  }
  writeTransaction((tx) => {
    for (const id of targetIds) {
      tx.insert(selfReports)
        .values({ id: newId(), signatureId: found.signatureId, targetId: id, caseId: found.caseId, channel, createdAt: now })
        .onConflictDoNothing({ target: [selfReports.signatureId, selfReports.targetId, selfReports.channel] })
        .run();
    }
  });
  return { state: "recorded", targetIds };
}
