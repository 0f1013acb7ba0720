// Issue 8, item 1, by hand as an attacker would try it: a campaigner points a published case's official at
// another address; nothing changes for supporters until an admin reads the change old → new and approves it.
import { eq } from "drizzle-orm";
import { createTestCase } from "./support/data";
import { expect, test } from "./support/fixtures";
import { getDb } from "@/db/client";
import { targets } from "@/db/schema";

const emailOf = (targetId: string) => getDb().select({ email: targets.email }).from(targets).where(eq(targets.id, targetId)).get()?.email;

test("a campaigner's new official email waits for approval; the admin approves it on the changes page", async ({ page, browser, signIn }) => {
  await signIn({ page, role: "campaigner", label: "redirector" });
  const theCase = createTestCase({ targets: 1, state: "published" });
  const official = theCase.targets[0]!;
  const oldEmail = official.email!;
  const newEmail = `moved-${process.pid}-${Date.now()}@officials.example.org`;
  const label = `${official.name}, ${official.title}`;

  await page.goto(`/admin/cases/${theCase.id}/targets`);
  await page.getByRole("link", { name: `Edit ${label}` }).click();
  await page.getByLabel("Email (optional)").fill(newEmail);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved as a change waiting for an admin’s approval. Supporters and officials see the current version until then.");
  // the live row is as it was, and the workspace shows the change with who proposed it, old → new
  expect(emailOf(official.id)).toBe(oldEmail);
  const pending = page.locator("#pending-changes");
  await expect(pending.getByRole("heading", { name: "1 change waiting for approval" })).toBeVisible();
  await expect(pending.getByRole("row", { name: /^Email/ })).toContainText(oldEmail);
  await expect(pending.getByRole("row", { name: /^Email/ })).toContainText(newEmail);
  await expect(page.getByRole("link", { name: "Changes (1 waiting)" })).toBeVisible();
  // a campaigner sees the changes page without the buttons
  await page.getByRole("link", { name: "Changes (1 waiting)" }).click();
  await expect(page.getByRole("button", { name: /Approve/ })).toHaveCount(0);

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn({ page: adminPage, role: "admin", label: "reviewer" });
  await adminPage.goto("/admin");
  await adminPage.getByRole("link", { name: new RegExp(`${theCase.personName} \\(${theCase.reference}\\): 1 change`) }).click();
  await expect(adminPage).toHaveURL(new RegExp(`/admin/cases/${theCase.id}/changes`));
  const change = adminPage.locator("#pending-changes li").first();
  await expect(change).toContainText(`Edit the official “${official.title}”`);
  await expect(change.getByRole("row", { name: /^Postal address/ })).toContainText("Office 1, Capital City");
  await change.getByRole("button", { name: /^Approve/ }).click();
  await expect(adminPage.getByRole("status")).toContainText("Approved.");
  expect(emailOf(official.id)).toBe(newEmail);

  await adminPage.goto(`/admin/cases/${theCase.id}/targets`);
  await expect(adminPage.locator(`#target-${official.id}`)).toContainText(newEmail);
  await expect(adminPage.locator("#pending-changes")).toHaveCount(0);
  await adminContext.close();
});
