// Who may sign in, and what mail a sign-in request queues, against a real SQLite file.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, outbox, users } from "@/db/schema";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { inviteUser } from "./commands/invite-user";
import { rateLimitPolicy } from "../security/rate-limits";
import { sendSignInLink } from "./send-sign-in-link";
import { authorizeSignIn, isSignInAllowed } from "./sign-in-policy";

const ADMIN = "boss@staff.example.org";
const APP_URL = "https://appeals.example.org";
let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase({ ADMIN_EMAILS: `${ADMIN.toUpperCase()}, second-admin@staff.example.org, fresh-admin@staff.example.org, off-admin@staff.example.org`, APP_URL });
});
afterAll(() => database.close());

let n = 0;
const unique = (label: string) => `${label}-${Date.now()}-${n++}@staff.example.org`;
const signInMail = (to: string) => getDb().select().from(outbox).where(and(eq(outbox.kind, "sign_in"), eq(outbox.toAddress, to))).all();
const linkFor = (email: string) =>
  `${APP_URL}/api/auth/callback/email?${new URLSearchParams({ callbackUrl: "/admin", token: crypto.randomUUID(), email })}`;

describe("isSignInAllowed / authorizeSignIn", () => {
  it("refuses an address with no account", () => {
    const stranger = unique("stranger");
    expect(isSignInAllowed({ email: stranger })).toBe(false);
    expect(authorizeSignIn({ email: stranger })).toBe(false);
    expect(getDb().select().from(users).where(eq(users.email, stranger)).get()).toBeUndefined();
  });

  it("allows an invited account, in any letter case, until it is disabled", () => {
    const email = unique("invited");
    const { userId } = inviteUser({ email, role: "campaigner" });
    expect(isSignInAllowed({ email: email.toUpperCase() })).toBe(true);
    expect(authorizeSignIn({ email })).toBe(true);
    getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.id, userId)).run();
    expect(isSignInAllowed({ email })).toBe(false);
    expect(authorizeSignIn({ email })).toBe(false);
  });

  it("allows ADMIN_EMAILS and makes the admin account when the link is followed, once", () => {
    expect(getDb().select().from(users).where(eq(users.email, ADMIN)).get()).toBeUndefined();
    expect(isSignInAllowed({ email: ADMIN })).toBe(true);
    // asking is read-only: nothing is made until the link is used
    expect(getDb().select().from(users).where(eq(users.email, ADMIN)).get()).toBeUndefined();
    expect(authorizeSignIn({ email: ADMIN })).toBe(true);
    expect(authorizeSignIn({ email: ADMIN })).toBe(true);
    const rows = getDb().select().from(users).where(eq(users.email, ADMIN)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.role).toBe("admin");
    expect(getDb().select().from(auditLog).where(eq(auditLog.subjectId, rows[0]!.id)).all().map((e) => e.action)).toEqual(["user.admin_from_config"]);
  });

  it("raises an ADMIN_EMAILS address invited as campaigner to admin, but never lets a disabled one in", () => {
    const { userId } = inviteUser({ email: "second-admin@staff.example.org", role: "campaigner" });
    expect(authorizeSignIn({ email: "second-admin@staff.example.org" })).toBe(true);
    expect(getDb().select().from(users).where(eq(users.id, userId)).get()?.role).toBe("admin");
    getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.id, userId)).run();
    expect(isSignInAllowed({ email: "second-admin@staff.example.org" })).toBe(false);
    expect(authorizeSignIn({ email: "second-admin@staff.example.org" })).toBe(false);
  });
});

describe("sendSignInLink (Auth.js sendVerificationRequest)", () => {
  it("queues no mail for an unknown address, and returns normally", async () => {
    const stranger = unique("unknown");
    await expect(sendSignInLink({ identifier: stranger, url: linkFor(stranger) })).resolves.toEqual({ queued: false });
    expect(signInMail(stranger)).toHaveLength(0);
  });

  it("queues exactly one sign_in message with the link for an invited address", async () => {
    const email = unique("campaigner");
    inviteUser({ email, role: "campaigner" });
    const url = linkFor(email);
    await expect(sendSignInLink({ identifier: email, url })).resolves.toEqual({ queued: true });
    const mail = signInMail(email);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ status: "queued", kind: "sign_in", toAddress: email });
    expect(mail[0]!.subject).toBe("Sign in to Vigil (appeals.example.org)");
    // the mail carries the continue page (a button scanners do not press), with the same token
    const mailed = `${APP_URL}/admin/sign-in/continue${new URL(url).search}`;
    expect(mail[0]!.textBody).toContain(mailed);
    expect(mail[0]!.textBody).not.toContain("/api/auth/callback/");
    expect(mail[0]!.htmlBody).toContain(mailed.replace(/&/g, "&amp;"));
  });

  it("queues for an ADMIN_EMAILS address before any account exists, without making one", async () => {
    const email = "fresh-admin@staff.example.org";
    await sendSignInLink({ identifier: email, url: linkFor(email) });
    expect(signInMail(email)).toHaveLength(1);
    expect(getDb().select().from(users).where(eq(users.email, email)).get()).toBeUndefined();
  });

  it("queues nothing for a disabled account, even one in ADMIN_EMAILS", async () => {
    const email = "off-admin@staff.example.org";
    const { userId } = inviteUser({ email, role: "admin" });
    getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.id, userId)).run();
    await expect(sendSignInLink({ identifier: email, url: linkFor(email) })).resolves.toEqual({ queued: false });
    expect(signInMail(email)).toHaveLength(0);
  });

  it("stops after the sign-in link limit per address per window, silently", async () => {
    const { count: perWindow } = rateLimitPolicy("signInLink");
    expect(perWindow).toBe(5);
    const email = unique("flooded");
    inviteUser({ email, role: "campaigner" });
    const results = [];
    for (let i = 0; i < perWindow + 2; i++) results.push(await sendSignInLink({ identifier: email, url: linkFor(email) }));
    expect(results.filter((r) => r.queued)).toHaveLength(perWindow);
    expect(signInMail(email)).toHaveLength(perWindow);
  });
});
