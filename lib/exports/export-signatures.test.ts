// The export against a real database: confirmed signatures only, email only where the supporter asked to hear
// back (and still does), and an audit record that holds ids and counts, never a supporter's data.
import crypto from "node:crypto";
import * as orm from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as schema from "@/db/schema";
import { createTestCase } from "@/tests/support/factories";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { exportSignatures } from "./export-signatures";

let database: TestDatabase;

beforeAll(async () => {
  database = await useTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

function seed(caseId: string, s: { fullName: string; email: string; status: "pending" | "confirmed"; followUpdates?: boolean; unsubscribed?: boolean; confirmedAt?: string }) {
  getDb()
    .insert(schema.signatures)
    .values({
      id: crypto.randomUUID(),
      caseId,
      fullName: s.fullName,
      email: s.email,
      emailNormalized: s.email,
      country: "LB",
      status: s.status,
      followUpdates: s.followUpdates ?? false,
      unsubscribedAt: s.unsubscribed ? new Date() : null,
      tokenHash: crypto.randomUUID(),
      tokenExpiresAt: new Date(),
      createdAt: new Date(),
      updatedAt: new Date(),
      confirmedAt: s.confirmedAt ? new Date(s.confirmedAt) : null,
    })
    .run();
}

describe("exportSignatures", () => {
  it("exports confirmed signatures, with email only for current followers, and audits ids only", () => {
    const theCase = createTestCase();
    seed(theCase.id, { fullName: "ليلى حداد", email: "follower@supporters.example.net", status: "confirmed", followUpdates: true, confirmedAt: "2025-03-01T10:00:00Z" });
    seed(theCase.id, { fullName: "=cmd|' /C calc'!A0", email: "quiet@supporters.example.net", status: "confirmed", confirmedAt: "2025-03-02T10:00:00Z" });
    seed(theCase.id, { fullName: "Left Later", email: "left@supporters.example.net", status: "confirmed", followUpdates: true, unsubscribed: true, confirmedAt: "2025-03-03T10:00:00Z" });
    seed(theCase.id, { fullName: "Not Yet", email: "pending@supporters.example.net", status: "pending", followUpdates: true });
    const actorId = crypto.randomUUID();
    getDb().insert(schema.users).values({ id: actorId, email: "admin@staff.example.org", role: "admin" }).run();

    const result = exportSignatures({ caseId: theCase.id, actorId })!;
    expect(result.caseSlug).toBe(theCase.slug);
    expect(result.rows).toBe(3);
    const lines = result.csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines).toEqual([
      '"Name","Country code","Country","Confirmed at (UTC)","Email (only if they asked for updates)"',
      '"ليلى حداد","LB","Lebanon","2025-03-01T10:00:00.000Z","follower@supporters.example.net"',
      `"'=cmd|' /C calc'!A0","LB","Lebanon","2025-03-02T10:00:00.000Z",""`,
      '"Left Later","LB","Lebanon","2025-03-03T10:00:00.000Z",""',
    ]);
    expect(result.csv).not.toContain("pending@");
    expect(result.csv).not.toContain("quiet@");
    expect(result.csv).not.toContain("left@");

    const entry = getDb().select().from(schema.auditLog).where(orm.eq(schema.auditLog.action, "signatures.export")).get()!;
    expect(entry).toMatchObject({ actorUserId: actorId, subjectType: "case", subjectId: theCase.id });
    expect(JSON.parse(entry.details!)).toEqual({ rows: 3, withEmail: 1 });
    expect(JSON.stringify(entry)).not.toMatch(/supporters\.example\.net|حداد|Left Later/);
  });

  it("returns null for an unknown case and records nothing", () => {
    const before = getDb().select().from(schema.auditLog).all().length;
    expect(exportSignatures({ caseId: crypto.randomUUID(), actorId: crypto.randomUUID() })).toBeNull();
    expect(getDb().select().from(schema.auditLog).all()).toHaveLength(before);
  });
});
