import "server-only";
import { desc, eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { getDb } from "@/db/client";
import { mailboxMessages } from "@/db/schema";

// Who may read it: access.ts
export { canOpenMailbox, isMailboxEnabled } from "./access";

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
