// The require* guards, with Auth.js's auth() replaced by a stub that returns whichever session a test sets.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { inviteUser } from "./commands/invite-user";
import { AccessError } from "./errors";
import { getCurrentUser, requireAdmin, requireCampaigner, requireUser } from "./guards";

const session = vi.hoisted(() => ({ current: null as { user: { id: string } } | null }));
vi.mock("./config", () => ({ auth: () => Promise.resolve(session.current) }));

let database: TestDatabase;
let admin: { id: string; email: string };
let campaigner: { id: string; email: string };
beforeAll(async () => {
  database = await useTestDatabase();
  const a = inviteUser({ email: "guard-admin@staff.example.org", role: "admin" });
  const c = inviteUser({ email: "guard-campaigner@staff.example.org", role: "campaigner" });
  admin = { id: a.userId, email: a.email };
  campaigner = { id: c.userId, email: c.email };
});
afterAll(() => database.close());
beforeEach(() => {
  session.current = null;
});

const as = (id: string) => (session.current = { user: { id } });
const code = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AccessError ? e.code : `other: ${String(e)}`));

describe("guards", () => {
  it("without a session: getCurrentUser is null and every require* throws unauthenticated", async () => {
    expect(await getCurrentUser()).toBeNull();
    expect(await code(requireUser())).toBe("unauthenticated");
    expect(await code(requireCampaigner())).toBe("unauthenticated");
    expect(await code(requireAdmin())).toBe("unauthenticated");
  });

  it("a campaigner passes requireCampaigner but not requireAdmin", async () => {
    as(campaigner.id);
    expect(await getCurrentUser()).toEqual({ id: campaigner.id, email: campaigner.email, role: "campaigner" });
    expect(await code(requireCampaigner())).toBe("ok");
    expect(await code(requireAdmin())).toBe("forbidden");
  });

  it("an admin passes every guard", async () => {
    as(admin.id);
    expect(await requireAdmin()).toMatchObject({ id: admin.id, role: "admin" });
    expect(await code(requireCampaigner())).toBe("ok");
  });

  it("reads the role from the database on each call, and a disabled account's session stops working", async () => {
    const { userId } = inviteUser({ email: "guard-changing@staff.example.org", role: "campaigner" });
    as(userId);
    expect(await code(requireAdmin())).toBe("forbidden");
    inviteUser({ email: "guard-changing@staff.example.org", role: "admin" });
    expect(await code(requireAdmin())).toBe("ok");
    getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.id, userId)).run();
    expect(await getCurrentUser()).toBeNull();
    expect(await code(requireUser())).toBe("unauthenticated");
  });

  it("a session pointing at a deleted account is no session", async () => {
    as("no-such-user");
    expect(await code(requireUser())).toBe("unauthenticated");
  });
});
