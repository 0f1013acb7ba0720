// Staff sign-in end to end: real Chromium, the real server, the magic link read from a real SMTP server.
import type { Browser, Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { expect, test } from "./support/fixtures";
import { followSignInLink, inviteStaff, requestSignInLink, signInByMail, signInLinkIn, staffExists, uniqueStaffEmail } from "./support/staff";

const ADMIN = "admin-e2e@example.org"; // in ADMIN_EMAILS of the e2e server (playwright.config.ts)

test("an ADMIN_EMAILS address signs in with the emailed link and signs out", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/sign-in$/);

  const link = await signInByMail(page, ADMIN);
  expect(new URL(link).origin).toBe(baseURL);
  await expect(page.getByText("Admin", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "People" }).first()).toBeVisible();

  // the link works once (in the browser that asked: another would be refused before the token is looked at)
  const again = await page.context().newPage();
  await followSignInLink(again, link);
  await expect(again).toHaveURL(/\/admin\/sign-in\/error\?error=Verification/);
  await expect(again.getByRole("heading", { level: 1 })).toHaveText("This sign-in link no longer works");
  await again.close();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  await page.goto("/admin/people");
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
});

test("an address that may not sign in sees the same page and gets no mail", async ({ page, mail }) => {
  const stranger = uniqueStaffEmail("stranger");
  await requestSignInLink(page, stranger);
  await page.waitForTimeout(2_000);
  expect(await mail.to(stranger)).toHaveLength(0);
  expect(staffExists(stranger)).toBe(false);
});

test("a malformed address is refused next to the field, keeping what was typed", async ({ page }) => {
  await page.goto("/admin/sign-in");
  await page.getByLabel("Your email address").fill("Bob <bob@example.org>");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.locator("#sign-in-email-error")).toContainText("one email address only");
  await expect(page.getByLabel("Your email address")).toHaveValue("Bob <bob@example.org>");
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
});

test("an invited campaigner signs in and out without JavaScript", async ({ browser }) => {
  const campaigner = uniqueStaffEmail("no-js");
  inviteStaff(campaigner, "campaigner");
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInByMail(page, campaigner);
  await expect(page.getByText("Campaigner", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  await context.close();
});

/** The invite form's fields as the browser would post them without JavaScript (including Next's action ids). */
async function inviteFields(page: Page, email: string): Promise<Record<string, string>> {
  await page.goto("/admin/people");
  const fields = await page
    .locator("form", { has: page.getByRole("heading", { name: "Invite someone" }) })
    .evaluate((form) => [...new FormData(form as HTMLFormElement)].map(([k, v]) => [k, String(v)] as [string, string]));
  return { ...Object.fromEntries(fields), email, role: "admin" };
}

async function postAction(browserOrPage: Browser | Page, fields: Record<string, string>) {
  const request =
    "newContext" in browserOrPage ? (await browserOrPage.newContext()).request : browserOrPage.request;
  const res = await request.post("/admin/people", { multipart: fields, headers: { Origin: baseURL }, maxRedirects: 0 });
  return res.status();
}

test("people actions refuse a request without a session or from a campaigner", async ({ admin: { page }, browser, signIn }) => {

  // control: the same POST with the admin's session does invite, so the refusals below are real refusals
  const invited = uniqueStaffEmail("invited-by-post");
  expect(await postAction(page, await inviteFields(page, invited))).toBeLessThan(500);
  expect(staffExists(invited)).toBe(true);

  // no cookie at all
  const noSession = uniqueStaffEmail("no-session");
  await postAction(browser, await inviteFields(page, noSession));
  expect(staffExists(noSession)).toBe(false);

  // a campaigner's session: the page is a 404 and the action refuses
  const context = await browser.newContext();
  const campaignerPage = await context.newPage();
  const { email: campaigner } = await signIn({ page: campaignerPage, role: "campaigner", label: "campaigner" });
  await expect(campaignerPage.getByRole("link", { name: "People" })).toHaveCount(0);
  const res = await campaignerPage.goto("/admin/people");
  expect(res?.status()).toBe(404);
  const byCampaigner = uniqueStaffEmail("by-campaigner");
  await postAction(campaignerPage, await inviteFields(page, byCampaigner));
  expect(staffExists(byCampaigner)).toBe(false);

  // the admin can end the campaigner's sessions: their next request is signed out
  await page.goto("/admin/people");
  await page.getByRole("button", { name: `End all sessions of ${campaigner}` }).click();
  await expect(page.getByText("Ended 1 session.")).toBeVisible();
  await campaignerPage.goto("/admin");
  await expect(campaignerPage).toHaveURL(/\/admin\/sign-in$/);
  await context.close();
});

test("a mail scanner opening the sign-in link does not use it up", async ({ page, playwright, mail }) => {
  const campaigner = uniqueStaffEmail("scanned");
  inviteStaff(campaigner, "campaigner");
  await requestSignInLink(page, campaigner);
  const link = signInLinkIn((await mail.waitFor(campaigner)).at(-1)!.text);
  // a scanner: fetches the link (and anything it links to) with no cookies and presses nothing
  const scanner = await playwright.request.newContext();
  expect((await scanner.get(link)).status()).toBe(200);
  await scanner.dispose();
  await followSignInLink(page, link);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByText(`Signed in as ${campaigner}`)).toBeVisible();
});

test("a link opened in another browser signs nobody in; in the browser that asked it does (login CSRF)", async ({ page, browser, mail }) => {
  const campaigner = uniqueStaffEmail("bound");
  inviteStaff(campaigner, "campaigner");
  await requestSignInLink(page, campaigner);
  const link = signInLinkIn((await mail.waitFor(campaigner)).at(-1)!.text);

  // a fresh browser, as a victim's would be when an attacker sends them the attacker's own link
  const other = await browser.newContext();
  const victim = await other.newPage();
  await victim.goto(link);
  await expect(victim.getByText("Open this link in the browser where you asked for it.")).toBeVisible();
  await expect(victim.getByRole("button", { name: "Sign in", exact: true })).toHaveCount(0);
  await expect(victim.getByRole("link", { name: "Ask for a new link here" })).toHaveAttribute("href", "/admin/sign-in");
  // skipping the continue page: Auth.js's callback itself refuses, and spends nothing
  const callback = new URL(link);
  callback.pathname = "/api/auth/callback/email";
  await victim.goto(callback.toString());
  await expect(victim).toHaveURL(/\/admin\/sign-in\/error\?error=OtherBrowser/);
  await expect(victim.getByRole("heading", { level: 1 })).toHaveText("Open this link in the browser where you asked for it");
  await victim.goto("/admin");
  await expect(victim).toHaveURL(/\/admin\/sign-in$/);
  await other.close();

  // the browser that asked: it says who it signs in as, and the same link still works
  await page.goto(link);
  await expect(page.getByText(`Signing in as ${campaigner}`)).toBeVisible();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByText(`Signed in as ${campaigner}`)).toBeVisible();
});
