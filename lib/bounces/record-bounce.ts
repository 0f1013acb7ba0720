import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { bounceReports, emailHealth, outbox } from "@/db/schema";
import { env } from "../env";
import { checkBounceAddress } from "../mail/verp";
import { wakeOutbox } from "../outbox/enqueue-message";
import { retryDelayMs } from "../outbox/deliver-outbox";
import { newId } from "../security/secret";
import { bump, emailHealthOf, recordOfficialHardBounce } from "./email-health";
import { noticeFailedLetter } from "./failure-notice";
import type { ParsedReport } from "./parse-report";

export type BounceOutcome = { kind: "hard" | "soft" | "complaint" | "ignored"; reason?: string; switched?: boolean };

/** A bounce address refused at RCPT (bad signature, not one of ours in form): nothing is applied, the attempt is
 * kept for staff. Only addresses in our bounce form at our domain, so random mail to the listener is not kept. */
export function keepRefusedAddress({ envelopeTo, reason, now = new Date() }: { envelopeTo: string; reason: string; now?: Date }): void {
  const lower = envelopeTo.toLowerCase();
  if (!lower.startsWith("bounce+") || !lower.endsWith(`@${env().bounceDomain}`)) return;
  writeTransaction((tx) =>
    tx.insert(bounceReports).values({ id: newId(), receivedAt: now, kind: "ignored", envelopeTo: envelopeTo.slice(0, 200), reason: `refused at RCPT: ${reason}` }).run(),
  );
}

/** Applies one received report to the row its bounce address names, and keeps it (applied or ignored) for staff.
 * Counts change only for what really happened: a hard bounce of a "sent" row makes it "bounced" (no longer
 * counted as sent, never counted twice); of a row not yet sent, "failed". A soft bounce requeues the row per the
 * retry policy; past OUTBOX_MAX_ATTEMPTS it is a hard one. A complaint changes no row. */
export function recordReport({ envelopeTo, report, now = new Date() }: { envelopeTo: string; report: ParsedReport; now?: Date }): BounceOutcome {
  const outcome = writeTransaction((tx): BounceOutcome & { outboxId?: string; status?: string; diagnostic?: string | null } => {
    const keep = (o: BounceOutcome & { outboxId?: string; status?: string; diagnostic?: string | null }) => {
      tx.insert(bounceReports)
        .values({
          id: newId(),
          receivedAt: now,
          kind: o.kind,
          envelopeTo: envelopeTo.slice(0, 200),
          outboxId: o.outboxId ?? null,
          status: o.status ?? null,
          diagnostic: o.diagnostic ?? null,
          reason: o.reason ?? null,
        })
        .run();
      return o;
    };
    const named = checkBounceAddress(envelopeTo);
    if (!named.ok) return keep({ kind: "ignored", reason: named.reason });
    const row = tx.select().from(outbox).where(eq(outbox.id, named.outboxId)).get();
    if (!row) return keep({ kind: "ignored", reason: "no such outbox row" });
    if (report.kind === "ignored") return keep({ kind: "ignored", reason: report.reason, outboxId: row.id });
    // a digest is one message to an official: it bounces (and counts) once, its letters with it
    const official = row.kind === "appeal" || row.kind === "digest";
    if (report.kind === "complaint") {
      if (official) bump(tx, row.toAddress, { status: "complained", complaints: sql`${emailHealth.complaints} + 1` } as never, now);
      return keep({ kind: "complaint", outboxId: row.id, status: report.feedbackType });
    }
    const { status, diagnostic } = report;
    const lastError = `bounced: ${status}${diagnostic ? ` ${diagnostic}` : ""}`.slice(0, 500);
    const hard = report.kind === "hard" || row.attempts >= env().OUTBOX_MAX_ATTEMPTS;
    if (row.status === "bounced" || row.status === "failed") {
      // a second report about a letter already given up on: kept, counted nowhere
      return keep({ kind: report.kind, outboxId: row.id, status, diagnostic, reason: `the letter had already ${row.status === "bounced" ? "bounced" : "failed"}` });
    }
    if (hard) {
      tx.update(outbox)
        .set({ status: row.status === "sent" ? "bounced" : "failed", lastError, leaseOwner: null, leaseUntil: null })
        .where(and(eq(outbox.id, row.id), eq(outbox.status, row.status)))
        .run();
      const switched = official ? recordOfficialHardBounce(tx, row.toAddress, now).switched : false;
      // after the switch above, which may carry this letter on by fax or post: else the supporter hears (023)
      if (row.kind === "appeal") noticeFailedLetter(tx, { outboxId: row.id, now });
      return { ...keep({ kind: "hard", outboxId: row.id, status, diagnostic }), switched };
    }
    if (row.status === "sent") {
      tx.update(outbox)
        .set({ status: "queued", lastError, nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)) })
        .where(and(eq(outbox.id, row.id), eq(outbox.status, "sent")))
        .run();
    }
    if (official) {
      const health = emailHealthOf(tx, row.toAddress);
      bump(tx, row.toAddress, { softBounces: sql`${emailHealth.softBounces} + 1`, ...(health && health.status !== "ok" ? {} : { status: "soft-bouncing" }) } as never, now);
    }
    return keep({ kind: "soft", outboxId: row.id, status, diagnostic });
  });
  if (outcome.kind === "soft" || outcome.switched) wakeOutbox();
  return { kind: outcome.kind, reason: outcome.reason, switched: outcome.switched };
}
