// inviteUser, endSessionsForUser and listUsers against a real SQLite file.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, sessions, users, verificationTokens } from "@/db/schema";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { endSessionsForUser } from "./commands/end-sessions";
import { InvalidInviteError, inviteUser } from "./commands/invite-user";
import { listUsers } from "./commands/list-users";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.close());

let n = 0;
const unique = (label: string) => `${label}-${Date.now()}-${n++}@staff.example.org`;
const auditFor = (subjectId: string) => getDb().select().from(auditLog).where(eq(auditLog.subjectId, subjectId)).all();

function addSession(userId: string, expires = new Date(Date.now() + 3_600_000)) {
  const sessionToken = crypto.randomUUID();
  getDb().insert(sessions).values({ sessionToken, userId, expires }).run();
  return sessionToken;
}

describe("inviteUser", () => {
  it("creates a users row with the role, normalised address and an audit entry naming the actor", () => {
    const admin = inviteUser({ email: unique("admin"), role: "admin" });
    const address = unique("Campaigner").replace("@staff", "@Staff");
    const result = inviteUser({ email: `  ${address} `, role: "campaigner", actorId: admin.userId });
    expect(result).toMatchObject({ outcome: "created", role: "campaigner", email: address.toLowerCase() });
    const row = getDb().select().from(users).where(eq(users.id, result.userId)).get();
    expect(row).toMatchObject({ email: address.toLowerCase(), role: "campaigner", disabledAt: null });
    const [entry] = auditFor(result.userId);
    expect(entry).toMatchObject({ action: "user.invite", actorUserId: admin.userId, subjectType: "user" });
    expect(JSON.parse(entry!.details!)).toEqual({ role: "campaigner", via: "web" });
    // the log holds ids and roles, not the address
    expect(entry!.details).not.toContain("@");
  });

  it("changes the role of an existing account; inviting again unchanged writes nothing", () => {
    const email = unique("promote");
    const first = inviteUser({ email, role: "campaigner" });
    const second = inviteUser({ email, role: "admin" });
    expect(second).toMatchObject({ outcome: "updated", userId: first.userId, role: "admin" });
    expect(getDb().select().from(users).where(eq(users.id, first.userId)).get()).toMatchObject({ role: "admin", disabledAt: null });
    const third = inviteUser({ email, role: "admin" });
    expect(third.outcome).toBe("unchanged");
    expect(auditFor(first.userId)).toHaveLength(2);
    expect(getDb().select().from(users).where(eq(users.email, email)).all()).toHaveLength(1);
  });

  // deliberate change (issue 8 item 3): inviting used to enable a disabled account again, undoing a Disable
  it("refuses to invite a disabled account, with or without a new role, and leaves it disabled", () => {
    const email = unique("disabled");
    const first = inviteUser({ email, role: "campaigner" });
    const disabledAt = new Date(Date.now() - 60_000);
    getDb().update(users).set({ disabledAt }).where(eq(users.id, first.userId)).run();
    for (const role of ["campaigner", "admin"]) {
      let thrown: unknown;
      try {
        inviteUser({ email: email.toUpperCase(), role });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InvalidInviteError);
      expect((thrown as InvalidInviteError).fieldErrors).toEqual({ email: ["This account is disabled; enable it first."] });
    }
    expect(getDb().select().from(users).where(eq(users.id, first.userId)).get()).toMatchObject({ role: "campaigner", disabledAt });
    expect(auditFor(first.userId)).toHaveLength(1);
  });

  it.each([
    ["", "campaigner"],
    ["Bob <bob@example.org>", "campaigner"],
    ["a@example.org, b@example.org", "campaigner"],
    ["a@example.org\nBcc: c@example.org", "campaigner"],
    ["ok@example.org", "owner"],
  ])("refuses %j as %s and writes nothing", (email, role) => {
    const before = getDb().select().from(users).all().length;
    expect(() => inviteUser({ email, role })).toThrow(InvalidInviteError);
    expect(getDb().select().from(users).all()).toHaveLength(before);
  });
});

describe("endSessionsForUser", () => {
  it("deletes every session of that user only, and records who did it", () => {
    const admin = inviteUser({ email: unique("ender"), role: "admin" });
    const target = inviteUser({ email: unique("target"), role: "campaigner" });
    const other = inviteUser({ email: unique("other"), role: "campaigner" });
    addSession(target.userId);
    addSession(target.userId);
    const kept = addSession(other.userId);
    // an unused sign-in link of each: the target's would sign them straight back in
    const expires = new Date(Date.now() + 1_800_000);
    const targetEmail = getDb().select().from(users).where(eq(users.id, target.userId)).get()!.email!;
    const otherEmail = getDb().select().from(users).where(eq(users.id, other.userId)).get()!.email!;
    getDb().insert(verificationTokens).values([{ identifier: targetEmail, token: "t1", expires }, { identifier: otherEmail, token: "t2", expires }]).run();
    expect(endSessionsForUser({ userId: target.userId, actorId: admin.userId })).toEqual({ ended: 2, linksDeleted: 1 });
    expect(getDb().select().from(verificationTokens).where(eq(verificationTokens.identifier, targetEmail)).all()).toHaveLength(0);
    expect(getDb().select().from(verificationTokens).where(eq(verificationTokens.identifier, otherEmail)).all()).toHaveLength(1);
    expect(getDb().select().from(sessions).where(eq(sessions.userId, target.userId)).all()).toHaveLength(0);
    expect(getDb().select().from(sessions).where(eq(sessions.sessionToken, kept)).get()).toBeDefined();
    const entry = auditFor(target.userId).find((e) => e.action === "sessions.end");
    expect(entry).toMatchObject({ actorUserId: admin.userId });
    expect(JSON.parse(entry!.details!)).toEqual({ ended: 2, linksDeleted: 1 });
  });

  it("returns null for an unknown user", () => {
    expect(endSessionsForUser({ userId: "no-such-user", actorId: null })).toBeNull();
  });
});

describe("listUsers", () => {
  it("lists roles with active (unexpired) session counts", () => {
    const someone = inviteUser({ email: unique("listed"), role: "campaigner" });
    addSession(someone.userId);
    addSession(someone.userId, new Date(Date.now() - 1000));
    const found = listUsers().find((u) => u.id === someone.userId);
    expect(found).toMatchObject({ email: someone.email, role: "campaigner", activeSessions: 1, disabled: false, disabledAt: null, lastSignInAt: null });
    const disabledAt = new Date(Date.now() - 5_000);
    getDb().update(users).set({ disabledAt }).where(eq(users.id, someone.userId)).run();
    expect(listUsers().find((u) => u.id === someone.userId)).toMatchObject({ disabled: true, disabledAt });
    const roles = listUsers().map((u) => u.role);
    expect(roles.indexOf("campaigner")).toBeGreaterThan(roles.lastIndexOf("admin"));
  });
});
