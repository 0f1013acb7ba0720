// The start-up backfill of canonical addresses (issue 8 item 8) against a real SQLite file: rows written under
// the old normalisation (lower case only) get the canonical key, and two rows that turn out to be one mailbox
// are resolved as docs/decisions/013-canonical-email.md says, each in the audit log.
import * as orm from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as schema from "@/db/schema";
import { createTestCase } from "@/tests/support/factories";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { getSignatureCount } from "../cases/queries";
import { hashToken, randomToken } from "../security/secret";
import { getConfirmationByToken } from "./confirm-signature";
import { recomputeCanonicalEmails } from "./recompute-canonical-emails";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase({ APP_URL: "https://appeals.example.org" });
});
afterAll(() => database?.close());

const { appeals, auditLog, signatureOffers, signatures } = schema;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

/** A signature as the code before canonical addresses stored it: the key is the address in lower case. */
function oldRow({ caseId, email, confirmedMinutesAgo, createdMinutesAgo = 60, fullName = "Amira Haddad" }: { caseId: string; email: string; confirmedMinutesAgo?: number; createdMinutesAgo?: number; fullName?: string }) {
  const id = crypto.randomUUID();
  const token = randomToken();
  getDb()
    .insert(signatures)
    .values({
      id,
      caseId,
      fullName,
      email,
      emailNormalized: email.toLowerCase(),
      country: "GB",
      status: confirmedMinutesAgo === undefined ? "pending" : "confirmed",
      confirmedAt: confirmedMinutesAgo === undefined ? null : minutesAgo(confirmedMinutesAgo),
      tokenHash: hashToken(token),
      tokenExpiresAt: new Date(Date.now() + 3_600_000),
      createdAt: minutesAgo(createdMinutesAgo),
      updatedAt: minutesAgo(createdMinutesAgo),
    })
    .run();
  return { id, token };
}

const rowsOf = (caseId: string) => getDb().select().from(signatures).where(orm.eq(signatures.caseId, caseId)).orderBy(signatures.createdAt).all();
const mergeEntries = (caseId: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(orm.and(orm.eq(auditLog.action, "signature.merge"), orm.eq(auditLog.subjectId, caseId)))
    .all()
    .map((e) => JSON.parse(e.details ?? "{}") as Record<string, string>);

describe("recomputeCanonicalEmails", () => {
  it("re-keys, merges a second confirmed count of one mailbox, keeps pending duplicates' links, and is idempotent", () => {
    const u = crypto.randomUUID().slice(0, 8);
    // A: two confirmed spellings of one Gmail mailbox; the googlemail one confirmed first
    const a = createTestCase({ targets: 1 });
    const later = oldRow({ caseId: a.id, email: `F.oo${u}@gmail.com`, confirmedMinutesAgo: 10, createdMinutesAgo: 20 });
    const earlier = oldRow({ caseId: a.id, email: `foo${u}+x@googlemail.com`, confirmedMinutesAgo: 30, createdMinutesAgo: 40 });
    const bystander = oldRow({ caseId: a.id, email: `Sam.Taylor${u}+news@Example.org`, confirmedMinutesAgo: 5 });
    // the later one's letter stays on record after the merge
    getDb()
      .insert(appeals)
      .values({ id: crypto.randomUUID(), signatureId: later.id, targetId: a.targets[0]!.id, caseId: a.id, channel: "email", subject: "s", body: "b", createdAt: minutesAgo(10) })
      .run();
    expect(getSignatureCount({ caseId: a.id })).toBe(3);
    // B: two pending spellings: the earlier stays, the later waits as an offer under its own link
    const b = createTestCase({ targets: 1 });
    const firstPending = oldRow({ caseId: b.id, email: `a.b${u}@gmail.com`, createdMinutesAgo: 50 });
    const secondPending = oldRow({ caseId: b.id, email: `ab${u}+1@gmail.com`, createdMinutesAgo: 5, fullName: "A. B." });
    // C: a pending spelling of a mailbox that has confirmed: dropped
    const c = createTestCase({ targets: 1 });
    const confirmed = oldRow({ caseId: c.id, email: `cee${u}@outlook.com`, confirmedMinutesAgo: 15, createdMinutesAgo: 16 });
    oldRow({ caseId: c.id, email: `cee${u}+again@outlook.com`, createdMinutesAgo: 2 });

    const result = recomputeCanonicalEmails({ batchSize: 2 });
    expect(result).toMatchObject({ merged: 1, offered: 1, dropped: 1 });

    // A: the count is one per person now, and says why in the audit log
    const rowsA = rowsOf(a.id);
    expect(rowsA.find((r) => r.id === earlier.id)).toMatchObject({ status: "confirmed", emailNormalized: `foo${u}@gmail.com` });
    expect(rowsA.find((r) => r.id === later.id)).toMatchObject({ status: "merged", emailNormalized: `merged:${later.id}` });
    expect(rowsA.find((r) => r.id === bystander.id)?.emailNormalized).toBe(`sam.taylor${u}+news@example.org`);
    expect(getSignatureCount({ caseId: a.id })).toBe(2);
    expect(getDb().select().from(appeals).where(orm.eq(appeals.signatureId, later.id)).all()).toHaveLength(1);
    expect(mergeEntries(a.id)).toEqual([{ outcome: "merged", signatureId: later.id, keptSignatureId: earlier.id }]);
    expect(getConfirmationByToken({ token: later.token }).state).toBe("confirmed");

    // B: one signature, and both links still work (rows from before letters were stored at signing: each link opens
    // the page that shows the letter as it reads now, to confirm)
    const rowsB = rowsOf(b.id);
    expect(rowsB.map((r) => [r.id, r.emailNormalized])).toEqual([[firstPending.id, `ab${u}@gmail.com`]]);
    expect(getDb().select().from(signatureOffers).where(orm.eq(signatureOffers.signatureId, firstPending.id)).all()).toHaveLength(1);
    expect(getConfirmationByToken({ token: firstPending.token })).toMatchObject({ state: "changed", changed: { reason: "unrecorded" } });
    expect(getConfirmationByToken({ token: secondPending.token })).toMatchObject({ state: "changed", changed: { reason: "unrecorded" }, letter: { signedAs: "A. B." } });
    expect(mergeEntries(b.id).map((e) => e.outcome)).toEqual(["offer"]);

    // C: only the confirmed one
    expect(rowsOf(c.id).map((r) => [r.id, r.status, r.emailNormalized])).toEqual([[confirmed.id, "confirmed", `cee${u}@outlook.com`]]);
    expect(mergeEntries(c.id).map((e) => e.outcome)).toEqual(["dropped"]);

    // a second start finds nothing to do
    expect(recomputeCanonicalEmails({ batchSize: 2 })).toMatchObject({ rekeyed: 0, merged: 0, offered: 0, dropped: 0 });
  });
});
