// Who may sign in, and what mail a sign-in request queues, against a real SQLite file.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, outbox, users, verificationTokens } from "@/db/schema";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { inviteUser } from "./commands/invite-user";
import { rateLimitPolicy } from "../security/rate-limits";
import { hashVerificationToken, sendSignInLink } from "./send-sign-in-link";
import { isAskingBrowser, openedInAskingBrowser, signInBrowserBinding } from "./sign-in-browser";
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
const CLIENT = "198.51.100.7";
const BROWSER = "a-browser-cookie-value-made-by-askingBrowser";
const tokensFor = (identifier: string) => getDb().select().from(verificationTokens).where(eq(verificationTokens.identifier, identifier)).all();
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
    await expect(sendSignInLink({ identifier: stranger, url: linkFor(stranger), clientAddress: CLIENT, browser: BROWSER })).resolves.toEqual({ queued: false });
    expect(signInMail(stranger)).toHaveLength(0);
  });

  it("queues exactly one sign_in message with the link for an invited address", async () => {
    const email = unique("campaigner");
    inviteUser({ email, role: "campaigner" });
    const url = linkFor(email);
    await expect(sendSignInLink({ identifier: email, url, clientAddress: CLIENT, browser: BROWSER })).resolves.toEqual({ queued: true });
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

  it("binds the mailed link to the browser that asked: only that browser's cookie opens it", async () => {
    const email = unique("bound");
    inviteUser({ email, role: "campaigner" });
    const browser = "b".repeat(43);
    const url = linkFor(email);
    await sendSignInLink({ identifier: email, url, clientAddress: CLIENT, browser });
    const mailed = new URL(/https:\/\/\S+\/admin\/sign-in\/continue\?\S+/.exec(signInMail(email)[0]!.textBody)![0]);
    const token = new URL(url).searchParams.get("token")!;
    expect(mailed.searchParams.get("token")).toBe(token);
    expect(mailed.searchParams.get("browser")).toBe(signInBrowserBinding({ browser, token }));
    expect(openedInAskingBrowser({ cookie: browser, params: mailed.searchParams })).toBe(true);
    // another browser, no cookie at all, or the binding moved onto another token: refused
    expect(openedInAskingBrowser({ cookie: "c".repeat(43), params: mailed.searchParams })).toBe(false);
    expect(openedInAskingBrowser({ cookie: undefined, params: mailed.searchParams })).toBe(false);
    expect(isAskingBrowser({ browser, token: "another-token", binding: mailed.searchParams.get("browser") })).toBe(false);
    expect(isAskingBrowser({ browser, token, binding: null })).toBe(false);
  });

  it("queues for an ADMIN_EMAILS address before any account exists, without making one", async () => {
    const email = "fresh-admin@staff.example.org";
    await sendSignInLink({ identifier: email, url: linkFor(email), clientAddress: CLIENT, browser: BROWSER });
    expect(signInMail(email)).toHaveLength(1);
    expect(getDb().select().from(users).where(eq(users.email, email)).get()).toBeUndefined();
  });

  it("queues nothing for a disabled account, even one in ADMIN_EMAILS", async () => {
    const email = "off-admin@staff.example.org";
    const { userId } = inviteUser({ email, role: "admin" });
    getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.id, userId)).run();
    await expect(sendSignInLink({ identifier: email, url: linkFor(email), clientAddress: CLIENT, browser: BROWSER })).resolves.toEqual({ queued: false });
    expect(signInMail(email)).toHaveLength(0);
  });

  it("stops after the sign-in link limit per address and client per window, silently", async () => {
    const { count: perWindow } = rateLimitPolicy("signInLink");
    expect(perWindow).toBe(5);
    const email = unique("flooded");
    inviteUser({ email, role: "campaigner" });
    const results = [];
    for (let i = 0; i < perWindow + 2; i++) results.push(await sendSignInLink({ identifier: email, url: linkFor(email), clientAddress: CLIENT, browser: BROWSER }));
    expect(results.filter((r) => r.queued)).toHaveLength(perWindow);
    expect(signInMail(email)).toHaveLength(perWindow);
  });

  it("writes the verification token with the mail for an allowed address, and none for any other", async () => {
    const email = unique("token");
    inviteUser({ email, role: "campaigner" });
    const url = linkFor(email);
    await sendSignInLink({ identifier: email, url, clientAddress: CLIENT, browser: BROWSER });
    const [row, ...more] = tokensFor(email);
    expect(more).toHaveLength(0);
    // what Auth.js looks up when the link is followed
    expect(row!.token).toBe(hashVerificationToken(new URL(url).searchParams.get("token")!));
    const stranger = unique("no-token");
    await sendSignInLink({ identifier: stranger, url: linkFor(stranger), clientAddress: CLIENT, browser: BROWSER });
    expect(tokensFor(stranger)).toHaveLength(0);
    const off = unique("off-token");
    const { userId } = inviteUser({ email: off, role: "campaigner" });
    getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.id, userId)).run();
    await sendSignInLink({ identifier: off, url: linkFor(off), clientAddress: CLIENT, browser: BROWSER });
    expect(tokensFor(off)).toHaveLength(0);
  });

  it("a stranger asking for an admin's address from their network does not mute the admin's own links", async () => {
    const { count: perWindow } = rateLimitPolicy("signInLink");
    const email = unique("muted");
    inviteUser({ email, role: "admin" });
    for (let i = 0; i < perWindow + 3; i++) await sendSignInLink({ identifier: email, url: linkFor(email), clientAddress: "203.0.113.9", browser: BROWSER });
    const before = signInMail(email).length;
    await expect(sendSignInLink({ identifier: email, url: linkFor(email), clientAddress: "2001:db8:1:2::5", browser: BROWSER })).resolves.toEqual({ queued: true });
    expect(signInMail(email)).toHaveLength(before + 1);
    expect(tokensFor(email)).toHaveLength(before + 1);
  });

  it("limits one client across addresses, known and unknown alike", async () => {
    const { count: perWindow } = rateLimitPolicy("signInLinkPerClient");
    const client = "192.0.2.44";
    for (let i = 0; i < perWindow; i++) {
      const stranger = unique("cycle");
      await sendSignInLink({ identifier: stranger, url: linkFor(stranger), clientAddress: client, browser: BROWSER });
    }
    const email = unique("after-cycle");
    inviteUser({ email, role: "campaigner" });
    await expect(sendSignInLink({ identifier: email, url: linkFor(email), clientAddress: client, browser: BROWSER })).resolves.toEqual({ queued: false });
    expect(tokensFor(email)).toHaveLength(0);
    await expect(sendSignInLink({ identifier: email, url: linkFor(email), clientAddress: "192.0.2.45", browser: BROWSER })).resolves.toEqual({ queued: true });
  });
});
