import "server-only";
import { eq, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appeals, cases, signatures } from "@/db/schema";
import { envelopeLines } from "../targets/naming";
import type { PdfLetter } from "./pdf";
import { signatureName } from "./render";

export type AppealPdfLetter = PdfLetter & { reference: string };

/** Stored appeals as the letter renderer takes them: the one mapping the print run and the fax share, so a posted
 * and a faxed letter are the same letter. Dated the day the supporter confirmed, whenever it is printed. */
export function getAppealPdfLetters({ where, orderBy = [] }: { where: SQL | undefined; orderBy?: SQL[] }): AppealPdfLetter[] {
  return getDb()
    .select({
      id: appeals.id,
      recipient: appeals.recipient,
      language: appeals.language,
      subject: appeals.subject,
      body: appeals.body,
      createdAt: appeals.createdAt,
      reference: cases.reference,
      fullName: signatures.fullName,
      initialsOnly: signatures.initialsOnly,
      country: signatures.country,
      letterDate: signatures.letterDate,
    })
    .from(appeals)
    .innerJoin(signatures, eq(signatures.id, appeals.signatureId))
    .innerJoin(cases, eq(cases.id, appeals.caseId))
    .where(where)
    .orderBy(...orderBy)
    .all()
    .map((row) => ({
      id: row.id,
      reference: row.reference,
      recipientLines: envelopeLines(row.recipient),
      date: row.letterDate ? new Date(`${row.letterDate}T12:00:00Z`) : row.createdAt,
      language: row.language,
      onBehalfOf: signatureName(row),
      supporterCountry: row.country,
      subject: row.subject,
      body: row.body,
    }));
}
