// disableUser against a real SQLite file: no session, no link, no new link.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, sessions, users, verificationTokens } from "@/db/schema";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { disableUser } from "./commands/disable-user";
import { inviteUser } from "./commands/invite-user";
import { sendSignInLink } from "./send-sign-in-link";
import { authorizeSignIn } from "./sign-in-policy";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.close());

describe("disableUser", () => {
  it("sets disabledAt, deletes sessions and unused links, audits without the address, and no link is sent after", async () => {
    const email = `off-${Date.now()}@staff.example.org`;
    const { userId } = inviteUser({ email, role: "campaigner" });
    getDb().insert(sessions).values({ sessionToken: crypto.randomUUID(), userId, expires: new Date(Date.now() + 3_600_000) }).run();
    getDb().insert(verificationTokens).values({ identifier: email, token: "unused", expires: new Date(Date.now() + 1_800_000) }).run();
    expect(disableUser({ email: email.toUpperCase(), actorId: null })).toEqual({ userId, sessionsEnded: 1, linksDeleted: 1 });
    expect(getDb().select().from(users).where(eq(users.id, userId)).get()!.disabledAt).not.toBeNull();
    expect(getDb().select().from(verificationTokens).where(eq(verificationTokens.identifier, email)).all()).toHaveLength(0);
    expect(authorizeSignIn({ email })).toBe(false);
    const url = `http://localhost/api/auth/callback/email?token=abc&email=${encodeURIComponent(email)}`;
    await expect(sendSignInLink({ identifier: email, url, clientAddress: "198.51.100.1" })).resolves.toEqual({ queued: false });
    const entry = getDb().select().from(auditLog).where(eq(auditLog.subjectId, userId)).all().find((e) => e.action === "user.disable");
    expect(entry!.details).not.toContain("@");
    expect(disableUser({ email: "nobody@staff.example.org", actorId: null })).toBeNull();
  });
});
