// A supporter erases themselves, as a person does: sign and confirm, ask at /erase, open the mailed link,
// confirm; the case's count does not move, and the link works once.
import { createTestCase } from "./support/data";
import { expect, test } from "./support/fixtures";
import { confirmFromMail, fillSignForm } from "./support/journey";
import { uniqueEmail } from "./support/mail";

const eraseLinkIn = (text: string) => /https?:\/\/\S+\/erase\/[A-Za-z0-9_-]+/.exec(text)?.[0];

test("sign, confirm, ask for erasure at /erase, open the mailed link, confirm: the count stays, the link works once", async ({ page, mail }) => {
  const theCase = createTestCase({ targets: 1, personName: "Ilham Tohti" });
  const email = uniqueEmail("erase");
  const count = async () => (await (await page.request.get(`/api/v1/cases/${theCase.slug}`)).json()).signatureCount as number;
  // the case page is cached for a few seconds (docs/decisions/001): read it as a visitor would, reloading
  const pageCount = async () => {
    await page.goto(`/cases/${theCase.slug}`);
    return /\b([\d,]+) of 1,000\b/.exec(await page.locator("main").innerText())?.[1];
  };

  await page.goto(`/cases/${theCase.slug}`);
  await fillSignForm(page, { fullName: "Philippa Ravenscroft", email, country: "IE", message: "Free him." });
  await page.getByRole("button", { name: "Send my appeal" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${theCase.slug}/check-email`));
  await confirmFromMail(page, email);
  await expect.poll(count).toBe(1);
  await expect.poll(pageCount, { timeout: 15_000 }).toBe("1");

  // the confirmation mail already says where to go; the footer links there too
  const [confirmation] = await mail.to(email);
  expect(confirmation!.text).toMatch(/\/erase\b/);
  await page.goto(`/cases/${theCase.slug}`);
  await page.getByRole("contentinfo").getByRole("link", { name: "Erase my details" }).click();
  await expect(page).toHaveURL(/\/erase$/);
  await page.getByLabel("The email address you signed with").fill(email);
  await page.getByRole("button", { name: "Email me the link" }).click();
  await expect(page).toHaveURL(/\/erase\/check-email$/);
  const knownPage = await page.locator("main").innerText();

  // an address that never signed reads exactly the same
  await page.goto("/erase");
  await page.getByLabel("The email address you signed with").fill(uniqueEmail("never-signed"));
  await page.getByRole("button", { name: "Email me the link" }).click();
  await expect(page).toHaveURL(/\/erase\/check-email$/);
  expect(await page.locator("main").innerText()).toBe(knownPage);

  const mails = await mail.waitFor(email, { count: 2 });
  const link = eraseLinkIn(mails.find((m) => m.subject.startsWith("Erase your details"))!.text);
  expect(link).toBeDefined();

  await page.goto(link!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Erase your details from every appeal?");
  await expect(page.locator("main")).toContainText("1 confirmed appeal");
  await page.getByRole("button", { name: "Erase my details" }).click();
  await expect(page).toHaveURL(/\/erase\/done$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your details are erased");

  // counted still, in the API and on the case page
  expect(await count()).toBe(1);
  expect(await pageCount()).toBe("1");

  // the link works once
  await page.goto(link!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This erasure link has been used or has expired");
});

test("an admin erases a supporter by address at /admin/erase; a campaigner cannot open it", async ({ admin, signIn, browser, mail }) => {
  const theCase = createTestCase({ targets: 1 });
  const email = uniqueEmail("admin-erase");
  const { page } = admin;
  const count = async () => (await (await page.request.get(`/api/v1/cases/${theCase.slug}`)).json()).signatureCount as number;

  await page.goto(`/cases/${theCase.slug}`);
  await fillSignForm(page, { fullName: "Cornelius Ashdown", email, country: "FR" });
  await page.getByRole("button", { name: "Send my appeal" }).click();
  await confirmFromMail(page, email);
  await expect.poll(count).toBe(1);
  expect(await mail.to(email)).toHaveLength(1);

  await page.goto("/admin/people");
  await page.getByRole("link", { name: "erase a supporter by address" }).click();
  await expect(page).toHaveURL(/\/admin\/erase$/);
  await page.getByLabel("The supporter's email address").fill(email);
  await page.getByRole("button", { name: "Erase this supporter" }).click();
  await expect(page.locator("output")).toContainText("Erased: 1 confirmed appeal(s) kept as anonymous counts");
  expect(await count()).toBe(1);

  // the audit log names the act, never the address
  await page.goto("/admin/audit");
  await expect(page.locator("main")).toContainText("supporter.erase");
  await expect(page.locator("main")).not.toContainText(email);

  const other = await browser.newContext();
  const campaigner = await signIn({ page: await other.newPage(), role: "campaigner" });
  const response = await campaigner.page.goto("/admin/erase");
  expect(response?.status()).toBe(404);
  await other.close();
});
