// disableUser and enableUser against a real SQLite file: no session, no link, no new link; and back again.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, sessions, users, verificationTokens } from "@/db/schema";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { disableUser, DisableUserError } from "./commands/disable-user";
import { enableUser } from "./commands/enable-user";
import { inviteUser } from "./commands/invite-user";
import { sendSignInLink } from "./send-sign-in-link";
import { authorizeSignIn, isSignInAllowed } from "./sign-in-policy";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.close());

let n = 0;
const unique = (label: string) => `${label}-${Date.now()}-${n++}@staff.example.org`;
const auditOf = (userId: string, action: string) => getDb().select().from(auditLog).where(eq(auditLog.subjectId, userId)).all().filter((e) => e.action === action);
const refusalOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DisableUserError) return error.code;
    throw error;
  }
  return "done";
};

describe("disableUser", () => {
  it("sets disabledAt, deletes sessions and unused links, audits without the address, and no link is sent after", async () => {
    const email = unique("off");
    const { userId } = inviteUser({ email, role: "campaigner" });
    getDb().insert(sessions).values({ sessionToken: crypto.randomUUID(), userId, expires: new Date(Date.now() + 3_600_000) }).run();
    getDb().insert(verificationTokens).values({ identifier: email, token: "unused", expires: new Date(Date.now() + 1_800_000) }).run();
    expect(disableUser({ email: email.toUpperCase(), actorId: null })).toEqual({ userId, sessionsEnded: 1, linksDeleted: 1 });
    expect(getDb().select().from(users).where(eq(users.id, userId)).get()!.disabledAt).not.toBeNull();
    expect(getDb().select().from(verificationTokens).where(eq(verificationTokens.identifier, email)).all()).toHaveLength(0);
    expect(authorizeSignIn({ email })).toBe(false);
    const url = `http://localhost/api/auth/callback/email?token=abc&email=${encodeURIComponent(email)}`;
    await expect(sendSignInLink({ identifier: email, url, clientAddress: "198.51.100.1", browser: "test-browser" })).resolves.toEqual({ queued: false });
    const entry = getDb().select().from(auditLog).where(eq(auditLog.subjectId, userId)).all().find((e) => e.action === "user.disable");
    expect(entry!.details).not.toContain("@");
    expect(disableUser({ email: "nobody@staff.example.org", actorId: null })).toBeNull();
  });

  it("disables by id, as the People page does, naming the admin who did it", () => {
    const admin = inviteUser({ email: unique("admin"), role: "admin" });
    const { userId } = inviteUser({ email: unique("by-id"), role: "campaigner" });
    expect(disableUser({ userId, actorId: admin.userId })).toMatchObject({ userId });
    expect(isSignInAllowed({ email: getDb().select().from(users).where(eq(users.id, userId)).get()!.email! })).toBe(false);
    expect(auditOf(userId, "user.disable")[0]).toMatchObject({ actorUserId: admin.userId });
    expect(disableUser({ userId: "no-such-user", actorId: admin.userId })).toBeNull();
  });

  it("refuses an admin disabling themselves, and the last active admin, changing nothing", () => {
    // every other admin of this file's database disabled first, so `last` really is the last one
    const last = inviteUser({ email: unique("last-admin"), role: "admin" });
    for (const other of getDb().select().from(users).where(eq(users.role, "admin")).all()) {
      if (other.id !== last.userId && other.disabledAt === null) disableUser({ userId: other.id, actorId: null });
    }
    const session = crypto.randomUUID();
    getDb().insert(sessions).values({ sessionToken: session, userId: last.userId, expires: new Date(Date.now() + 3_600_000) }).run();
    expect(refusalOf(() => disableUser({ userId: last.userId, actorId: last.userId }))).toBe("self");
    expect(refusalOf(() => disableUser({ userId: last.userId, actorId: null }))).toBe("last_admin");
    expect(refusalOf(() => disableUser({ email: last.email, actorId: null }))).toBe("last_admin");
    expect(getDb().select().from(users).where(eq(users.id, last.userId)).get()!.disabledAt).toBeNull();
    expect(getDb().select().from(sessions).where(eq(sessions.sessionToken, session)).get()).toBeDefined();
    expect(auditOf(last.userId, "user.disable")).toHaveLength(0);

    // with a second active admin, either may disable the other, but still not themselves
    const second = inviteUser({ email: unique("second-admin"), role: "admin" });
    expect(refusalOf(() => disableUser({ userId: second.userId, actorId: second.userId }))).toBe("self");
    expect(refusalOf(() => disableUser({ userId: last.userId, actorId: second.userId }))).toBe("done");
    // now `second` is the last one
    expect(refusalOf(() => disableUser({ userId: second.userId, actorId: null }))).toBe("last_admin");
    enableUser({ userId: last.userId, actorId: second.userId });
  });
});

describe("enableUser", () => {
  it("gives a disabled account its access back with its role, audited, and a link is sent again", async () => {
    const admin = inviteUser({ email: unique("enabler"), role: "admin" });
    const email = unique("back");
    const { userId } = inviteUser({ email, role: "campaigner" });
    disableUser({ userId, actorId: admin.userId });
    expect(enableUser({ userId, actorId: admin.userId })).toEqual({ userId, email, outcome: "enabled" });
    expect(getDb().select().from(users).where(eq(users.id, userId)).get()).toMatchObject({ role: "campaigner", disabledAt: null });
    expect(isSignInAllowed({ email })).toBe(true);
    const [entry, ...more] = auditOf(userId, "user.enable");
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ actorUserId: admin.userId });
    expect(JSON.parse(entry!.details!)).toMatchObject({ role: "campaigner", via: "web" });
    expect(entry!.details).not.toContain("@");
    const url = `http://localhost/api/auth/callback/email?token=abc&email=${encodeURIComponent(email)}`;
    await expect(sendSignInLink({ identifier: email, url, clientAddress: "198.51.100.2", browser: "test-browser" })).resolves.toEqual({ queued: true });
  });

  it("by address from the shell; an enabled account is unchanged and writes no audit row; unknown is null", () => {
    const email = unique("cli-back");
    const { userId } = inviteUser({ email, role: "campaigner" });
    disableUser({ email, actorId: null });
    expect(enableUser({ email: email.toUpperCase(), actorId: null })).toMatchObject({ userId, outcome: "enabled" });
    expect(JSON.parse(auditOf(userId, "user.enable")[0]!.details!)).toMatchObject({ via: "cli" });
    expect(enableUser({ email, actorId: null })).toMatchObject({ userId, outcome: "unchanged" });
    expect(auditOf(userId, "user.enable")).toHaveLength(1);
    expect(enableUser({ email: "nobody@staff.example.org", actorId: null })).toBeNull();
  });
});
