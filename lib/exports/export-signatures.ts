import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { cases, signatures } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { countryName } from "../countries";
import { signaturesCsv } from "./signatures-csv";

export type SignaturesExport = { caseSlug: string; csv: string; rows: number };

/**
 * A case's confirmed signatures as CSV, and the audit record that an admin took them, in one transaction: no
 * export without its record. Email addresses only of supporters who asked to hear back and still do. Null for
 * an unknown case. The caller must have checked that the actor is an admin.
 */
export function exportSignatures({ caseId, actorId, now = new Date() }: { caseId: string; actorId: string; now?: Date }): SignaturesExport | null {
  return writeTransaction((tx) => {
    const theCase = tx.select({ id: cases.id, slug: cases.slug }).from(cases).where(eq(cases.id, caseId)).get();
    if (!theCase) return null;
    const rows = tx
      .select({
        fullName: signatures.fullName,
        country: signatures.country,
        confirmedAt: signatures.confirmedAt,
        email: signatures.email,
        followUpdates: signatures.followUpdates,
        unsubscribedAt: signatures.unsubscribedAt,
      })
      .from(signatures)
      .where(and(eq(signatures.caseId, theCase.id), eq(signatures.status, "confirmed")))
      .orderBy(asc(signatures.confirmedAt), asc(signatures.id))
      .all();
    const exportRows = rows.map((r) => ({
      fullName: r.fullName,
      country: r.country,
      countryName: countryName(r.country),
      confirmedAt: r.confirmedAt ?? now,
      email: r.followUpdates && !r.unsubscribedAt ? r.email : null,
    }));
    const withEmail = exportRows.filter((r) => r.email !== null).length;
    recordAudit(
      tx,
      { actorUserId: actorId, action: "signatures.export", subjectType: "case", subjectId: theCase.id, details: { rows: exportRows.length, withEmail } },
      now,
    );
    return { caseSlug: theCase.slug, csv: signaturesCsv(exportRows), rows: exportRows.length };
  });
}
