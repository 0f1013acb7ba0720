// Issue 8 item 1 from the supporter's side, without JavaScript: the confirmation page shows the letter they signed;
// when an approved change comes in before they confirm, nothing is sent, the page shows the letter as it reads now,
// and confirming that version sends it (and only it) and counts them once.
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { letterTemplates } from "@/db/schema";
import { createTestCase } from "./support/data";
import { expect, test } from "./support/fixtures";
import { fillSignForm } from "./support/journey";
import { uniqueEmail } from "./support/mail";

test("a case changed after signing: nothing sent, the new letter shown in full, confirmed, counted once", async ({ browser, mail }) => {
  const theCase = createTestCase({ targets: 1, personName: "Ilham Tohti" });
  const official = theCase.targets[0]!.email!;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const email = uniqueEmail("changed");

  await page.goto(`/cases/${theCase.slug}`);
  await fillSignForm(page, { fullName: "Amira Haddad", email, country: "GB", message: "Let his daughter visit him." });
  await page.getByRole("button", { name: "Send my appeal" }).click();
  await expect(page).toHaveURL(/check-email/);
  const [confirmation] = await mail.waitFor(email);
  const link = mail.confirmLinkIn(confirmation!);

  // before any change: the stored letter is on the page
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Confirm your appeal for Ilham Tohti");
  await expect(page.locator(".letter").first()).toContainText("I am writing to urge you to release Ilham Tohti");
  await expect(page.locator(".letter").first()).toContainText("Let his daughter visit him.");

  // an admin approves a new wording (the row as an approved revision leaves it)
  getDb()
    .update(letterTemplates)
    .set({ body: "{{target.salutation}},\n\nThe approved new wording: free {{case.personName}}.\n\n{{supporter.message}}\n\n{{supporter.name}}", updatedAt: new Date() })
    .where(eq(letterTemplates.caseId, theCase.id))
    .run();

  // the old page's button: nothing is sent, the page says why and shows the letter as it reads now
  await page.getByRole("button", { name: "Confirm my appeal" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This case changed after you signed: here is the letter as it reads now");
  const newLetter = page.locator(".letter").first();
  await expect(newLetter).toBeVisible();
  await expect(newLetter).toContainText("The approved new wording: free Ilham Tohti.");
  await expect(newLetter).toContainText("Let his daughter visit him.");
  expect(await mail.to(official)).toHaveLength(0);
  expect((await (await page.request.get(`/api/v1/cases/${theCase.slug}`)).json()).signatureCount).toBe(0);

  await page.getByRole("button", { name: "Confirm this version" }).click();
  await expect(page).toHaveURL(/\/thanks/);
  await expect(page.locator("main")).toContainText(/\b1 of 1,000\b/);
  const [letter, ...extra] = await mail.waitFor(official);
  expect(extra).toHaveLength(0);
  expect(letter!.text).toContain("The approved new wording: free Ilham Tohti.");
  expect(letter!.text).not.toContain("I am writing to urge you");

  // the link used again: already confirmed, counted once, nothing more sent
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("You have already confirmed");
  expect((await (await page.request.get(`/api/v1/cases/${theCase.slug}`)).json()).signatureCount).toBe(1);
  expect(await mail.to(official)).toHaveLength(1);
  await context.close();
});

test("a case changed while the supporter typed: the confirm page shows the letter as it reads now before anything goes", async ({ page, mail }) => {
  const theCase = createTestCase({ targets: 1, personName: "Rahile Dawut" });
  const official = theCase.targets[0]!.email!;
  const email = uniqueEmail("typed");
  await page.goto(`/cases/${theCase.slug}`);
  await fillSignForm(page, { fullName: "Amira Haddad", email, country: "GB" });
  await expect(page.locator(".letter").first()).toContainText("I am writing to urge you to release Rahile Dawut");

  // approved while the form was open: the page (and its live preview) still shows the old letter
  getDb()
    .update(letterTemplates)
    .set({ body: "{{target.salutation}},\n\nApproved while you typed: free {{case.personName}}.\n\n{{supporter.name}}", updatedAt: new Date() })
    .where(eq(letterTemplates.caseId, theCase.id))
    .run();
  await page.getByRole("button", { name: "Send my appeal" }).click();
  await expect(page).toHaveURL(/check-email/);

  const [confirmation] = await mail.waitFor(email);
  await page.goto(mail.confirmLinkIn(confirmation!));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This case changed after you signed: here is the letter as it reads now");
  await expect(page.locator(".letter").first()).toContainText("Approved while you typed: free Rahile Dawut.");
  await page.getByRole("button", { name: "Confirm this version" }).click();
  await expect(page).toHaveURL(/\/thanks/);
  const [letter, ...extra] = await mail.waitFor(official);
  expect(extra).toHaveLength(0);
  expect(letter!.text).toContain("Approved while you typed: free Rahile Dawut.");
});
