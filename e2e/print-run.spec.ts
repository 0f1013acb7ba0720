// Post through the organisation, end to end: a supporter signs a case whose one official has no email, confirms;
// a campaigner creates a print run, downloads its PDF and address labels, marks it posted; the case page's
// "posted" count rises only then. The same journey with JavaScript off. Real Chromium, server and SMTP server.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { createTestCase } from "./support/data";
import { expect, test } from "./support/fixtures";
import { confirmFromMail, fillSignForm } from "./support/journey";
import { uniqueEmail } from "./support/mail";

type SignIn = Parameters<Parameters<typeof test>[2]>[0]["signIn"];

async function deliveryCountsOf(page: Page, slug: string): Promise<string> {
  const html = await (await page.request.get(`/cases/${slug}`)).text();
  // the counts block's text, without tags (the separators are spans)
  const block = /data-testid="delivery-counts"[\s\S]*?<\/div>/.exec(html)?.[0] ?? "";
  return block.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");
}

async function journey({ browser, signIn, javaScriptEnabled }: { browser: Browser; signIn: SignIn; javaScriptEnabled: boolean }) {
  const officialName = `President ${Date.now()}`;
  const theCase = createTestCase({ personName: "Tashpolat Tiyip", targets: [{ email: null, fax: null, name: "Xi Jinping", title: officialName }] });

  const supporterContext = await browser.newContext({ javaScriptEnabled });
  const page = await supporterContext.newPage();
  const supporter = { fullName: "Ingrid Ødegård", email: uniqueEmail("post"), country: "NO" };
  await page.goto(`/cases/${theCase.slug}`);
  await fillSignForm(page, supporter);
  await page.getByRole("button", { name: "Send my appeal" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${theCase.slug}/check-email`));
  await confirmFromMail(page, supporter.email);
  // the thank-you page counts the letter as waiting, not as posted
  await expect(page.getByTestId("delivery-counts")).toContainText("1 appeal confirmed");
  await expect(page.getByTestId("delivery-counts")).toContainText("0 posted · 1 waiting for post");

  const staffContext = await browser.newContext({ javaScriptEnabled, acceptDownloads: true });
  const staffPage = await staffContext.newPage();
  await signIn({ page: staffPage, role: "campaigner", label: "print" });
  await staffPage.goto(`/admin/cases/${theCase.id}`);
  await staffPage.getByRole("link", { name: "Print run", exact: true }).click();
  await expect(staffPage).toHaveURL(new RegExp(`/admin/cases/${theCase.id}/print$`));
  await expect(staffPage.getByTestId("waiting-summary")).toHaveText("1 letter waiting, the oldest for less than an hour.");
  await expect(staffPage.getByText(`1 letter, oldest less than an hour`)).toBeVisible();
  await expect(staffPage.getByText(officialName)).toBeVisible();

  await staffPage.getByRole("button", { name: "Create a print run" }).click();
  await expect(staffPage.getByText("Made a print run of 1 letter. Download its PDF below.")).toBeVisible();
  await expect(staffPage.getByTestId("waiting-summary")).toHaveText("No letters are waiting for post.");
  const run = staffPage.getByRole("listitem").filter({ has: staffPage.getByRole("heading", { name: "1 letter" }) });
  await expect(run).toContainText("Not posted yet");

  // the PDF, downloaded as a person does, holds the letter (read back with poppler)
  const download = staffPage.waitForEvent("download");
  await run.getByRole("link", { name: "Download PDF" }).click();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vigil-print-e2e-")), "run.pdf");
  await (await download).saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
  const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
  expect(text).toContain(officialName);
  expect(text).toContain("Ingrid Ødegård");
  expect(text).toContain("Tashpolat Tiyip");

  // a reprint is the same run, and the labels are there too; nobody signed out gets either
  const labels = await staffPage.request.get((await run.getByRole("link", { name: "Download address labels (CSV)" }).getAttribute("href"))!);
  expect(labels.status()).toBe(200);
  expect(labels.headers()["cache-control"]).toBe("no-store");
  expect(labels.headers()["content-disposition"]).toMatch(/^attachment; filename=".+-labels\.csv"$/);
  expect(await labels.text()).toContain(`"Xi Jinping, ${officialName}"`);
  const pdfHref = (await run.getByRole("link", { name: "Download PDF" }).getAttribute("href"))!;
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(pdfHref)).status()).toBe(404);
  await anonymous.close();

  // not posted yet: the case page (cached, at most 5 s old) counts the letter as waiting, never as posted
  await expect.poll(() => deliveryCountsOf(page, theCase.slug), { timeout: 8_000, message: "the case page's counts" }).toContain("1 appeal confirmed");
  expect(await deliveryCountsOf(page, theCase.slug)).toContain("0 posted · 1 waiting for post");

  await run.getByRole("button", { name: "Mark as posted" }).click();
  await expect(staffPage.getByText(/Posted on \d+ \w+ \d{4}/)).toBeVisible();
  await expect.poll(() => deliveryCountsOf(page, theCase.slug), { timeout: 8_000, message: "the case page's posted count" }).toContain("1 posted · 0 waiting for post");
  await page.goto(`/cases/${theCase.slug}`);
  await expect(page.getByTestId("delivery-counts")).toContainText("0 emailed · 0 faxed · 1 posted");
  await expect(page.getByTestId("delivery-counts")).toContainText("1 posted");

  // the API says the same
  const api = await (await page.request.get(`/api/v1/cases/${theCase.slug}`)).json();
  expect(api.deliveries).toEqual({ confirmed: 1, emailed: 0, faxed: 0, posted: 1, waitingForPost: 0, reportedBySupporters: 0 });

  await supporterContext.close();
  await staffContext.close();
}

test("post-only case: sign, confirm, print run, download, mark posted, the posted count rises", async ({ browser, signIn }) => {
  await journey({ browser, signIn, javaScriptEnabled: true });
});

test("the same journey with JavaScript off", async ({ browser, signIn }) => {
  await journey({ browser, signIn, javaScriptEnabled: false });
});
