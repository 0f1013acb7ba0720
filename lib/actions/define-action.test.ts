// The wrapper with the real require* guards and users table; only Auth.js's auth() is a stub returning the session
// a test sets (as in lib/auth/guards.test.ts).
import crypto from "node:crypto";
import { inspect } from "node:util";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { notFound, redirect } from "next/navigation";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { signatures } from "@/db/schema";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { inviteUser } from "@/lib/auth/commands/invite-user";
import { formError, type FormState } from "@/lib/forms/form-state";
import { createTestCase } from "@/tests/support/factories";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";

const session = vi.hoisted(() => ({ current: null as { user: { id: string } } | null }));
vi.mock("@/lib/auth/config", () => ({ auth: () => Promise.resolve(session.current) }));

const { ACTION_FAILED, defineAction, formText } = await import("./define-action");
const { requireAdmin, requireCampaigner } = await import("@/lib/auth/guards");

let database: TestDatabase;
let campaignerId: string;
beforeAll(async () => {
  database = await useTestDatabase();
  campaignerId = inviteUser({ email: "wrapper-campaigner@staff.example.org", role: "campaigner" }).userId;
});
afterAll(() => database.close());
beforeEach(() => {
  session.current = null;
});

/** Everything the process would print, as Node prints it (util.inspect shows an error's message, cause and params). */
function captureConsole() {
  const lines: string[] = [];
  for (const method of ["error", "warn", "log", "info"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 8 }))).join(" "));
    });
  }
  return lines;
}
afterEach(() => vi.restoreAllMocks());

type State = FormState<"title">;

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
};

function saveTitle(guard: () => Promise<{ id: string }>) {
  const calls: { caseId: string; values: unknown; userId: string }[] = [];
  const action = defineAction<[caseId: string], { title: string }, State, { id: string }>({
    name: "saveTitle",
    read: (formData) => ({ title: formText(formData, "title") }),
    guard,
    refused: ({ values, message }) => formError(values, message),
    async work({ args: [caseId], values, user }) {
      calls.push({ caseId, values, userId: user.id });
      return { values, done: `saved ${caseId}` };
    },
  });
  return { action, calls };
}

describe("defineAction", () => {
  it("reads the form, runs the guard, then the work with the bound arguments", async () => {
    session.current = { user: { id: campaignerId } };
    const { action, calls } = saveTitle(requireCampaigner);
    const state = await action("case-1", { values: {} }, form({ title: "Free her" }));
    expect(state).toEqual({ values: { title: "Free her" }, done: "saved case-1" });
    expect(calls).toEqual([{ caseId: "case-1", values: { title: "Free her" }, userId: campaignerId }]);
  });

  it("turns a refusal into words, keeps what was typed, and never runs the work", async () => {
    for (const [sessionUser, words] of [
      [null, "Your session has ended. Sign in again, then repeat what you were doing."],
      [() => campaignerId, "Your account is not allowed to do this."],
    ] as const) {
      session.current = sessionUser ? { user: { id: sessionUser() } } : null;
      const { action, calls } = saveTitle(requireAdmin);
      expect(await action("case-1", { values: {} }, form({ title: "typed" }))).toEqual({ values: { title: "typed" }, formError: words });
      expect(calls).toEqual([]);
    }
  });

  it("answers any other error of the guard with the generic words, and logs its name only", async () => {
    const lines = captureConsole();
    const { action, calls } = saveTitle(async () => {
      throw new Error("database is locked: session token abc123");
    });
    expect(await action("case-1", { values: {} }, form({ title: "typed" }))).toEqual({ values: { title: "typed" }, formError: ACTION_FAILED });
    expect(calls).toEqual([]);
    expect(lines).toEqual(["[action saveTitle] failed: Error"]);
  });

  it("a database error in the work: the log has its code, never the supporter's name the query carried", async () => {
    const lines = captureConsole();
    const { id: caseId } = createTestCase({});
    const name = "Zhang Wei 张伟";
    const emails: string[] = [];
    const insertSignature = (email: string) => {
      const id = crypto.randomUUID();
      const at = new Date();
      return getDb()
        .insert(signatures)
        .values({ id, caseId, fullName: name, email, emailNormalized: email, country: "CN", status: "pending", tokenHash: id, tokenExpiresAt: at, createdAt: at, updatedAt: at });
    };
    const thrown: unknown[] = [];
    const recordSupporter = (wrap: boolean) =>
      defineAction<[], { fullName: string }, FormState<"fullName">>({
        name: "recordSupporter",
        read: (formData) => ({ fullName: formText(formData, "fullName") }),
        async work() {
          const email = `zhang-${crypto.randomUUID().slice(0, 8)}@supporters.example.net`;
          emails.push(email);
          insertSignature(email).run();
          // the same address on the same case: the real unique index refuses it
          const again = insertSignature(email);
          try {
            again.run();
          } catch (error) {
            // better-sqlite3's own SqliteError, as the sync driver throws it today; and as drizzle's async drivers
            // (libsql, Postgres, which the schema is kept portable for) throw it: a DrizzleQueryError whose message
            // and `params` hold every value of the query
            const query = again.toSQL();
            thrown.push(wrap ? new DrizzleQueryError(query.sql, query.params, error as Error) : error);
            throw thrown.at(-1);
          }
          return { values: {} };
        },
      });

    for (const wrap of [false, true]) {
      const state = await recordSupporter(wrap)({ values: {} }, form({ fullName: name }));
      expect(state).toEqual({ values: { fullName: name }, formError: ACTION_FAILED });
    }

    // the drizzle error really carries the name, as Node would print it ...
    expect(inspect(thrown[1], { depth: 8 })).toContain(name);
    // ... and the log has one line each, with the code
    expect(lines).toEqual([
      "[action recordSupporter] failed: SqliteError/SQLITE_CONSTRAINT_UNIQUE",
      "[action recordSupporter] failed: DrizzleQueryError/SQLITE_CONSTRAINT_UNIQUE",
    ]);
    const log = lines.join("\n");
    for (const secret of ["Zhang", "张伟", ...emails]) expect(log).not.toContain(secret);
  });

  it("a plain form's failure is an error with only the generic words: no message, no cause for Next to log", async () => {
    const lines = captureConsole();
    const action = defineAction<[], Record<string, never>>({
      name: "plainFailure",
      form: "plain",
      read: () => ({}),
      async work() {
        throw Object.assign(new Error("params: Zhang Wei 张伟"), { code: "SQLITE_BUSY" });
      },
    });
    const error: unknown = await action(form({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(ACTION_FAILED);
    expect((error as Error).cause).toBeUndefined();
    expect(lines).toEqual(["[action plainFailure] failed: Error/SQLITE_BUSY"]);
  });

  it("lets Next's redirect and notFound through, unlogged", async () => {
    const lines = captureConsole();
    const goTo = defineAction<[], Record<string, never>>({
      name: "goTo",
      form: "plain",
      read: () => ({}),
      async work() {
        redirect("/cases/somewhere/check-email");
      },
    });
    const missing = defineAction<[], Record<string, never>, FormState<never>>({
      name: "missing",
      read: () => ({}),
      async work() {
        notFound();
      },
    });
    expect(isRedirectError(await goTo(form({})).catch((e: unknown) => e))).toBe(true);
    expect(isHTTPAccessFallbackError(await missing({ values: {} }, form({})).catch((e: unknown) => e))).toBe(true);
    expect(lines).toEqual([]);
  });

  it("a plain form action gets its bound arguments and the form, with no previous state", async () => {
    const seen: unknown[] = [];
    const action = defineAction<[a: string, b: string], { x: string }>({
      name: "plainForm",
      form: "plain",
      read: (formData) => ({ x: formText(formData, "x") }),
      async work({ args, values }) {
        seen.push({ args, values });
      },
    });
    await action("one", "two", form({ x: "y" }));
    expect(seen).toEqual([{ args: ["one", "two"], values: { x: "y" } }]);
  });
});
