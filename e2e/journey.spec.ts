// The supporter's journey end to end, as a person does it: find the case, fill the form, read the letters,
// send, confirm from the email, see the count, and the officials' mailboxes each get exactly one letter.
import { createTestCase } from "./support/data";
import { expect, test } from "./support/fixtures";
import { confirmFromMail, fillSignForm } from "./support/journey";
import { uniqueEmail } from "./support/mail";

test("with JavaScript: sign, preview live, confirm, count, one letter per official", async ({ page, mail }) => {
  const theCase = createTestCase({ targets: 2, personName: "Gao Zhisheng" });
  const email = uniqueEmail("js");
  const name = "Ayşe O'Brien 李明";

  await page.goto("/");
  await page.locator(`a[href="/en/cases/${theCase.slug}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/cases/${theCase.slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await fillSignForm(page, { fullName: name, email, country: "TR", message: "Please let his family see him." });
  // the live preview shows each official's letter with the supporter's name, as typed
  const letters = page.locator(".letter");
  await expect(letters.first()).toContainText(name);
  await expect(letters.first()).toContainText("Please let his family see him.");
  await expect(page.getByText(`To ${theCase.targets[0]!.name}`, { exact: false })).toBeVisible();
  await expect(page.getByText(`To ${theCase.targets[1]!.name}`, { exact: false })).toBeVisible();

  await page.getByRole("button", { name: "Send my appeal" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${theCase.slug}/check-email`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/check your email/i);

  // not counted, and nothing sent to any official, before confirmation
  expect((await (await page.request.get(`/api/v1/cases/${theCase.slug}`)).json()).signatureCount).toBe(0);
  for (const t of theCase.targets) expect(await mail.to(t.email!)).toHaveLength(0);

  await confirmFromMail(page, email);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Gao Zhisheng");
  await expect(page.locator("main")).toContainText(/\b1 of 1,000\b/);

  for (const target of theCase.targets) {
    const [letter, ...extra] = await mail.waitFor(target.email!);
    expect(extra).toHaveLength(0);
    expect(letter!.from).toContain(name);
    expect(letter!.from).toContain("appeals@vigil.example.org");
    expect(letter!.text).toContain(name);
    expect(letter!.text).toContain("Dear Minister");
    expect(JSON.stringify(letter)).not.toContain(email);
  }
  expect((await (await page.request.get(`/api/v1/cases/${theCase.slug}`)).json()).signatureCount).toBe(1);
});

test("without JavaScript: errors beside fields, server preview, send, confirm, count", async ({ browser, testCase: theCase, mail }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const email = uniqueEmail("nojs");

  await page.goto(`/cases/${theCase.slug}`);
  // an empty form: each field says what is wrong, next to itself, and nothing is stored
  await page.getByRole("button", { name: "Send my appeal" }).click();
  await expect(page.locator("#sign-fullName-error, [id$='fullName-error']").first()).toContainText(/name/i);
  await expect(page.locator("[id$='email-error']").first()).toContainText(/email/i);
  await expect(page.locator("[id$='country-error']").first()).toContainText(/country/i);

  // a bad email keeps everything else typed
  await fillSignForm(page, { fullName: "ليلى حداد", email: "Leila <leila@example.org>", country: "LB", message: "Free him." });
  await page.getByRole("button", { name: "Send my appeal" }).click();
  await expect(page.locator("[id$='email-error']").first()).toContainText(/one email address/i);
  await expect(page.getByLabel("Your full name")).toHaveValue("ليلى حداد");
  await expect(page.getByLabel("A personal line (optional)")).toHaveValue("Free him.");

  await page.getByLabel("Your email address").fill(email);
  await page.getByRole("button", { name: "Preview my letter" }).click();
  await expect(page.locator(".letter").first()).toContainText("ليلى حداد");
  await expect(page.locator(".letter").first()).toContainText("Free him.");
  await expect(page.getByLabel("Your email address")).toHaveValue(email);

  await page.getByRole("button", { name: "Send my appeal" }).click();
  await expect(page).toHaveURL(/check-email/);
  await confirmFromMail(page, email);
  await expect(page.locator("main")).toContainText(/\b1 of 1,000\b/);
  for (const target of theCase.targets) expect(await mail.waitFor(target.email!)).toHaveLength(1);
  await context.close();
});

test("signing twice and confirming twice counts once and sends each letter once", async ({ page, testCase: theCase, mail }) => {
  const email = uniqueEmail("twice");
  for (let i = 0; i < 2; i++) {
    await page.goto(`/cases/${theCase.slug}`);
    await fillSignForm(page, { fullName: "Sam Taylor", email, country: "GB" });
    await page.getByRole("button", { name: "Send my appeal" }).click();
    await expect(page).toHaveURL(/check-email/);
  }
  // the second submission replaced the first link: only the newest works
  const mails = await mail.waitFor(email, { count: 2 });
  const link = mails.map((m) => /https?:\/\/\S+\/confirm\/[A-Za-z0-9_-]+/.exec(m.text)![0]).at(-1)!;

  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my appeal" }).click();
  await expect(page).toHaveURL(/thanks/);
  // the same link again, in a second tab: harmless
  const again = await page.context().newPage();
  await again.goto(link);
  await expect(again.locator("main")).toContainText(/already confirmed/i);

  // and signing once more with the address in capitals: no second signature
  await page.goto(`/cases/${theCase.slug}`);
  await fillSignForm(page, { fullName: "Sam Taylor", email: email.toUpperCase(), country: "GB" });
  await page.getByRole("button", { name: "Send my appeal" }).click();
  await expect(page).toHaveURL(/check-email/);

  const api = async () => (await (await page.request.get(`/api/v1/cases/${theCase.slug}`)).json()).signatureCount;
  expect(await api()).toBe(1);
  for (const target of theCase.targets) {
    await mail.waitFor(target.email!);
    await page.waitForTimeout(1000); // give a duplicate every chance to arrive
    expect(await mail.to(target.email!)).toHaveLength(1);
  }
});

test("a forged confirmation link gets a clear page and confirms nothing", async ({ page }) => {
  await page.goto("/confirm/this-token-was-never-issued-by-vigil-000");
  await expect(page.locator("main")).toContainText(/not valid/i);
  await expect(page.getByRole("button", { name: "Confirm my appeal" })).toHaveCount(0);
});
