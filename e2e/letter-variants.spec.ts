// Letters vary (issue 9), end to end: a malformed [[variants]] block is refused beside the letter field; the
// editor says how many different letters an official would see; a supporter's preview shows the version that
// is then sent, as the official's mail server (the real SMTP capture) receives it.
import { eq } from "drizzle-orm";
import { createTestCase } from "./support/data";
import { expect, test } from "./support/fixtures";
import { confirmFromMail, fillSignForm } from "./support/journey";
import { uniqueEmail } from "./support/mail";
import { getDb } from "@/db/client";
import { letterTemplates } from "@/db/schema";
import { distinctLetters } from "@/lib/letters/variants";

const SUBJECT = "Release {{case.personName}}\nFree {{case.personName}} now\nJustice for {{case.personName}}";
const BLOCKS = `[[variants]]
I urge you to release {{case.personName}} immediately.
--- or ---
I ask you to free {{case.personName}} without delay.
--- or ---
{{case.personName}} must be released now.
[[/variants]]

[[variants]]
Peaceful speech is not a crime.
--- or ---
She has done nothing but speak peacefully.
[[/variants]]`;
const BODY = `{{target.salutation}},\n\n${BLOCKS}\n\n{{supporter.message}}\n\nYours sincerely,\n{{supporter.name}}`;

test("a malformed block is refused beside the field; the preview shows the version that is sent", async ({ admin: { page }, browser, mail }) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  const official = `variants-${process.pid}-${Date.now()}@officials.example.org`;
  const theCase = createTestCase({ targets: [{ email: official }], personName: "Li Qiaochu" });
  const savedBefore = getDb().select().from(letterTemplates).where(eq(letterTemplates.caseId, theCase.id)).get()!;

  await page.goto(`/admin/cases/${theCase.id}/letter`);
  await page.getByLabel("Subject (English)").fill(SUBJECT);
  const body = page.getByLabel("Letter (English)");
  // the closing marker of the second block is missing
  const lastClose = BODY.lastIndexOf("[[/variants]]");
  await body.fill(BODY.slice(0, lastClose) + BODY.slice(lastClose + "[[/variants]]".length));
  await expect(page.locator("#letter-body-error")).toContainText(/Line 11: this \[\[variants\]\] block is never closed/);
  await expect(page.locator("#letter-distinct")).toHaveText(/Fix the versions above/);
  await page.getByRole("button", { name: "Save letter" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The letter was not saved." })).toContainText("never closed");
  expect(getDb().select().from(letterTemplates).where(eq(letterTemplates.id, savedBefore.id)).get()!.body).toBe(savedBefore.body);

  await body.fill(BODY);
  await expect(page.locator("#letter-body-error")).toHaveCount(0);
  const figure = distinctLetters({ subject: SUBJECT, body: BODY });
  await expect(page.locator("#letter-distinct")).toContainText(`An official receiving 100 appeals would see ${figure} different letters.`);
  await expect(page.locator("#letter-distinct")).toContainText("3 subjects and 2 paragraphs with 3, 2 versions: 18 possible letters");
  await page.getByRole("button", { name: "Save letter" }).click();
  await expect(page.getByText(/Saved the English letter/)).toBeVisible();
  expect(getDb().select().from(letterTemplates).where(eq(letterTemplates.id, savedBefore.id)).get()).toMatchObject({ subject: SUBJECT, body: BODY });
  expect(pageErrors).toEqual([]);

  // a supporter: the live preview picks the versions by the address typed, and says so
  const context = await browser.newContext();
  const supporter = await context.newPage();
  const email = uniqueEmail("variants");
  await supporter.goto(`/cases/${theCase.slug}`);
  await expect(supporter.getByText("The campaign wrote several versions")).toBeVisible();
  await fillSignForm(supporter, { fullName: "Amira Haddad", email, country: "LB", message: "Free her now." });
  const shown = supporter.locator("details").filter({ has: supporter.locator(".letter") }).first();
  await expect(shown.locator(".letter")).toContainText("Free her now.");
  const subject = (await shown.locator("strong").textContent())!;
  const letter = (await shown.locator(".letter").textContent())!;
  expect(subject).toMatch(/^(Release|Free|Justice for) Li Qiaochu( now)?$/);
  expect(letter).not.toMatch(/\[\[|--- or ---/);

  await supporter.getByRole("button", { name: "Send my appeal" }).click();
  await expect(supporter).toHaveURL(new RegExp(`/cases/${theCase.slug}/check-email`));
  await confirmFromMail(supporter, email);
  const [received, ...extra] = await mail.waitFor(official);
  expect(extra).toHaveLength(0);
  expect(received!.subject).toBe(subject);
  expect(received!.text.trim()).toBe(letter.trim());
  await context.close();
});
