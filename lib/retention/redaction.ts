import "server-only";
import { sql } from "drizzle-orm";
import { outbox, type OutboxKind } from "@/db/schema";

/** Mail whose only purpose was a link a supporter or staff member had to open; its body is useless once the
 * link has expired, and its address is a person's, never an official's. */
export const SUPPORTER_LINK_KINDS = ["confirmation", "already_signed", "sign_in", "erasure_link"] as const satisfies readonly OutboxKind[];

/** The kinds addressed to an official (or a fax gateway): their address is what staff need to see where letters
 * went, and it is no one's personal data. Every other kind went to a supporter or a staff member. */
const OFFICIAL_KINDS = ["appeal", "fax", "digest"] as const satisfies readonly OutboxKind[];

/**
 * What an outbox row keeps once emptied: its kind, status, attempts, timestamps and Message-ID (what counts and
 * what staff need). Gone: the text, the html, the reply-to (a supporter's address when they let officials reply),
 * the sender's display name ("Amira Haddad via Vigil"), the headers, and the recipient and last error of mail
 * that went to a person rather than an official.
 */
export function redactedOutboxFields(now: Date) {
  const official = sql.join(OFFICIAL_KINDS.map((k) => sql`${k}`), sql`, `);
  return {
    textBody: "",
    htmlBody: null,
    replyTo: null,
    fromName: null,
    headers: null,
    toAddress: sql`case when ${outbox.kind} in (${official}) then ${outbox.toAddress} else '' end`,
    lastError: sql`case when ${outbox.kind} in (${official}) then ${outbox.lastError} else null end`,
    redactedAt: now,
  };
}
