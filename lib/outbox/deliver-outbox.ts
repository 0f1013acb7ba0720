import "server-only";
import crypto from "node:crypto";
import { and, eq, inArray, lte, or, lt, sql } from "drizzle-orm";
import { getDb, groupedWrite, writeTransaction, type Db } from "@/db/client";
import { appeals, cases, mailboxMessages, outbox, outboxLanes, type OutboxKind } from "@/db/schema";
import { noticeFailedLetter } from "../bounces/failure-notice";
import { recordSendRefusal } from "../bounces/record-send-refusal";
import { isOpenForSignatures } from "../cases/queries";
import { renderDigestAttachment } from "../digests/render-digest-attachment";
import { env } from "../env";
import { sendFailedFaxByPost } from "../fax/fax-by-post";
import { recordRenderError, renderFaxAttachment, type FaxAttachment } from "../fax/render-fax-attachment";
import { getTransport } from "../mail/transport";
import { bounceAddress } from "../mail/verp";
import { newId } from "../security/secret";
import { PACED_KINDS, paceKey, passGate, readPaceRows, takePaceSlot, writeGates, type Priority } from "./pacing";

type Row = typeof outbox.$inferSelect;

export type DeliveryOutcome = "sent" | "retry" | "failed" | "lost-lease";

// Rows the worker may take: queued and due, or claimed by a worker whose lease ran out (it died mid-send).
const claimable = (now: Date) =>
  or(
    and(eq(outbox.status, "queued"), lte(outbox.nextAttemptAt, now)),
    and(eq(outbox.status, "sending"), lt(outbox.leaseUntil, now)),
  );

// A row in a lane (one fax number) waits while another row of its lane is being sent under a live lease, and
// until the lane's gap after its last send has passed. Rows without a lane are unaffected.
const laneFree = (now: Date) => sql`(${outbox.lane} is null or (
  not exists (select 1 from ${outbox} as busy where busy.lane = ${outbox.lane} and busy.id <> ${outbox.id}
    and busy.status = 'sending' and busy.lease_until >= ${now.getTime()})
  and coalesce((select ${outboxLanes.availableAt} from ${outboxLanes} where ${outboxLanes.key} = ${outbox.lane}), 0) <= ${now.getTime()}))`;

type Candidate = { id: string; kind: OutboxKind; toAddress: string; lane: string | null; paceKey: string | null };
const candidateColumns = sql`${outbox.id} as id, ${outbox.kind} as kind, ${outbox.toAddress} as toAddress, ${outbox.lane} as lane, ${outbox.paceKey} as paceKey`;

/** The due queued rows of one priority, oldest slot first: a range of outbox_claim_idx (status, priority,
 * next_attempt_at), so its cost follows the rows due, not the rows waiting. */
export const dueQuery = ({ priority, now, limit }: { priority: Priority; now: Date; limit: number }) =>
  sql`select ${candidateColumns} from ${outbox} where ${outbox.status} = 'queued' and ${outbox.priority} = ${priority}
    and ${outbox.nextAttemptAt} <= ${now.getTime()} and ${laneFree(now)} order by ${outbox.nextAttemptAt} limit ${limit}`;

/** Claims up to `limit` due rows for `owner` in one status-guarded update: the WHERE clause re-checks that each
 * row is still claimable, so two workers (or a restarted one) never hold the same row at once.
 * Order: rows whose worker died mid-send (they took their slot already), then supporters' and staff mail
 * (priority 0, its own range of outbox_claim_idx: a confirmation never waits behind, nor scans, the appeals queue),
 * then update notices (1), then letters to officials (2), each through its official's pacing gate
 * (lib/outbox/pacing.ts). A paced letter whose gate is
 * closed is moved to when it opens (or, never scheduled, given its official's next free slot): it is not sent
 * early whatever its row said. At most one row per lane (fax number) is claimed, and the lane is closed
 * (available_at = now + lease) in the same transaction, so no other worker or process can take a second row of
 * it until this one is sent. */
export function claimDue({ owner, limit, now = new Date() }: { owner: string; limit: number; now?: Date }): Row[] {
  return writeTransaction((tx) => {
    const picked: string[] = [];
    const lanesTaken = new Set<string>();
    const take = (rows: Candidate[]) => {
      for (const row of rows) {
        if (picked.length >= limit) return;
        if (row.lane && lanesTaken.has(row.lane)) continue;
        if (row.lane) lanesTaken.add(row.lane);
        picked.push(row.id);
      }
    };
    take(
      tx.all<Candidate>(
        sql`select ${candidateColumns} from ${outbox} where ${outbox.status} = 'sending' and ${outbox.leaseUntil} < ${now.getTime()} and ${laneFree(now)}
          order by ${outbox.leaseUntil} limit ${limit}`,
      ),
    );
    for (const priority of [0, 1] as const) {
      if (picked.length < limit) take(tx.all<Candidate>(dueQuery({ priority, now, limit: limit - picked.length })));
    }
    if (picked.length < limit) {
      // a few more candidates than places: some may find their official's gate closed
      const bulk = tx.all<Candidate>(dueQuery({ priority: 2, now, limit: (limit - picked.length) * 4 + 16 }));
      const paced = bulk.filter((row) => PACED_KINDS.has(row.kind));
      const gates = readPaceRows(tx, paced.map((row) => row.toAddress));
      const before = new Map(gates);
      const through: Candidate[] = [];
      for (const row of bulk) {
        if (picked.length + through.length >= limit) break;
        if (!PACED_KINDS.has(row.kind)) {
          through.push(row);
          continue;
        }
        const gate = passGate(gates, row.toAddress, now);
        if (gate.open) {
          through.push(row);
          continue;
        }
        // queued before pacing (or by hand): a real slot in its official's schedule; else only until the gate opens
        const dueAt = row.paceKey
          ? gate.until
          : takePaceSlot(tx, { address: row.toAddress, now: gate.until });
        tx.update(outbox)
          .set({ nextAttemptAt: dueAt, paceKey: paceKey(row.toAddress) })
          .where(and(eq(outbox.id, row.id), eq(outbox.status, "queued")))
          .run();
      }
      writeGates(tx, before, gates);
      take(through);
    }
    if (picked.length === 0) return [];
    const leaseUntil = new Date(now.getTime() + env().OUTBOX_LEASE_MS);
    const claimed = tx
      .update(outbox)
      .set({ status: "sending", leaseOwner: owner, leaseUntil, attempts: sql`${outbox.attempts} + 1` })
      .where(and(inArray(outbox.id, picked), claimable(now)))
      .returning()
      .all();
    for (const lane of new Set(claimed.flatMap((row) => (row.lane ? [row.lane] : [])))) {
      tx.insert(outboxLanes)
        .values({ key: lane, availableAt: leaseUntil })
        .onConflictDoUpdate({ target: outboxLanes.key, set: { availableAt: leaseUntil } })
        .run();
    }
    return claimed;
  });
}

/** After a send or a failure, the lane opens again once FAX_GAP_SECONDS have passed (a fax line takes minutes per
 * page, and the gateway may queue rather than refuse). Runs in the transaction that records the outcome. */
function reopenLane(tx: Db, lane: string | null, now: number): void {
  if (!lane) return;
  const availableAt = new Date(now + env().FAX_GAP_SECONDS * 1000);
  tx.insert(outboxLanes)
    .values({ key: lane, availableAt })
    .onConflictDoUpdate({ target: outboxLanes.key, set: { availableAt } })
    .run();
}

/** A 5xx answer to this message's recipient or content is the receiving server's final word. Everything else is
 * worth another try: 4xx, connection trouble, and 5xx answers about us rather than the message (a rejected
 * login, a sending quota, MAIL FROM refused) — those are fixed by fixing the configuration, and must not burn
 * the whole queue in the meantime. */
export function isPermanentFailure(error: unknown): boolean {
  const { responseCode, command } = (error ?? {}) as { responseCode?: unknown; command?: unknown };
  if (typeof responseCode !== "number" || responseCode < 500 || responseCode >= 600) return false;
  const cmd = typeof command === "string" ? command.toUpperCase() : "";
  return cmd.startsWith("RCPT") || cmd === "DATA";
}

export function retryDelayMs(attempts: number): number {
  const { OUTBOX_RETRY_BASE_MS: base, OUTBOX_RETRY_MAX_MS: max } = env();
  const exponential = Math.min(max, base * 2 ** Math.max(0, attempts - 1));
  // ±20% jitter so a recovering server is not hit by every queued message in the same second
  return Math.round(exponential * (0.8 + Math.random() * 0.4));
}

function describeError(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const parts = [e.code, e.responseCode, e.response ?? e.message].filter((p) => p !== undefined && p !== "");
  return parts.join(" ").slice(0, 500) || "unknown error";
}

function toMail(row: Row, attachments?: FaxAttachment[]) {
  const { MAIL_FROM, MAIL_FROM_NAME } = env();
  return {
    attachments,
    from: { name: row.fromName ?? MAIL_FROM_NAME, address: MAIL_FROM },
    to: row.toAddress,
    replyTo: row.replyTo ?? undefined,
    subject: row.subject,
    text: row.textBody,
    html: row.htmlBody ?? undefined,
    messageId: row.messageId,
    date: new Date(),
    headers: row.headers ? (JSON.parse(row.headers) as Record<string, string>) : undefined,
    // VERP: the envelope sender names this row, so the bounce listener knows which letter a bounce is about
    envelope: { from: bounceAddress(row.id), to: row.toAddress },
  };
}

/** Sends one claimed row and records the result with an update guarded by status and lease owner: a worker
 * that lost its lease cannot overwrite the row of the worker that took it over. */
export async function deliverRow(row: Row, owner: string, clock = new Date()): Promise<DeliveryOutcome> {
  const guard = and(eq(outbox.id, row.id), eq(outbox.status, "sending"), eq(outbox.leaseOwner, owner));
  if (row.kind === "appeal" || row.kind === "fax" || row.kind === "digest") {
    // a letter (or a digest of letters) queued before its case closed (or passed its deadline) is not sent late: failed, with the reason,
    // and never sent by post instead
    // a read: no write lock, so a sign POST on the server's main thread never waits on it (decision 026)
    const theCase = getDb().select({ state: cases.state, actBefore: cases.actBefore }).from(appeals).innerJoin(cases, eq(cases.id, appeals.caseId)).where(eq(appeals.outboxId, row.id)).get();
    if (theCase && !isOpenForSignatures(theCase, clock)) {
      const reason = theCase.state === "closed" ? "not sent: the case closed before delivery" : `not sent: the case's deadline (${theCase.actBefore}) passed before delivery`;
      const changed = writeTransaction((tx) => {
        const result = tx.update(outbox).set({ status: "failed", lastError: reason, leaseOwner: null, leaseUntil: null }).where(guard).run();
        if (result.changes === 1) reopenLane(tx, row.lane, clock.getTime());
        return result;
      });
      return changed.changes === 1 ? "failed" : "lost-lease";
    }
  }
  let attachments: FaxAttachment[] | undefined;
  if (row.kind === "fax") {
    // the fax is its PDF: one that cannot be rendered fails for good, with the reason, and is never faxed blank;
    // its letter goes to the print run, whose page shows the reason
    const rendered = await renderFaxAttachment({ outboxId: row.id });
    if (!rendered.ok) {
      const changed = writeTransaction((tx) => {
        const result = tx
          .update(outbox)
          .set({ status: "failed", lastError: rendered.reason, leaseOwner: null, leaseUntil: null })
          .where(guard)
          .run();
        if (result.changes === 1) {
          recordRenderError(tx, { outboxId: row.id, reason: rendered.reason });
          sendFailedFaxByPost(tx, { outboxId: row.id });
          reopenLane(tx, row.lane, Date.now());
        }
        return result;
      });
      return changed.changes === 1 ? "failed" : "lost-lease";
    }
    attachments = [rendered.attachment];
  }
  let textBody = row.textBody;
  if (row.kind === "digest") {
    // a PDF digest's letters are laid out now, by the print run's renderer; one it cannot draw follows in the text
    const pdf = await renderDigestAttachment({ outboxId: row.id });
    if (pdf) {
      attachments = [pdf.attachment];
      textBody += pdf.unrendered;
    }
  }
  let raw: string | undefined;
  try {
    ({ raw } = await getTransport().send(toMail({ ...row, textBody }, attachments)));
  } catch (error) {
    const permanent = isPermanentFailure(error) || row.attempts >= env().OUTBOX_MAX_ATTEMPTS;
    const now = Date.now();
    const changed = writeTransaction((tx) => {
      const result = tx
        .update(outbox)
        .set(
          permanent
            ? { status: "failed", lastError: describeError(error), leaseOwner: null, leaseUntil: null }
            : {
                status: "queued",
                lastError: describeError(error),
                nextAttemptAt: new Date(now + retryDelayMs(row.attempts)),
                leaseOwner: null,
                leaseUntil: null,
              },
        )
        .where(guard)
        .run();
      if (result.changes === 1) {
        if (permanent && row.kind === "fax") sendFailedFaxByPost(tx, { outboxId: row.id });
        // a 5xx at send time is a hard bounce of the official's address, as a DSN would be (lib/bounces)
        if ((row.kind === "appeal" || row.kind === "digest") && isPermanentFailure(error)) recordSendRefusal(tx, { outboxId: row.id, toAddress: row.toAddress, error, now: new Date(now) });
        // after any switch to fax or post above: a letter nothing carries on is the supporter's to send (decision 023)
        if (row.kind === "appeal" && permanent) noticeFailedLetter(tx, { outboxId: row.id, now: new Date(now) });
        reopenLane(tx, row.lane, now);
      }
      return result;
    });
    if (changed.changes === 0) return "lost-lease";
    return permanent ? "failed" : "retry";
  }
  // The receiving server has the message: recording that must not fail on a transient lock, or the row would be
  // sent again when its lease runs out. The messages that finish together share one commit (groupedWrite: one
  // fsync for several, each update in its own savepoint and still guarded by status and lease owner; decision 029).
  const changed = await withRetries(() => groupedWrite((tx) => {
    const result = tx
      .update(outbox)
      .set({
        status: "sent",
        sentAt: new Date(),
        lastError: null,
        leaseOwner: null,
        leaseUntil: null,
        // a sent confirmation or sign-in link lives in the recipient's inbox only, not in our database
        ...(SINGLE_USE_LINKS.has(row.kind) ? { textBody: "", htmlBody: null } : {}),
      })
      .where(guard)
      .run();
    if (result.changes === 1) reopenLane(tx, row.lane, Date.now());
    if (raw !== undefined && result.changes === 1) {
      tx.insert(mailboxMessages)
        .values({
          id: newId(),
          outboxId: row.id,
          messageId: row.messageId,
          toAddress: row.toAddress,
          subject: row.subject,
          raw,
          createdAt: new Date(),
        })
        .onConflictDoNothing()
        .run();
    }
    return result;
  }));
  return changed.changes === 1 ? "sent" : "lost-lease";
}

const SINGLE_USE_LINKS: ReadonlySet<string> = new Set(["confirmation", "sign_in"]);

async function withRetries<T>(fn: () => T | Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * i));
    }
  }
}

/** One pass: claim up to `limit` due rows and send them, `concurrency` at a time. The worker claims no more rows
 * than it sends at once, so every row is sent well within the lease it was claimed with (a batch claimed for
 * later would outlive its lease on a slow server and could be taken, and sent, by another worker too). */
export async function deliverDue({
  owner = `worker-${crypto.randomUUID()}`,
  concurrency = env().OUTBOX_CONCURRENCY,
  limit = 50,
  now,
}: { owner?: string; limit?: number; concurrency?: number; now?: Date } = {}): Promise<Record<DeliveryOutcome, number>> {
  const tally: Record<DeliveryOutcome, number> = { sent: 0, retry: 0, failed: 0, "lost-lease": 0 };
  const rows = claimDue({ owner, limit, now });
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, rows.length) }, async () => {
    while (next < rows.length) {
      const row = rows[next++]!;
      tally[await deliverRow(row, owner, now)]++;
    }
  });
  // every lane finishes its own send even if another throws, so no row is left half-recorded under this owner
  const results = await Promise.allSettled(lanes);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure) throw failure.reason;
  return tally;
}
