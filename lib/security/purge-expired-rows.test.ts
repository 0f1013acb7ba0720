// purgeExpiredRows against a real SQLite file: expired rows go, live ones stay.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rateLimits, sessions, verificationTokens } from "@/db/schema";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { inviteUser } from "../auth/commands/invite-user";
import { purgeExpiredRows } from "./purge-expired-rows";
import { longestRateLimitWindowMs } from "./rate-limits";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.close());

describe("purgeExpiredRows", () => {
  it("deletes expired tokens, expired sessions and rate-limit rows past the longest window, and nothing live", () => {
    const now = new Date();
    const past = new Date(now.getTime() - 1000);
    const future = new Date(now.getTime() + 60_000);
    const { userId } = inviteUser({ email: `purge-${Date.now()}@staff.example.org`, role: "campaigner" });
    getDb().insert(verificationTokens).values([{ identifier: "a@x.example", token: "old", expires: past }, { identifier: "a@x.example", token: "live", expires: future }]).run();
    getDb().insert(sessions).values([{ sessionToken: "s-old", userId, expires: past }, { sessionToken: "s-live", userId, expires: future }]).run();
    const stale = new Date(now.getTime() - longestRateLimitWindowMs() - 1000);
    getDb().insert(rateLimits).values([{ key: "stale", windowStart: stale, count: 3 }, { key: "fresh", windowStart: now, count: 1 }]).run();
    expect(purgeExpiredRows({ now })).toEqual({ tokens: 1, sessions: 1, rateLimits: 1 });
    expect(getDb().select().from(verificationTokens).all().map((r) => r.token)).toEqual(["live"]);
    expect(getDb().select().from(sessions).where(eq(sessions.userId, userId)).all().map((r) => r.sessionToken)).toEqual(["s-live"]);
    const keys = getDb().select().from(rateLimits).all().map((r) => r.key);
    expect(keys).toContain("fresh");
    expect(keys).not.toContain("stale");
  });
});
