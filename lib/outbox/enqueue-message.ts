import "server-only";
import { sql } from "drizzle-orm";
import { preparedFor, type Db } from "@/db/client";
import { outbox, type OutboxKind } from "@/db/schema";
import { env } from "../env";
import { newId } from "../security/secret";
import { PACED_KINDS, priorityOf, takePaceSlot, paceKey, type PaceSettings } from "./pacing";

export type OutgoingMessage = {
  kind: OutboxKind;
  to: string;
  fromName?: string | null;
  replyTo?: string | null;
  subject: string;
  text: string;
  html?: string | null;
  headers?: Record<string, string>;
  /** Messages of one lane go one at a time with a gap between them (a fax number: "fax:+861065292345") */
  lane?: string | null;
  /** A Message-ID fixed by the caller ("<digest-…@domain>"): the unique index then refuses a second row for it */
  messageId?: string;
  /** A letter to an official: its official's rate and office hours (lib/outbox/pacing.ts); unset: the address's last */
  pace?: PaceSettings;
};

// every sign and confirm POST queues through this: prepared once per connection (db/client.ts preparedFor)
const insertMessage = preparedFor((db) =>
  db
    .insert(outbox)
    .values({
      id: sql.placeholder("id"),
      kind: sql.placeholder("kind"),
      status: "queued",
      messageId: sql.placeholder("messageId"),
      fromName: sql.placeholder("fromName"),
      toAddress: sql.placeholder("toAddress"),
      replyTo: sql.placeholder("replyTo"),
      subject: sql.placeholder("subject"),
      textBody: sql.placeholder("textBody"),
      htmlBody: sql.placeholder("htmlBody"),
      headers: sql.placeholder("headers"),
      lane: sql.placeholder("lane"),
      priority: sql.placeholder("priority"),
      paceKey: sql.placeholder("paceKey"),
      attempts: 0,
      nextAttemptAt: sql.placeholder("nextAttemptAt"),
      createdAt: sql.placeholder("createdAt"),
    })
    .prepare(),
);

/** Writes a message to the outbox inside the caller's transaction: it is sent only if that transaction commits,
 * and it is never lost once it has. The Message-ID is fixed here, so a resend after a crash is recognisable. */
export function enqueueMessage(tx: Db, message: OutgoingMessage, now = new Date()): string {
  const id = newId();
  // a letter to an official is given its official's next free slot, in this same transaction (lib/outbox/pacing.ts)
  const paced = PACED_KINDS.has(message.kind);
  const dueAt = paced ? takePaceSlot(tx, { address: message.to, settings: message.pace, now }) : now;
  insertMessage(tx).run({
    id,
    kind: message.kind,
    messageId: message.messageId ?? `<${id}@${env().mailDomain}>`,
    fromName: message.fromName ?? null,
    toAddress: message.to,
    replyTo: message.replyTo ?? null,
    subject: message.subject,
    textBody: message.text,
    htmlBody: message.html ?? null,
    headers: message.headers ? JSON.stringify(message.headers) : null,
    lane: message.lane ?? null,
    priority: priorityOf(message.kind),
    paceKey: paced ? paceKey(message.to) : null,
    nextAttemptAt: dueAt,
    createdAt: now,
  });
  return id;
}

const WAKE = Symbol.for("vigil.outbox.wake");
const store = globalThis as unknown as { [WAKE]?: () => void };

/** Tells the in-process worker there is mail, so it need not wait for its next poll. Call after commit. */
export function wakeOutbox(): void {
  store[WAKE]?.();
}

export function onOutboxWake(listener: (() => void) | undefined): void {
  store[WAKE] = listener;
}
