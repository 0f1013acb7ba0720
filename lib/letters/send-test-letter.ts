import "server-only";
import { asc, eq } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { cases, letterTemplates, targets } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { env } from "../env";
import { enqueueMessage, wakeOutbox } from "../outbox/enqueue-message";
import { consumeRateLimit } from "../security/rate-limits";
import { channelFor } from "../targets/channel";
import { getChannelConfig } from "../targets/channel-config";
import { formatFax } from "../targets/schemas";
import type { Target } from "../targets/types";
import { signatureName } from "./render";
import { previewLetters } from "./preview";
import { SAMPLE_SUPPORTER } from "./schemas";

export const TEST_SUBJECT_PREFIX = "[TEST] ";

export type SendTestLetterResult =
  | { ok: true; queued: number }
  | { ok: false; reason: "not_found" | "no_targets" | "no_template" | "template_error" }
  | { ok: false; reason: "rate_limited"; retryAfterMs: number; message: string };

/** "by email to …", "by fax to …", "by post": the channel the real appeal would take, in the test's words. */
function howItWouldTravel(target: Pick<Target, "email" | "fax">): string {
  switch (channelFor(target, getChannelConfig())) {
    case "email":
      return `by email to ${target.email}`;
    case "fax":
      return `by fax to ${formatFax(target.fax ?? "")}`;
    case "post":
      return "by post";
  }
}

/**
 * Queues the case's saved model letter, rendered for each target and signed by the sample supporter, to the
 * signed-in campaigner's own address only. Touches no signature or appeal: a test counts for nothing. The
 * From and Reply-To follow the rule for real appeals (supporter's name via the organisation; the organisation's
 * reply address), so the test shows what an official would see.
 */
export function sendTestLetter({
  caseId,
  user,
  now = new Date(),
}: {
  caseId: string;
  user: { id: string; email: string };
  now?: Date;
}): SendTestLetterResult {
  const config = env();
  const result = writeTransaction((tx): SendTestLetterResult => {
    const theCase = tx
      .select({ id: cases.id, reference: cases.reference, personName: cases.personName, languages: cases.languages })
      .from(cases)
      .where(eq(cases.id, caseId))
      .get();
    if (!theCase) return { ok: false, reason: "not_found" };
    const caseTargets = tx.select().from(targets).where(eq(targets.caseId, caseId)).orderBy(asc(targets.position), asc(targets.id)).all();
    if (caseTargets.length === 0) return { ok: false, reason: "no_targets" };
    const templates = tx.select().from(letterTemplates).where(eq(letterTemplates.caseId, caseId)).all();
    if (templates.length === 0) return { ok: false, reason: "no_template" };
    const letters = previewLetters({
      templates,
      targets: caseTargets,
      caseInfo: { personName: theCase.personName, reference: theCase.reference },
      preferred: theCase.languages.split(",").map((l) => l.trim()),
      date: now,
    });
    if (letters.some((l) => l.problem)) return { ok: false, reason: "template_error" };

    const limit = consumeRateLimit(tx, { name: "testLetter", subject: user.id, now });
    if (!limit.allowed) return { ok: false, reason: "rate_limited", retryAfterMs: limit.retryAfterMs, message: limit.message };

    const fromName = `${signatureName(SAMPLE_SUPPORTER)} via ${config.MAIL_FROM_NAME}`;
    letters.forEach((letter, i) => {
      const target = caseTargets[i]!;
      const channel = howItWouldTravel(target);
      const text = [
        `TEST: this is a test of the model letter for ${theCase.reference}. Only you received it: nothing was sent to the official and nothing was counted.`,
        `It shows the letter ${letter.recipient}${letter.role === "copy" ? " (copy)" : ""} would receive ${channel}, signed by a sample supporter.`,
        "",
        "----------------------------------------",
        "",
        letter.body,
      ].join("\n");
      enqueueMessage(
        tx,
        { kind: "test_letter", to: user.email, fromName, replyTo: config.REPLY_TO ?? null, subject: `${TEST_SUBJECT_PREFIX}${letter.subject}`, text },
        now,
      );
    });
    recordAudit(
      tx,
      { actorUserId: user.id, action: "letter.test_send", subjectType: "case", subjectId: caseId, details: { letters: letters.length } },
      now,
    );
    return { ok: true, queued: letters.length };
  });
  if (result.ok) wakeOutbox();
  return result;
}
