// Issue 8 items 6 and 8 in the browser: public counts list a country only from the threshold, and one mailbox is
// one count while a temporary-mail address is refused beside the email field.
import { createConfirmedSignatures, createTestCase } from "./support/data";
import { expect, test } from "./support/fixtures";
import { confirmFromMail, fillSignForm } from "./support/journey";

test("3 supporters from China and 12 from France: France 12, no China row, 3 from other countries", async ({ page, request }) => {
  const theCase = createTestCase({ targets: 1 });
  createConfirmedSignatures({ caseId: theCase.id, country: "CN", count: 3 });
  createConfirmedSignatures({ caseId: theCase.id, country: "FR", count: 12 });

  await page.goto(`/cases/${theCase.slug}`);
  const breakdown = page.locator("div", { has: page.getByText("Where the appeals come from", { exact: true }) }).last();
  await expect(breakdown.getByRole("listitem").filter({ hasText: "France" })).toContainText("12");
  await expect(breakdown.getByRole("listitem").filter({ hasText: "Other countries" })).toContainText("3");
  await expect(breakdown).not.toContainText("China");

  const body = await (await request.get(`/api/v1/cases/${theCase.slug}`)).json();
  expect(body).toMatchObject({ signatureCount: 15, countsByCountry: [{ country: "FR", count: 12 }], otherCountries: 3 });
});

test("f.o.o+x@googlemail.com and foo@gmail.com are one signature; a mailinator address is refused", async ({ page, mail, testCase: theCase }) => {
  const id = crypto.randomUUID().slice(0, 8);
  const tagged = `f.o.o${id}+x@googlemail.com`;
  const plain = `foo${id}@gmail.com`;

  await page.goto(`/cases/${theCase.slug}`);
  await fillSignForm(page, { fullName: "Sam Taylor", email: `sam${id}@mailinator.com`, country: "GB" });
  await page.getByRole("button", { name: "Send my appeal" }).click();
  await expect(page.locator("[id$='email-error']").first()).toContainText(
    "We can't accept addresses from temporary-mail services, because each appeal must come from a person we can reach.",
  );
  await expect(page.getByLabel("Your full name")).toHaveValue("Sam Taylor");

  await page.getByLabel("Your email address").fill(tagged);
  await page.getByRole("button", { name: "Send my appeal" }).click();
  await expect(page).toHaveURL(/check-email/);
  await confirmFromMail(page, tagged);

  await page.goto(`/cases/${theCase.slug}`);
  await fillSignForm(page, { fullName: "Sam Taylor", email: plain, country: "GB" });
  await page.getByRole("button", { name: "Send my appeal" }).click();
  await expect(page).toHaveURL(/check-email/);
  const [note] = await mail.waitFor(plain);
  expect(note!.subject).toMatch(/already signed/i);
  expect((await (await page.request.get(`/api/v1/cases/${theCase.slug}`)).json()).signatureCount).toBe(1);
});
