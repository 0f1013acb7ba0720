// The dashboard's numbers against rows the test wrote itself: each number must equal both the count we seeded
// and what a plain read of the table says.
import crypto from "node:crypto";
import * as orm from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as schema from "@/db/schema";
import { createTestCase } from "@/tests/support/factories";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import * as q from "./queries";

let database: TestDatabase;

beforeAll(async () => {
  database = await useTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

// A fixed "now" late in a UTC day, so "today" and the 30-day window have exact edges.
const NOW = new Date("2025-03-14T23:30:00Z");
const at = (iso: string) => new Date(iso);

type Seed = { status: "pending" | "confirmed"; country: string; confirmedAt?: string };

function seedSignatures(caseId: string, rows: Seed[]): string[] {
  const { signatures } = schema;
  return rows.map((r, i) => {
    const id = crypto.randomUUID();
    getDb()
      .insert(signatures)
      .values({
        id,
        caseId,
        fullName: `Supporter ${i}`,
        email: `s${i}-${id}@supporters.example.net`,
        emailNormalized: `s${i}-${id}@supporters.example.net`,
        country: r.country,
        status: r.status,
        tokenHash: crypto.randomUUID(),
        tokenExpiresAt: at("2025-04-01T00:00:00Z"),
        createdAt: at("2025-01-01T00:00:00Z"),
        updatedAt: at("2025-01-01T00:00:00Z"),
        confirmedAt: r.confirmedAt ? at(r.confirmedAt) : null,
      })
      .run();
    return id;
  });
}

function seedAppeal({ caseId, signatureId, targetId, channel, status, lastError, forDigest = false }: { caseId: string; signatureId: string; targetId: string; channel: "email" | "post" | "fax"; status?: "queued" | "sending" | "sent" | "failed"; lastError?: string; forDigest?: boolean }) {
  const { appeals, outbox } = schema;
  let outboxId: string | null = null;
  // a letter for a digest has no message of its own until its digest is queued (lib/digests)
  if (channel === "email" && !forDigest) {
    outboxId = crypto.randomUUID();
    getDb()
      .insert(outbox)
      .values({ id: outboxId, kind: "appeal", status: status ?? "queued", messageId: `<${outboxId}@test>`, toAddress: "official@example.org", subject: "s", textBody: "t", nextAttemptAt: NOW, createdAt: NOW, lastError: lastError ?? null })
      .run();
  }
  getDb().insert(appeals).values({ id: crypto.randomUUID(), signatureId, targetId, caseId, channel, subject: "s", body: "b", outboxId, createdAt: NOW }).run();
}

describe("dashboard queries", () => {
  it("counts confirmed, pending and today exactly, per case and in total", () => {
    const a = createTestCase();
    const b = createTestCase();
    const empty = createTestCase({ state: "draft" });
    seedSignatures(a.id, [
      { status: "confirmed", country: "GB", confirmedAt: "2025-03-14T00:00:00Z" }, // today, first instant
      { status: "confirmed", country: "GB", confirmedAt: "2025-03-14T23:29:59Z" }, // today
      { status: "confirmed", country: "FR", confirmedAt: "2025-03-13T23:59:59Z" }, // yesterday, last instant
      { status: "confirmed", country: "CN", confirmedAt: "2025-02-13T12:00:00Z" }, // outside the 30 days
      { status: "pending", country: "GB" },
      { status: "pending", country: "DE" },
    ]);
    seedSignatures(b.id, [{ status: "pending", country: "US" }]);

    const rows = q.listCaseStats({ now: NOW });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(a.id)).toMatchObject({ confirmed: 4, pending: 2, today: 2, goal: 1000 });
    expect(byId.get(b.id)).toMatchObject({ confirmed: 0, pending: 1, today: 0 });
    expect(byId.get(empty.id)).toMatchObject({ confirmed: 0, pending: 0, today: 0, state: "draft" });

    // and against the table itself, for every case in this database
    const { signatures, cases } = schema;
    const all = getDb().select().from(signatures).all();
    expect(rows).toHaveLength(getDb().select().from(cases).all().length);
    for (const row of rows) {
      const mine = all.filter((s) => s.caseId === row.id);
      expect(row.confirmed).toBe(mine.filter((s) => s.status === "confirmed").length);
      expect(row.pending).toBe(mine.filter((s) => s.status === "pending").length);
      expect(row.today).toBe(mine.filter((s) => s.status === "confirmed" && s.confirmedAt!.toISOString().slice(0, 10) === "2025-03-14").length);
    }
    const totals = q.getDashboardTotals({ now: NOW });
    expect(totals).toEqual({
      cases: rows.length,
      confirmed: all.filter((s) => s.status === "confirmed").length,
      pending: all.filter((s) => s.status === "pending").length,
      today: all.filter((s) => s.status === "confirmed" && s.confirmedAt!.getTime() >= Date.parse("2025-03-14T00:00:00Z")).length,
    });
  });

  it("gives 30 UTC days of confirmations, zero days included, and countries of confirmed signatures only", () => {
    const c = createTestCase();
    seedSignatures(c.id, [
      { status: "confirmed", country: "GB", confirmedAt: "2025-03-14T08:00:00Z" },
      { status: "confirmed", country: "GB", confirmedAt: "2025-03-14T09:00:00Z" },
      { status: "confirmed", country: "TR", confirmedAt: "2025-03-13T23:59:59.999Z" },
      { status: "confirmed", country: "TR", confirmedAt: "2025-02-13T00:00:00Z" }, // the first of the 30 days
      { status: "confirmed", country: "JP", confirmedAt: "2025-02-12T23:59:59Z" }, // the day before: outside
      { status: "pending", country: "BR" },
    ]);
    const perDay = q.getSignaturesPerDay({ caseId: c.id, now: NOW });
    expect(perDay).toHaveLength(30);
    expect(perDay[0]).toEqual({ day: "2025-02-13", count: 1 });
    expect(perDay.at(-1)).toEqual({ day: "2025-03-14", count: 2 });
    expect(perDay.at(-2)).toEqual({ day: "2025-03-13", count: 1 });
    expect(perDay.reduce((sum, d) => sum + d.count, 0)).toBe(4);
    expect(perDay.filter((d) => d.count === 0)).toHaveLength(27);

    expect(q.getCountsByCountryForCase({ caseId: c.id })).toEqual([
      { country: "GB", count: 2 },
      { country: "TR", count: 2 },
      { country: "JP", count: 1 },
    ]);
  });

  it("counts appeals by delivery state and groups failure reasons", () => {
    const c = createTestCase({ targets: 3 });
    const [s1, s2, s3, s4] = seedSignatures(c.id, [
      { status: "confirmed", country: "GB", confirmedAt: "2025-03-10T00:00:00Z" },
      { status: "confirmed", country: "GB", confirmedAt: "2025-03-10T00:00:00Z" },
      { status: "confirmed", country: "GB", confirmedAt: "2025-03-10T00:00:00Z" },
      { status: "confirmed", country: "GB", confirmedAt: "2025-03-10T00:00:00Z" },
    ]);
    const [t1, t2, t3] = c.targets.map((t) => t.id);
    const mailboxFull = "550 5.2.2 Mailbox full";
    const noUser = "550 5.1.1 No such user";
    seedAppeal({ caseId: c.id, signatureId: s1!, targetId: t1!, channel: "email", status: "sent" });
    seedAppeal({ caseId: c.id, signatureId: s2!, targetId: t1!, channel: "email", status: "sent" });
    seedAppeal({ caseId: c.id, signatureId: s3!, targetId: t1!, channel: "email", status: "failed", lastError: mailboxFull });
    seedAppeal({ caseId: c.id, signatureId: s4!, targetId: t1!, channel: "email", status: "failed", lastError: mailboxFull });
    seedAppeal({ caseId: c.id, signatureId: s1!, targetId: t2!, channel: "email", status: "failed", lastError: noUser });
    seedAppeal({ caseId: c.id, signatureId: s2!, targetId: t2!, channel: "email", status: "queued", lastError: "ECONNREFUSED" });
    seedAppeal({ caseId: c.id, signatureId: s3!, targetId: t2!, channel: "email", status: "queued" });
    seedAppeal({ caseId: c.id, signatureId: s4!, targetId: t2!, channel: "email", status: "sending" });
    seedAppeal({ caseId: c.id, signatureId: s1!, targetId: t3!, channel: "post" });
    seedAppeal({ caseId: c.id, signatureId: s2!, targetId: t3!, channel: "fax" });
    seedAppeal({ caseId: c.id, signatureId: s3!, targetId: t3!, channel: "post" });
    seedAppeal({ caseId: c.id, signatureId: s4!, targetId: t3!, channel: "email", forDigest: true });

    const stats = q.getAppealDeliveryStats({ caseId: c.id });
    expect(stats.byStatus).toEqual({ queued: 2, sending: 1, sent: 2, failed: 3, bounced: 0 });
    expect(stats.offline).toEqual({ post: 2, fax: 1 });
    expect(stats.forDigest).toBe(1);
    expect(stats.total).toBe(12);
    expect(stats.failures).toEqual([
      { reason: mailboxFull, count: 2 },
      { reason: noUser, count: 1 },
    ]);
    expect(stats.retrying).toEqual([{ reason: "ECONNREFUSED", count: 1 }]);

    // against the tables themselves
    const { appeals, outbox } = schema;
    const rows = getDb().select({ status: outbox.status }).from(appeals).leftJoin(outbox, orm.eq(outbox.id, appeals.outboxId)).where(orm.eq(appeals.caseId, c.id)).all();
    expect(stats.total).toBe(rows.length);
    for (const status of ["queued", "sending", "sent", "failed"] as const) expect(stats.byStatus[status]).toBe(rows.filter((r) => r.status === status).length);

    const dashboard = q.getCaseDashboard({ caseId: c.id, now: NOW })!;
    expect(dashboard).toMatchObject({ confirmed: 4, pending: 0, today: 0 });
    expect(dashboard.perDay.find((d) => d.day === "2025-03-10")?.count).toBe(4);
    expect(q.getCaseDashboard({ caseId: crypto.randomUUID() })).toBeNull();
  });
});
