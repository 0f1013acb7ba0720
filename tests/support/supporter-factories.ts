// Confirmed supporters with their appeals, written as confirmation writes them (channel, recipient, language,
// delivery address fixed on each appeal), for tests of what a supporter sees after confirming. No `server-only`
// imports: Playwright loads this file in plain Node too.
import crypto from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db/client";
import { appeals, cases, selfReports, signatures, targets } from "@/db/schema";
import { channelFor } from "@/lib/targets/channel";

export type TestAppeal = { subject?: string; body?: string; language?: string; recipient?: string; deliveryAddress?: string | null };

export type CreatedTestSupporter = { signatureId: string; email: string; appealIds: Record<string, string> };

/** A confirmed signature on `caseId` with one appeal per target of the case; `appeals[targetId]` overrides one. */
export function createConfirmedSupporter({
  caseId,
  fullName = "Amira Haddad",
  country = "NO",
  status = "confirmed",
  appeals: overrides = {},
}: {
  caseId: string;
  fullName?: string;
  country?: string;
  status?: "pending" | "confirmed";
  appeals?: Record<string, TestAppeal>;
}): CreatedTestSupporter {
  const db = getDb();
  const theCase = db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!theCase) throw new Error(`no case ${caseId}`);
  const caseTargets = db.select().from(targets).where(eq(targets.caseId, caseId)).orderBy(asc(targets.position)).all();
  const signatureId = crypto.randomUUID();
  const email = `supporter-${signatureId.slice(0, 8)}@supporters.example.net`;
  const now = new Date();
  const appealIds: Record<string, string> = {};
  writeTransaction((tx) => {
    tx.insert(signatures)
      .values({
        id: signatureId,
        caseId,
        fullName,
        email,
        emailNormalized: email,
        country,
        status,
        tokenHash: crypto.randomBytes(32).toString("base64url"),
        tokenExpiresAt: new Date(now.getTime() + 3_600_000),
        letterDate: now.toISOString().slice(0, 10),
        confirmedAt: status === "confirmed" ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    if (status !== "confirmed") return;
    for (const target of caseTargets) {
      const o = overrides[target.id] ?? {};
      const channel = channelFor(target);
      const id = crypto.randomUUID();
      appealIds[target.id] = id;
      tx.insert(appeals)
        .values({
          id,
          signatureId,
          targetId: target.id,
          caseId,
          channel,
          language: o.language ?? target.language,
          subject: o.subject ?? `Release ${theCase.personName} (${theCase.reference})`,
          body: o.body ?? `${target.salutation},\n\nPlease release ${theCase.personName}.\n\nYours sincerely,\n${fullName}`,
          recipient: o.recipient ?? [target.name, target.title, target.office, target.postalAddress].filter(Boolean).join("\n"),
          deliveryAddress: o.deliveryAddress !== undefined ? o.deliveryAddress : channel === "email" ? target.email : channel === "fax" ? target.fax : null,
          createdAt: now,
        })
        .run();
    }
  });
  return { signatureId, email, appealIds };
}

/** The "I sent it / I posted it" rows of one supporter, as "channel:targetId". */
export function listSelfReportRows({ signatureId }: { signatureId: string }): string[] {
  return getDb()
    .select({ channel: selfReports.channel, targetId: selfReports.targetId })
    .from(selfReports)
    .where(eq(selfReports.signatureId, signatureId))
    .all()
    .map((r) => `${r.channel}:${r.targetId}`)
    .sort();
}
