import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appeals, digests, outbox, signatures, targets, type DigestStatus, type OutboxStatus } from "@/db/schema";
import { countryName } from "../countries";
import { officialName } from "../targets/naming";
import { officialTimeZone } from "../targets/time-zone";
import { countWaitingForDigest } from "./prepare-digests";
import { renderDigestMessage } from "./render-digest";
import { nextDigestSend } from "./schedule";

/** prepared, or once queued what the outbox says: queued, sending, sent, failed, bounced; empty: nothing left in it */
export type DigestState = Exclude<DigestStatus, "queued"> | OutboxStatus;

export type DigestRow = {
  id: string;
  official: string;
  address: string;
  day: string;
  sendAt: Date;
  /** the official's zone, where the hour is read */
  timeZone: string;
  state: DigestState;
  format: "inline" | "pdf";
  letterCount: number;
  countries: { name: string; letters: number }[];
  lastError: string | null;
  sentAt: Date | null;
};

/** A case's digests, newest first, each with its letters' countries (staff pages are exact: decision 014 is about
 * public figures). */
export function listCaseDigests({ caseId }: { caseId: string }): DigestRow[] {
  const db = getDb();
  const rows = db
    .select({ digest: digests, title: targets.title, name: targets.name, country: targets.country, timeZone: targets.timeZone, outboxStatus: outbox.status, lastError: outbox.lastError, sentAt: outbox.sentAt })
    .from(digests)
    .innerJoin(targets, eq(targets.id, digests.targetId))
    .leftJoin(outbox, eq(outbox.id, digests.outboxId))
    .where(eq(digests.caseId, caseId))
    .orderBy(desc(digests.preparedAt), desc(digests.sequence))
    .all();
  const byCountry = db
    .select({ digestId: appeals.digestId, country: signatures.country, letters: sql<number>`count(*)` })
    .from(appeals)
    .innerJoin(signatures, eq(signatures.id, appeals.signatureId))
    .where(and(eq(appeals.caseId, caseId), eq(appeals.channel, "email"), sql`${appeals.digestId} is not null`))
    .groupBy(appeals.digestId, signatures.country)
    .all();
  return rows.map(({ digest, title, name, country, timeZone, outboxStatus, lastError, sentAt }) => ({
    id: digest.id,
    official: officialName({ title, name }),
    address: digest.address,
    day: digest.day,
    sendAt: digest.sendAt,
    timeZone: officialTimeZone({ country, timeZone }),
    state: digest.status === "queued" ? (outboxStatus ?? "queued") : digest.status,
    format: digest.format,
    letterCount: digest.letterCount,
    countries: byCountry
      .filter((c) => c.digestId === digest.id)
      .map((c) => ({ name: countryName(c.country), letters: c.letters }))
      .sort((a, b) => b.letters - a.letters || a.name.localeCompare(b.name)),
    lastError,
    sentAt,
  }));
}

export type WaitingForDigest = { targetId: string; official: string; address: string; letters: number; nextSend: Date | null; timeZone: string };

/** Letters of the case waiting for a digest, per official address, with when the next one goes. */
export function listWaitingForDigest({ caseId, now = new Date() }: { caseId: string; now?: Date }): WaitingForDigest[] {
  const db = getDb();
  const all = db.select().from(targets).where(eq(targets.caseId, caseId)).all();
  return countWaitingForDigest({ caseId, db }).map((w) => {
    const target = all.find((t) => t.id === w.targetId)!;
    const timeZone = officialTimeZone(target);
    return {
      ...w,
      official: officialName(target),
      timeZone,
      nextSend: target.deliveryMode === "digest" ? nextDigestSend(now, target.digestHour, timeZone) : null,
    };
  });
}

/** Officials of the case in digest mode (for the page's explanation). */
export function countDigestOfficials({ caseId }: { caseId: string }): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(targets).where(and(eq(targets.caseId, caseId), eq(targets.deliveryMode, "digest"), eq(targets.routing, "fixed"))).get()?.n ?? 0;
}

export type DigestPreview = { id: string; to: string; subject: string; text: string; attachmentName: string | null; letterCount: number };

/** The exact message a digest of this case sends (or sent): rendered by the function the outbox row is written
 * with. A PDF digest's attachment is named; its pages are the print run's (decision 006). */
export function getDigestPreview({ caseId, digestId }: { caseId: string; digestId: string }): DigestPreview | null {
  const db = getDb();
  const digest = db.select({ id: digests.id, outboxId: digests.outboxId }).from(digests).where(and(eq(digests.id, digestId), eq(digests.caseId, caseId))).get();
  if (!digest) return null;
  // once queued, the outbox row is what goes (or went): shown as it is, unless retention has emptied it
  const sent = digest.outboxId ? db.select().from(outbox).where(eq(outbox.id, digest.outboxId)).get() : undefined;
  const message = renderDigestMessage(db, digestId);
  if (!message) return null;
  return {
    id: digestId,
    to: sent?.toAddress || message.to,
    subject: sent?.subject ?? message.subject,
    text: sent && !sent.redactedAt ? sent.textBody : message.text,
    attachmentName: message.attachmentName,
    letterCount: message.letterCount,
  };
}
