import "server-only";
import { desc, eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { getDb } from "@/db/client";
import { mailboxMessages } from "@/db/schema";
import { env } from "../env";
import { getClientAddress, wasForwarded } from "../security/client-address";

/** The built-in mailbox exists only when no SMTP server is configured: then it is where all mail goes. */
export function isMailboxEnabled(): boolean {
  return !env().SMTP_URL;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** Whether this request may read the mailbox. It holds every supporter's address and confirmation link and
 * every staff sign-in link, so only the machine itself may read it (a laptop demo), unless
 * MAILBOX_ALLOW_REMOTE says a trusted demo server may show it to anyone. */
export async function canOpenMailbox(): Promise<boolean> {
  if (!isMailboxEnabled()) return false;
  return mailboxVisibleTo({
    client: await getClientAddress(),
    forwarded: await wasForwarded(),
    trustProxy: env().TRUST_PROXY,
    allowRemote: env().MAILBOX_ALLOW_REMOTE,
  });
}

/** The rule itself: a request from this machine, and not one that a proxy on this machine passed on from
 * somewhere else (without TRUST_PROXY every proxied visitor would otherwise look like 127.0.0.1). */
export function mailboxVisibleTo(r: { client: string; forwarded: boolean; trustProxy: boolean; allowRemote: boolean }): boolean {
  if (r.allowRemote) return true;
  if (r.forwarded && !r.trustProxy) return false;
  return LOOPBACK.test(r.client);
}

export type MailboxListItem = { id: string; to: string; subject: string; createdAt: Date };

export function listMailboxMessages({ limit = 100 }: { limit?: number } = {}): MailboxListItem[] {
  return getDb()
    .select({ id: mailboxMessages.id, to: mailboxMessages.toAddress, subject: mailboxMessages.subject, createdAt: mailboxMessages.createdAt })
    .from(mailboxMessages)
    .orderBy(desc(mailboxMessages.createdAt))
    .limit(limit)
    .all();
}

export type MailboxMessage = {
  id: string;
  messageId: string;
  from: string;
  to: string;
  replyTo: string | null;
  subject: string;
  date: Date | null;
  text: string;
  headers: { name: string; value: string }[];
  raw: string;
};

/** One message, parsed from the raw RFC 822 text exactly as an SMTP server would have received it. */
export async function getMailboxMessage({ id }: { id: string }): Promise<MailboxMessage | null> {
  const row = getDb().select().from(mailboxMessages).where(eq(mailboxMessages.id, id)).get();
  if (!row) return null;
  const parsed = await simpleParser(row.raw);
  const shown = ["from", "to", "reply-to", "subject", "date", "message-id", "auto-submitted", "list-unsubscribe"];
  return {
    id: row.id,
    messageId: row.messageId,
    from: parsed.from?.text ?? "",
    to: row.toAddress,
    replyTo: parsed.replyTo?.text ?? null,
    subject: parsed.subject ?? row.subject,
    date: parsed.date ?? null,
    text: parsed.text ?? "",
    headers: parsed.headerLines.filter((h) => shown.includes(h.key)).map((h) => ({ name: h.key, value: h.line.slice(h.line.indexOf(":") + 1).trim() })),
    raw: row.raw,
  };
}
