// Appeal rows as confirmation writes them once every channel is wired (issue 7: channel, recipient, language,
// delivery address), for tests of what happens after confirmation: print runs, counts. Each call makes its own
// confirmed signature. Plain Node, like factories.ts: no server-only imports.
import crypto from "node:crypto";
import { writeTransaction } from "@/db/client";
import { appeals, outbox, signatures, type OutboxStatus } from "@/db/schema";

export type TestAppeal = {
  caseId: string;
  targetId: string;
  channel: "email" | "fax" | "post";
  /** envelope lines joined by \n; default: a Beijing address */
  recipient?: string;
  fullName?: string;
  initialsOnly?: boolean;
  country?: string;
  language?: string;
  subject?: string;
  body?: string;
  /** email and fax: the state of the appeal's outbox row (default "queued") */
  outboxStatus?: OutboxStatus;
  createdAt?: Date;
};

export const DEFAULT_RECIPIENT = "Xi Jinping\nPresident of the People's Republic of China\nZhongnanhai\nXichengqu, Beijing 100017\nChina";

/** Inserts one confirmed signature and its appeal (with an outbox row for email and fax); returns the ids. */
export function createTestAppeal(spec: TestAppeal): { appealId: string; signatureId: string; outboxId: string | null } {
  const createdAt = spec.createdAt ?? new Date();
  const signatureId = crypto.randomUUID();
  const appealId = crypto.randomUUID();
  const outboxId = spec.channel === "post" ? null : crypto.randomUUID();
  const email = `supporter-${signatureId.slice(0, 12)}@supporters.example.net`;
  const deliveryAddress = spec.channel === "email" ? `official-${appealId.slice(0, 8)}@example.org` : spec.channel === "fax" ? "+442079460123" : null;
  writeTransaction((tx) => {
    tx.insert(signatures)
      .values({
        id: signatureId,
        caseId: spec.caseId,
        fullName: spec.fullName ?? "Amira Haddad",
        email,
        emailNormalized: email,
        country: spec.country ?? "GB",
        initialsOnly: spec.initialsOnly ?? false,
        status: "confirmed",
        tokenHash: crypto.randomUUID(),
        tokenExpiresAt: createdAt,
        letterDate: createdAt.toISOString().slice(0, 10),
        createdAt,
        updatedAt: createdAt,
        confirmedAt: createdAt,
      })
      .run();
    if (outboxId) {
      const status = spec.outboxStatus ?? "queued";
      tx.insert(outbox)
        .values({
          id: outboxId,
          kind: spec.channel === "fax" ? "fax" : "appeal",
          status,
          messageId: `<${outboxId}@test.example.org>`,
          toAddress: spec.channel === "fax" ? "442079460123@fax.example.net" : deliveryAddress!,
          subject: spec.subject ?? "Release Li Qiaochu",
          textBody: spec.body ?? "Dear President,\n\nRelease her.",
          nextAttemptAt: createdAt,
          lane: spec.channel === "fax" ? `fax:${deliveryAddress}` : null,
          createdAt,
          sentAt: status === "sent" ? createdAt : null,
        })
        .run();
    }
    tx.insert(appeals)
      .values({
        id: appealId,
        signatureId,
        targetId: spec.targetId,
        caseId: spec.caseId,
        channel: spec.channel,
        language: spec.language ?? "en",
        subject: spec.subject ?? "Release Li Qiaochu",
        body: spec.body ?? "Dear President,\n\nI urge you to release Li Qiaochu immediately and unconditionally.\n\nYours sincerely,",
        recipient: spec.recipient ?? DEFAULT_RECIPIENT,
        deliveryAddress,
        outboxId,
        createdAt,
      })
      .run();
  });
  return { appealId, signatureId, outboxId };
}
