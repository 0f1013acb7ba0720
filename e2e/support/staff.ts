// Staff accounts for the end-to-end tests, written straight into the server's database file (plain Node: the
// lib/auth commands are server-only). Each test invites its own unique address, so no two tests share mail.
import { eq } from "drizzle-orm";
import { expect, type Page } from "@playwright/test";
import "./data";
import { getDb } from "@/db/client";
import { users, type UserRole } from "@/db/schema";
import { waitForMail } from "./mail";

let counter = 0;
export function uniqueStaffEmail(label: string): string {
  return `${label}-${process.pid}-${Date.now()}-${counter++}@staff.example.org`;
}

export function inviteStaff(email: string, role: UserRole): string {
  const id = crypto.randomUUID();
  getDb().insert(users).values({ id, email, role, invitedAt: new Date() }).run();
  return id;
}

export function staffExists(email: string): boolean {
  return getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get() !== undefined;
}

export function signInLinkIn(text: string): string {
  const match = /https?:\/\/\S+\/admin\/sign-in\/continue\?\S+/.exec(text);
  if (!match) throw new Error(`no sign-in link in: ${text}`);
  return match[0];
}

/** Asks for a link on the sign-in page and lands on "check your email". */
export async function requestSignInLink(page: Page, email: string) {
  await page.goto("/admin/sign-in");
  await page.getByLabel("Your email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in\/check-email/);
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
}

/** Opens the emailed link and presses "Sign in", as a person does (opening the link alone signs in nobody). */
export async function followSignInLink(page: Page, link: string) {
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Signs in the way a person does: the form, then the link from the SMTP server. */
export async function signInByMail(page: Page, email: string) {
  await requestSignInLink(page, email);
  const mails = await waitForMail(email);
  const link = signInLinkIn(mails.at(-1)!.text);
  await followSignInLink(page, link);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  return link;
}
