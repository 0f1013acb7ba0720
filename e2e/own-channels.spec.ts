// After confirming, the thank-you page offers the supporter's own channels: their letter by their own email
// (a mailto: link that decodes to the letter with CRLF), printed for an envelope, and "I sent it", recorded once.
import { createTestCase, listSelfReportRows } from "./support/data";
import { expect, test } from "./support/fixtures";
import { confirmFromMail, fillSignForm } from "./support/journey";
import { uniqueEmail } from "./support/mail";
import type { Page } from "@playwright/test";

function caseWithPostAndCopy() {
  return createTestCase({
    targets: [{ title: "President" }, { title: "Prison Director", email: null }, { title: "Ambassador", role: "copy" }],
    personName: "Tashpolat Tiyip",
  });
}

async function signAndConfirm(page: Page, slug: string, label: string) {
  const email = uniqueEmail(label);
  await page.goto(`/cases/${slug}`);
  await fillSignForm(page, { fullName: "Ingrid Hansen", email, country: "NO", message: "Free him now.\nHis students wait." });
  await page.getByRole("button", { name: "Send my appeal" }).click();
  await expect(page).toHaveURL(/\/check-email/);
  const confirmLink = await confirmFromMail(page, email);
  const url = new URL(page.url());
  const signatureId = url.searchParams.get("s");
  expect(signatureId).toBeTruthy();
  expect(url.searchParams.get("k")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return { signatureId: signatureId!, thanksUrl: url.pathname + url.search, confirmLink };
}

for (const javaScriptEnabled of [true, false]) {
  test(`${javaScriptEnabled ? "with" : "without"} JavaScript: confirm, mail links with the letter, print it, "I sent it" recorded once`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const theCase = caseWithPostAndCopy();
    const [president, director, ambassador] = theCase.targets;
    const { signatureId, thanksUrl } = await signAndConfirm(page, theCase.slug, javaScriptEnabled ? "own-js" : "own-nojs");
    // the page's address holds the supporter's key: what it links to or loads is told the origin alone
    await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "strict-origin");

    // one email, to the president with the copy target in Cc; the director has no email
    const mailItem = page.locator(`[data-own-email="${president!.id}"]`);
    await expect(page.locator("[data-own-email]")).toHaveCount(1);
    const href = await mailItem.getByRole("link", { name: "Open in your email app" }).getAttribute("href");
    const mailto = new URL(href!);
    expect(mailto.protocol).toBe("mailto:");
    expect(decodeURIComponent(mailto.pathname)).toBe(president!.email);
    expect(mailto.searchParams.get("cc")).toBe(ambassador!.email);
    expect(mailto.searchParams.get("subject")).toBe(`Release Tashpolat Tiyip (${theCase.reference})`);
    const body = mailto.searchParams.get("body")!;
    expect(body).toContain("Dear Minister,\r\n\r\nI am writing to urge you to release Tashpolat Tiyip");
    expect(body).toContain("Free him now.\r\nHis students wait.");
    expect(body).toContain("Ingrid Hansen\r\nNorway");
    expect(body).not.toMatch(/[^\r]\n/);
    await expect(mailItem.getByRole("link", { name: "Gmail" })).toHaveAttribute("href", /^https:\/\/mail\.google\.com\/mail\/\?view=cm&fs=1&to=/);
    await expect(mailItem.getByRole("link", { name: "Outlook" })).toHaveAttribute("href", /^https:\/\/outlook\.office\.com\/mail\/deeplink\/compose\?to=/);

    // the printable letter, for this supporter only, never cached
    const pdfHref = await page.locator(`[data-own-post="${director!.id}"]`).getByRole("link", { name: "Print this letter (PDF)" }).getAttribute("href");
    const pdf = await page.request.get(pdfHref!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect(pdf.headers()["cache-control"]).toBe("no-store");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const forged = await page.request.get(pdfHref!.replace(/k=[^&]+/, `k=${"A".repeat(43)}`));
    expect(forged.status()).toBe(404);

    // "I sent it by email" pressed in two tabs opened before either was pressed: the second press records nothing new
    const second = await context.newPage();
    await second.goto(thanksUrl);
    await mailItem.getByRole("button", { name: "I sent it by email" }).click();
    await expect(page.locator(`[data-own-email="${president!.id}"]`)).toContainText("Recorded: you sent it by email");
    await second.locator(`[data-own-email="${president!.id}"]`).getByRole("button", { name: "I sent it by email" }).click();
    await expect(second.locator(`[data-own-email="${president!.id}"]`)).toContainText("Recorded: you sent it by email");
    await page.locator(`[data-own-post="${director!.id}"]`).getByRole("button", { name: "I posted it" }).click();
    await expect(page.locator(`[data-own-post="${director!.id}"]`)).toContainText("Recorded: you posted it");
    expect(listSelfReportRows({ signatureId })).toEqual([`email:${president!.id}`, `email:${ambassador!.id}`, `post:${director!.id}`].sort());
    // counted apart: the email reached the president and the copy in Cc, the post the director
    await expect(page.getByTestId("delivery-counts")).toContainText("3 sent by supporters themselves");
    await context.close();
  });
}

test("a wrong token shows the public thanks only, and is not cached", async ({ page }) => {
  const theCase = caseWithPostAndCopy();
  const { thanksUrl, confirmLink } = await signAndConfirm(page, theCase.slug, "own-forged");
  const forged = thanksUrl.replace(/k=[^&]+/, `k=${"B".repeat(43)}`);
  const response = await page.goto(forged);
  expect(response?.headers()["cache-control"]).toMatch(/no-store/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Thank you");
  await expect(page.getByRole("heading", { name: "Send it yourself too" })).toHaveCount(0);
  await expect(page.locator("main")).not.toContainText("Free him now.");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

  // the confirmation link, opened again, leads back to the supporter's own channels
  await page.goto(confirmLink);
  await page.getByRole("link", { name: "Send it yourself too, and see the count" }).click();
  await expect(page.getByRole("heading", { name: "Send it yourself too" })).toBeVisible();
  await expect(page.locator("[data-own-email]")).toHaveCount(1);
});

for (const javaScriptEnabled of [true, false]) {
  test(`${javaScriptEnabled ? "with" : "without"} JavaScript: a letter too long for a mail link is offered to copy, with the address`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    // one Chinese character is 9 characters of link: 250 of them are well past 2,000
    const body = `{{target.salutation}},\n\n${"请立即释放他。".repeat(36)}\n\n{{supporter.name}}`;
    const theCase = createTestCase({ targets: 1, personName: "Ilham Tohti", template: { body } });
    await signAndConfirm(page, theCase.slug, javaScriptEnabled ? "own-long-js" : "own-long-nojs");
    const item = page.locator(`[data-own-email="${theCase.targets[0]!.id}"]`);
    await expect(item).toContainText("This letter is too long for a mail link.");
    await expect(item.getByRole("link", { name: "Open in your email app" })).toHaveCount(0);
    await expect(item).toContainText(theCase.targets[0]!.email!);
    await expect(item.getByLabel("Your letter")).toHaveValue(/^Dear Minister,\n\n请立即释放他。/);
    await expect(item.getByRole("button", { name: "Copy the letter" })).toHaveCount(javaScriptEnabled ? 1 : 0);
    await context.close();
  });
}
