// The rate-limit policy against a real SQLite file: the numbers come from the environment, the wording from the
// window actually configured.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setEnv, useTestDatabase, type TestDatabase } from "@/tests/support/test-database";

type Lib = typeof import("./rate-limits") & { getDb: typeof import("@/db/client").getDb; rateLimits: typeof import("@/db/schema").rateLimits };

let database: TestDatabase;
let lib: Lib;

beforeAll(async () => {
  database = await useTestDatabase();
  const [limits, client, schema] = await Promise.all([import("./rate-limits"), import("@/db/client"), import("@/db/schema")]);
  lib = { ...limits, getDb: client.getDb, rateLimits: schema.rateLimits };
});
afterAll(() => database?.close());

let n = 0;
const subject = () => `subject-${Date.now()}-${n++}`;

describe("windowWording", () => {
  it("names the window in words a person reads", () => {
    expect(lib.windowWording(3600)).toBe("in the last hour");
    expect(lib.windowWording(7200)).toBe("in the last 2 hours");
    expect(lib.windowWording(600)).toBe("in the last 10 minutes");
    expect(lib.windowWording(60)).toBe("in the last minute");
    expect(lib.windowWording(5400)).toBe("in the last 90 minutes");
    expect(lib.windowWording(90)).toBe("in the last 90 seconds");
  });

  it("never asks anyone to wait 0 minutes", () => {
    expect(lib.retryWording(1)).toBe("1 minute");
    expect(lib.retryWording(60_001)).toBe("2 minutes");
  });
});

describe("rateLimitPolicy", () => {
  it("reads the documented variables, with their defaults", () => {
    expect(lib.rateLimitPolicy("signPerClient")).toEqual({ name: "signPerClient", count: 120, windowMs: 3_600_000, window: "in the last hour" });
    expect(lib.rateLimitPolicy("signPerEmailPerCase").count).toBe(5);
    expect(lib.rateLimitPolicy("signPerEmail").count).toBe(20);
    const restore = setEnv({ RATE_LIMIT_WINDOW_SECONDS: "600", RATE_LIMIT_PER_CLIENT: "7", RATE_LIMIT_PER_EMAIL: "2" });
    try {
      expect(lib.rateLimitPolicy("signPerClient")).toEqual({ name: "signPerClient", count: 7, windowMs: 600_000, window: "in the last 10 minutes" });
      expect(lib.rateLimitPolicy("signPerEmail").count).toBe(8);
      expect(lib.rateLimitPolicy("signInLink").window).toBe("in the last 10 minutes");
      // the test-letter limit has its own window, whatever the sign form's
      expect(lib.rateLimitPolicy("testLetter").window).toBe("in the last 10 minutes");
    } finally {
      restore();
    }
    expect(lib.rateLimitPolicy("testLetter").window).toBe("in the last 10 minutes");
  });
});

describe("consumeRateLimit", () => {
  it("allows the configured count, then refuses with the real window and wait in its words", () => {
    const restore = setEnv({ RATE_LIMIT_WINDOW_SECONDS: "600", RATE_LIMIT_PER_CLIENT: "2" });
    try {
      const who = subject();
      const start = new Date(Math.floor(Date.now() / 600_000) * 600_000);
      const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
      const consume = (now: Date, s = who) => lib.consumeRateLimit(lib.getDb(), { name: "signPerClient", subject: s, now });
      expect(consume(at(0))).toEqual({ allowed: true });
      expect(consume(at(1))).toEqual({ allowed: true });
      const refused = consume(at(2.5));
      expect(refused).toEqual({
        allowed: false,
        retryAfterMs: 7.5 * 60_000,
        retryAfterMinutes: 8,
        message: "Very many appeals have come from your network in the last 10 minutes. Please try again in 8 minutes.",
      });
      // another subject has its own count; the next window starts again
      expect(consume(at(3), subject())).toEqual({ allowed: true });
      expect(consume(at(10))).toEqual({ allowed: true });
      // and counts on in it (the new window's start was stored as it is compared: a prepared upsert, decision 028)
      expect(consume(at(11))).toEqual({ allowed: true });
      expect(consume(at(12)).allowed).toBe(false);
    } finally {
      restore();
    }
  });

  it("keeps separate counts per limit for the same subject, and stores only a hash of it", () => {
    const who = `person-${Date.now()}@example.org`;
    const now = new Date();
    for (let i = 0; i < 5; i++) expect(lib.consumeRateLimit(lib.getDb(), { name: "signInLink", subject: who, now }).allowed).toBe(true);
    expect(lib.consumeRateLimit(lib.getDb(), { name: "signInLink", subject: who, now }).allowed).toBe(false);
    expect(lib.consumeRateLimit(lib.getDb(), { name: "signPerEmail", subject: who, now }).allowed).toBe(true);
    const keys = lib.getDb().select({ key: lib.rateLimits.key }).from(lib.rateLimits).all();
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(keys.some((k) => k.key.includes(who))).toBe(false);
  });
});
