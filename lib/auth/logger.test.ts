// Auth.js's log as the app configures it, fed the errors Auth.js itself builds (from @auth/core/errors) around a
// real database error from the test database.
import { inspect } from "node:util";
import { AccessDenied, AdapterError } from "@auth/core/errors";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { authLogger } from "./logger";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.close());
afterEach(() => vi.restoreAllMocks());

function captureConsole() {
  const lines: string[] = [];
  for (const method of ["error", "warn", "log", "info"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 8 }))).join(" "));
    });
  }
  return lines;
}

const address = "zhang.wei@supporters.example.net";

/** What the adapter throws when a write fails, as drizzle's query error (its message holds the values). */
function adapterFailure(): DrizzleQueryError {
  getDb().insert(users).values({ email: address, name: "Zhang Wei 张伟" }).run();
  const again = getDb().insert(users).values({ email: address, name: "Zhang Wei 张伟" });
  try {
    again.run();
  } catch (error) {
    const query = again.toSQL();
    return new DrizzleQueryError(query.sql, query.params, error as Error);
  }
  throw new Error("the second insert should have failed");
}

describe("authLogger", () => {
  it("logs an adapter failure as its kind and SQLite code, never the address or name its cause carries", () => {
    // as @auth/core/lib/init.js wraps every adapter method's error (the constructor is internal, hence the cast)
    const error = new (AdapterError as unknown as new (cause: Error) => AdapterError)(adapterFailure());
    expect(inspect(error, { depth: 8 })).toContain(address);
    const lines = captureConsole();
    authLogger.error!(error);
    expect(lines).toEqual(["[auth] failed: AdapterError/SQLITE_CONSTRAINT_UNIQUE"]);
  });

  it("a refused address is one quiet line with no address; any other error its name only", () => {
    const lines = captureConsole();
    authLogger.error!(new AccessDenied(`${address} may not sign in`, { cause: { email: address } } as never));
    authLogger.error!(new Error(`could not reach ${address}`));
    expect(lines).toEqual(["[auth] AccessDenied", "[auth] failed: Error"]);
    expect(lines.join("\n")).not.toContain("zhang");
  });
});
