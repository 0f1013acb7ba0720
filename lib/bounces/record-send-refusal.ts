import "server-only";
import type { Db } from "@/db/client";
import { bounceReports } from "@/db/schema";
import { bounceAddress } from "../mail/verp";
import { newId } from "../security/secret";
import { recordOfficialHardBounce } from "./email-health";

/** A 5xx answer to an appeal at send time (RCPT or DATA): a hard bounce of the official's address as a DSN would
 * be, and kept beside the received reports so staff see both on /admin/bounces (the row's own VERP address as
 * "to", the answer as its diagnostic). Runs in the transaction that fails the row. */
export function recordSendRefusal(tx: Db, { outboxId, toAddress, error, now }: { outboxId: string; toAddress: string; error: unknown; now: Date }): { switched: boolean } {
  const { response, responseCode, command } = (error ?? {}) as { response?: unknown; responseCode?: unknown; command?: unknown };
  const answer = typeof response === "string" ? response.trim() : "";
  const enhanced = /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(answer)?.[1];
  tx.insert(bounceReports)
    .values({
      id: newId(),
      receivedAt: now,
      kind: "hard",
      envelopeTo: bounceAddress(outboxId).slice(0, 200),
      outboxId,
      status: enhanced ?? (typeof responseCode === "number" ? String(responseCode) : null),
      diagnostic: answer.slice(0, 500) || null,
      reason: `refused at send time${typeof command === "string" && command ? ` (${command.split(/\s/)[0]!.toUpperCase()})` : ""}`,
    })
    .run();
  return recordOfficialHardBounce(tx, toAddress, now);
}
