import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals } from "@/db/schema";
import { getAppealPdfLetters } from "../letters/appeal-pdf-letters";
import { renderLettersPdf, type PdfOptions } from "../letters/pdf";
import { letterPdfOptions } from "../letters/pdf-options";

export type FaxAttachment = { filename: string; content: Buffer; contentType: "application/pdf" };
export type FaxAttachmentResult = { ok: true; attachment: FaxAttachment } | { ok: false; reason: string };

/** The page set-up of a faxed letter: the print run's, so a fax and a posted letter look the same. */
export function faxPdfOptions(): PdfOptions {
  return letterPdfOptions();
}

/** "UA 27/20" and an appeal id → "letter-UA-27-20-1a2b3c4d.pdf": safe in a MIME header and on any disk. */
function attachmentName(reference: string, appealId: string): string {
  const ref = reference.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return `letter-${ref ? `${ref}-` : ""}${appealId.slice(0, 8)}.pdf`;
}

/**
 * The PDF a fax row sends: its appeal (appeals.outbox_id), rendered by the one letter renderer, exactly as the
 * print run would print it. A letter that cannot be rendered comes back as a reason, never as a blank page.
 */
export async function renderFaxAttachment({ outboxId }: { outboxId: string }): Promise<FaxAttachmentResult> {
  const [appeal] = getAppealPdfLetters({ where: eq(appeals.outboxId, outboxId) });
  if (!appeal) return { ok: false, reason: "PDF not rendered: no appeal is linked to this fax." };

  let result: Awaited<ReturnType<typeof renderLettersPdf>>;
  try {
    result = await renderLettersPdf([appeal], faxPdfOptions());
  } catch (error) {
    return { ok: false, reason: `PDF not rendered: ${(error as Error).name}: ${(error as Error).message}`.slice(0, 500) };
  }
  const failure = result.failures.find((f) => f.id === appeal.id);
  if (failure || !result.rendered.includes(appeal.id)) {
    return { ok: false, reason: `PDF not rendered: ${failure?.reason ?? "the renderer left the letter out"}`.slice(0, 500) };
  }
  return {
    ok: true,
    attachment: { filename: attachmentName(appeal.reference, appeal.id), content: result.pdf, contentType: "application/pdf" },
  };
}

/** Keeps why the letter could not be put on paper on the appeal too, where the print run page shows it. */
export function recordRenderError(tx: Db, { outboxId, reason }: { outboxId: string; reason: string }): void {
  tx.update(appeals).set({ renderError: reason }).where(eq(appeals.outboxId, outboxId)).run();
}
