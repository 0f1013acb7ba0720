// Digest mode, end to end (issue 9): a campaigner sets a live case's official to "one digest a day" (a change an
// admin approves, as every change to a live case), three supporters sign and confirm, staff prepare the digest,
// read the exact message in the preview and send it; the official gets one email holding every letter, and the
// letters count as emailed only then. Real Chromium, the production server and a real SMTP server.
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { targets } from "@/db/schema";
import { createTestCase } from "./support/data";
import { expect, test } from "./support/fixtures";
import { confirmFromMail, fillSignForm } from "./support/journey";
import { mailTo, uniqueEmail, waitForMail } from "./support/mail";

test("a campaigner sets an official to a daily digest; staff preview and send it; the official gets one email with all letters", async ({ page, browser, signIn }) => {
  const officialEmail = `digest-${process.pid}-${Date.now()}@officials.example.org`;
  const theCase = createTestCase({ personName: "Gao Zhisheng", targets: [{ email: officialEmail, title: "Minister of Public Security", name: "Wang Xiaohong" }] });
  const official = theCase.targets[0]!;

  // the campaigner's choice, in the target editor; on a live case it waits for an admin
  await signIn({ page, role: "campaigner", label: "digester" });
  await page.goto(`/admin/cases/${theCase.id}/targets`);
  await page.getByRole("link", { name: `Edit Wang Xiaohong, Minister of Public Security` }).click();
  await page.getByLabel("One digest a day").check();
  await page.getByLabel("Digest hour").selectOption("18");
  await page.getByLabel("Digest format").selectOption("inline");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("waiting for an admin’s approval");
  await expect(page.locator("#pending-changes").getByRole("row", { name: /^Delivery/ })).toContainText("One digest a day");

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn({ page: adminPage, role: "admin", label: "digest-reviewer" });
  await adminPage.goto(`/admin/cases/${theCase.id}/changes`);
  await adminPage.locator("#pending-changes li").first().getByRole("button", { name: /^Approve/ }).click();
  await expect(adminPage.getByRole("status")).toContainText("Approved.");
  expect(getDb().select().from(targets).where(eq(targets.id, official.id)).get()).toMatchObject({ deliveryMode: "digest", digestHour: 18, digestFormat: "inline" });
  await adminPage.goto(`/admin/cases/${theCase.id}/targets`);
  await expect(adminPage.locator(`#target-${official.id}`)).toContainText("One digest a day at 18:00 (Asia/Shanghai), letters in full");

  // three supporters sign and confirm; nothing reaches the official yet
  const supporters = [
    { fullName: "Ingrid Solberg", email: uniqueEmail("digest"), country: "NO" },
    { fullName: "Liu Wei", email: uniqueEmail("digest"), country: "CA" },
    { fullName: "Amira Haddad", email: uniqueEmail("digest"), country: "LB" },
  ];
  const supporterContext = await browser.newContext();
  const supporterPage = await supporterContext.newPage();
  for (const supporter of supporters) {
    await supporterPage.goto(`/cases/${theCase.slug}`);
    await fillSignForm(supporterPage, supporter);
    await supporterPage.getByRole("button", { name: "Send my appeal" }).click();
    await expect(supporterPage).toHaveURL(new RegExp(`/cases/${theCase.slug}/check-email`));
    await confirmFromMail(supporterPage, supporter.email);
  }
  await supporterContext.close();
  expect(await mailTo(officialEmail)).toHaveLength(0);

  // staff: the Digests tab shows them waiting; prepare, preview, send
  await page.goto(`/admin/cases/${theCase.id}`);
  await page.getByRole("link", { name: "Digests", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/cases/${theCase.id}/digests$`));
  await expect(page.getByText("3 letters waiting")).toBeVisible();
  await page.getByRole("button", { name: "Prepare now" }).click();
  await expect(page.getByRole("status")).toContainText("Digest prepared.");
  const digest = page.locator("li", { hasText: "Prepared, not yet sent" });
  await expect(digest).toContainText("3 letters from 3 countries");
  await expect(digest).toContainText("Canada 1 · Lebanon 1 · Norway 1");
  const preview = page.locator("#preview");
  const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Asia/Shanghai" });
  const subject = await preview.locator("dd").nth(1).textContent();
  expect(subject).toMatch(/^3 appeals for Gao Zhisheng from 3 countries — \d{1,2} \w+ \d{4}$/);
  // the day it goes, in Beijing: today or, after 18:00 there, tomorrow
  const today = day.format(new Date());
  const tomorrow = day.format(new Date(Date.now() + 86_400_000));
  expect([today, tomorrow].some((d) => subject!.endsWith(d))).toBe(true);
  for (const s of supporters) await expect(preview).toContainText(s.fullName);
  expect(await mailTo(officialEmail)).toHaveLength(0);

  await digest.getByRole("button", { name: "Send now" }).click();
  await expect(page.getByRole("status")).toContainText("Digest sent to the outbox");
  const [mail] = await waitForMail(officialEmail);
  expect(mail!.subject).toBe(subject);
  for (const s of supporters) expect(mail!.text).toContain(s.fullName);
  expect(mail!.text.match(/^Letter \d of 3$/gm)).toHaveLength(3);
  expect(Object.keys(mail!.headers).map((h) => h.toLowerCase())).not.toContain("list-unsubscribe");
  // the page follows the outbox: sent, once
  const card = page.locator("li").filter({ hasText: "Wang Xiaohong, Minister of Public Security ·" });
  await expect
    .poll(async () => {
      await page.reload();
      return card.locator("span.rounded-full").textContent();
    }, { timeout: 10_000 })
    .toBe("Sent");
  expect(await mailTo(officialEmail)).toHaveLength(1);
  await adminContext.close();
});

test("without JavaScript: the digest choice saves through the same form, and the target list says it", async ({ browser, signIn }) => {
  const theCase = createTestCase({ state: "draft", targets: [{ title: "Procurator-General", name: "Ying Yong" }] });
  const official = theCase.targets[0]!;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn({ page, role: "campaigner", label: "digest-nojs" });
  await page.goto(`/admin/cases/${theCase.id}/targets?edit=${official.id}#target-form`);
  await page.getByLabel("One digest a day").check();
  await page.getByLabel("Digest hour").selectOption("7");
  await page.getByLabel("Digest format").selectOption("pdf");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await expect(page.locator(`#target-${official.id}`)).toContainText("One digest a day at 07:00 (Asia/Shanghai), letters in one PDF");
  expect(getDb().select().from(targets).where(eq(targets.id, official.id)).get()).toMatchObject({ deliveryMode: "digest", digestHour: 7, digestFormat: "pdf" });
  // the Digests tab is there, and says nothing waits
  await page.getByRole("link", { name: "Digests", exact: true }).click();
  await expect(page.getByText("No letters are waiting.")).toBeVisible();
  await context.close();
});
