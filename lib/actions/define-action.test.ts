// The wrapper with the real require* guards and users table; only Auth.js's auth() is a stub returning the session
// a test sets (as in lib/auth/guards.test.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { inviteUser } from "@/lib/auth/commands/invite-user";
import { formError, type FormState } from "@/lib/forms/form-state";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";

const session = vi.hoisted(() => ({ current: null as { user: { id: string } } | null }));
vi.mock("@/lib/auth/config", () => ({ auth: () => Promise.resolve(session.current) }));

const { defineAction, formText } = await import("./define-action");
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

type State = FormState<"title">;

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
};

function saveTitle(guard: () => Promise<{ id: string }>) {
  const calls: { caseId: string; values: unknown; userId: string }[] = [];
  const action = defineAction<[caseId: string], { title: string }, State, { id: string }>({
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

  it("lets any other error of the guard through", async () => {
    const { action } = saveTitle(async () => {
      throw new Error("database is locked");
    });
    await expect(action("case-1", { values: {} }, form({}))).rejects.toThrow("database is locked");
  });

  it("a plain form action gets its bound arguments and the form, with no previous state", async () => {
    const seen: unknown[] = [];
    const action = defineAction<[a: string, b: string], { x: string }>({
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
