import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals, cases, digests, signatures, targets } from "@/db/schema";
import { digestEmail } from "@/emails/digest";
import { env } from "../env";

/** "UA 27/20", "2026-12-02" → "appeals-UA-27-20-2026-12-02.pdf": safe in a MIME header and on any disk. */
export function digestAttachmentName(reference: string, day: string): string {
  const ref = reference.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return `appeals-${ref ? `${ref}-` : ""}${day}.pdf`;
}

export type DigestMessage = {
  digest: typeof digests.$inferSelect;
  to: string;
  subject: string;
  text: string;
  /** the attached PDF's name, for a "pdf" digest */
  attachmentName: string | null;
  letterCount: number;
  countryCount: number;
};

/**
 * The exact message a digest sends: the staff preview and the outbox row both come from here, from the letters
 * attached to it that still go by email (one rerouted to post since is not in it). Letters in the order they
 * were confirmed.
 */
export function renderDigestMessage(db: Db, digestId: string): DigestMessage | null {
  const digest = db.select().from(digests).where(eq(digests.id, digestId)).get();
  if (!digest) return null;
  const head = db
    .select({ personName: cases.personName, reference: cases.reference, salutation: targets.salutation })
    .from(cases)
    .innerJoin(targets, eq(targets.id, digest.targetId))
    .where(eq(cases.id, digest.caseId))
    .get();
  if (!head) return null;
  const letters = db
    .select({ subject: appeals.subject, body: appeals.body, country: signatures.country })
    .from(appeals)
    .innerJoin(signatures, eq(signatures.id, appeals.signatureId))
    .where(and(eq(appeals.digestId, digest.id), eq(appeals.channel, "email")))
    .orderBy(asc(appeals.createdAt), asc(appeals.id))
    .all();
  const countryCount = new Set(letters.map((l) => l.country)).size;
  const attachmentName = digest.format === "pdf" ? digestAttachmentName(head.reference, digest.day) : null;
  const { subject, text } = digestEmail({
    personName: head.personName,
    reference: head.reference,
    salutation: head.salutation,
    day: digest.day,
    countryCount,
    format: digest.format,
    attachmentName: attachmentName ?? undefined,
    organisation: env().orgName,
    letters,
  });
  return { digest, to: digest.address, subject, text, attachmentName, letterCount: letters.length, countryCount };
}
