// Supporters for tests of what a supporter sees after confirming: a pending signature whose confirmation token
// the test knows, so it confirms through the real confirmSignature (which writes the appeals with their channel,
// recipient, language and delivery address). No `server-only` imports: Playwright loads this file in plain Node.
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { selfReports, signatures } from "@/db/schema";

export type CreatedPendingSignature = { signatureId: string; email: string; token: string };

/** A signature on `caseId` waiting for confirmation, with its token (the link the confirmation mail carries). */
export function createPendingSignature({
  caseId,
  fullName = "Amira Haddad",
  country = "NO",
  message = null,
}: {
  caseId: string;
  fullName?: string;
  country?: string;
  message?: string | null;
}): CreatedPendingSignature {
  const signatureId = crypto.randomUUID();
  const email = `supporter-${signatureId.slice(0, 8)}@supporters.example.net`;
  const token = crypto.randomBytes(32).toString("base64url");
  const now = new Date();
  getDb()
    .insert(signatures)
    .values({
      id: signatureId,
      caseId,
      fullName,
      email,
      emailNormalized: email,
      country,
      message,
      // as lib/security/secret.ts hashToken stores it: sha256, base64url
      tokenHash: crypto.createHash("sha256").update(token).digest("base64url"),
      tokenExpiresAt: new Date(now.getTime() + 3_600_000),
      createdAt: now,
      updatedAt: now,
    })
    .run();
  return { signatureId, email, token };
}

/** The "I sent it / I posted it" rows of one supporter, as "channel:targetId", sorted. */
export function listSelfReportRows({ signatureId }: { signatureId: string }): string[] {
  return getDb()
    .select({ channel: selfReports.channel, targetId: selfReports.targetId })
    .from(selfReports)
    .where(eq(selfReports.signatureId, signatureId))
    .all()
    .map((r) => `${r.channel}:${r.targetId}`)
    .sort();
}

/** `count` confirmed signatures on `caseId` from `country`, confirmed a day ago (before any public count's step),
 * named `fullName`, asking to hear back when `followUpdates`. Their addresses, in order. */
export function createConfirmedSignatures({
  caseId,
  country,
  count,
  fullName = "Sam Taylor",
  followUpdates = false,
}: {
  caseId: string;
  country: string;
  count: number;
  fullName?: string;
  followUpdates?: boolean;
}): string[] {
  const at = new Date(Date.now() - 86_400_000);
  const emails: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    const email = `supporter-${id.slice(0, 8)}@supporters.example.net`;
    emails.push(email);
    getDb()
      .insert(signatures)
      .values({ id, caseId, fullName, email, emailNormalized: email, country, status: "confirmed", confirmedAt: at, tokenHash: id, tokenExpiresAt: at, createdAt: at, updatedAt: at, followUpdates })
      .run();
  }
  return emails;
}
