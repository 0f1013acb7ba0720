import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appeals, cases, digests } from "@/db/schema";
import { getAppealPdfLetters } from "../letters/appeal-pdf-letters";
import { renderLettersPdf } from "../letters/pdf";
import { letterPdfOptions } from "../letters/pdf-options";
import type { FaxAttachment } from "../fax/render-fax-attachment";
import { digestAttachmentName } from "./render-digest";

export type DigestAttachment = { attachment: FaxAttachment; unrendered: string };

/**
 * The PDF of a digest in "pdf" format, rendered when it is sent by the one letter renderer (decision 006): each
 * letter exactly as the print run would print it. A letter the PDF cannot draw is not dropped: it follows the
 * body's text in full (`unrendered`), with why. Null for an "inline" digest or a row that is not a digest.
 */
export async function renderDigestAttachment({ outboxId }: { outboxId: string }): Promise<DigestAttachment | null> {
  const digest = getDb()
    .select({ format: digests.format, day: digests.day, reference: cases.reference })
    .from(digests)
    .innerJoin(cases, eq(cases.id, digests.caseId))
    .where(eq(digests.outboxId, outboxId))
    .get();
  if (!digest || digest.format !== "pdf") return null;
  const letters = getAppealPdfLetters({ where: eq(appeals.outboxId, outboxId), orderBy: [asc(appeals.createdAt), asc(appeals.id)] });
  const result = await renderLettersPdf(letters, letterPdfOptions());
  const left = letters.filter((l) => !result.rendered.includes(l.id));
  const unrendered = left
    .map((l) => {
      const reason = result.failures.find((f) => f.id === l.id)?.reason ?? "left out by the renderer";
      return `\n${"—".repeat(24)}\nA letter the PDF could not show (${reason}), in full:\nSubject: ${l.subject}\n\n${l.body.trimEnd()}\n`;
    })
    .join("");
  return {
    attachment: { filename: digestAttachmentName(digest.reference, digest.day), content: result.pdf, contentType: "application/pdf" },
    unrendered,
  };
}
