// The targets and model-letter editors end to end: real Chromium, the real server, sign-in and test letters read
// from a real SMTP server. Officials' addresses are unique per test, so "they received nothing" is exact.
import { asc, eq } from "drizzle-orm";
import type { Browser, Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { createTestCase } from "./support/data";
import { expect, test } from "./support/fixtures";
import { getDb } from "@/db/client";
import { letterTemplates, targets } from "@/db/schema";

const targetsOf = (caseId: string) => getDb().select().from(targets).where(eq(targets.caseId, caseId)).orderBy(asc(targets.position)).all();
const letterOf = (caseId: string) => getDb().select().from(letterTemplates).where(eq(letterTemplates.caseId, caseId)).get();

let n = 0;
const officialEmail = (label: string) => `${label}-${process.pid}-${Date.now()}-${n++}@officials.example.org`;

async function fillTarget(page: Page, t: { title: string; name?: string; address: string; email?: string; fax?: string; salutation: string }) {
  await page.getByLabel("Title", { exact: true }).fill(t.title);
  if (t.name) await page.getByLabel("Name (optional)").fill(t.name);
  await page.getByLabel("Postal address").fill(t.address);
  await page.getByLabel("Email (optional)").fill(t.email ?? "");
  await page.getByLabel("Fax (optional)").fill(t.fax ?? "");
  await page.getByLabel("Salutation").fill(t.salutation);
}

test("a campaigner adds and orders targets, writes the letter with the palette and sends themself a test", async ({ page, signIn, mail }) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  const { email: me } = await signIn({ page, role: "campaigner", label: "letters" });
  const theCase = createTestCase({ targets: 0, state: "draft" });
  const minister = officialEmail("minister");
  const ambassador = officialEmail("ambassador");

  await page.goto(`/admin/cases/${theCase.id}/targets`);
  await expect(page.getByRole("link", { name: "Targets", exact: true })).toHaveAttribute("aria-current", "page");

  // a display name in the email is refused next to the field, and everything typed stays
  await fillTarget(page, { title: "Minister of Public Security", name: "Wang Xiaohong", address: "14 Dongchang'an Street\nBeijing 100741", email: `Boss <${minister}>`, salutation: "Your Excellency" });
  await page.getByRole("button", { name: "Add target" }).click();
  await expect(page.locator("#target-email-error")).toContainText("without a name or angle brackets");
  await expect(page.getByLabel("Email (optional)")).toHaveValue(`Boss <${minister}>`);
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Minister of Public Security");
  await expect(page.getByLabel("Postal address")).toHaveValue("14 Dongchang'an Street\nBeijing 100741");
  expect(targetsOf(theCase.id)).toHaveLength(0);

  await page.getByLabel("Email (optional)").fill(minister);
  await page.getByRole("button", { name: "Add target" }).click();
  await expect(page.getByText("Target added.")).toBeVisible();

  // the second is a copy, with a fax stored as E.164 and shown grouped
  await expect(page.getByLabel("Copy to", { exact: true })).toBeChecked();
  await fillTarget(page, { title: "Ambassador of China", address: "49 Portland Place\nLondon W1B 1JL", email: ambassador, fax: "+44 20-7299 4049", salutation: "Dear Ambassador" });
  await page.getByRole("button", { name: "Add target" }).click();
  await expect(page.getByText("Target added.")).toBeVisible();
  await expect(page.getByText("+44 207 299 4049")).toBeVisible();
  expect(targetsOf(theCase.id).map((t) => [t.title, t.role, t.fax])).toEqual([
    ["Minister of Public Security", "primary", null],
    ["Ambassador of China", "copy", "+442072994049"],
  ]);

  // reorder with the real up/down forms
  await page.getByRole("button", { name: "Move Ambassador of China up" }).click();
  await expect(page.getByText("Order changed.")).toBeVisible();
  await expect(page.locator("ol > li h3").first()).toHaveText("Ambassador of China");
  expect(targetsOf(theCase.id).map((t) => t.title)).toEqual(["Ambassador of China", "Minister of Public Security"]);
  await page.getByRole("button", { name: "Move Ambassador of China down" }).click();
  await expect(page.locator("ol > li h3").first()).toHaveText("Wang Xiaohong, Minister of Public Security");

  // the letter: write it, insert a merge field from the palette at the cursor
  await page.getByRole("link", { name: "Letter", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/cases/${theCase.id}/letter`));
  const body = page.getByLabel("Letter (English)");
  await body.fill("{{target.salutation}},\n\nPlease release {{case.personName}} now.\n\n{{supporter.message}}\n\nFrom ");
  await body.press("End");
  await page.getByRole("button", { name: /^Insert \{\{supporter\.country\}\}/ }).click();
  await expect(body).toHaveValue("{{target.salutation}},\n\nPlease release {{case.personName}} now.\n\n{{supporter.message}}\n\nFrom {{supporter.country}}");
  await expect(page.getByText(/\d+ characters · \d+ words/)).toBeVisible();

  // the live preview: one letter per target, as each will receive it from the sample supporter
  const preview = page.locator("section", { has: page.getByRole("heading", { name: "Preview" }) });
  await expect(preview.getByText("To Wang Xiaohong, Minister of Public Security")).toBeVisible();
  await expect(preview.getByText("To Ambassador of China")).toBeVisible();
  await expect(preview.locator(".letter").first()).toContainText("Your Excellency,\n\nPlease release Li Qiaochu now.\n\nI am writing from Beirut");
  await expect(preview.locator(".letter").first()).toContainText("good news.\n\nFrom Lebanon");
  await preview.getByText("To Ambassador of China").click();
  await expect(preview.locator(".letter").nth(1)).toContainText("Dear Ambassador,");

  // an unknown field is flagged as it is typed; saving is refused with the field named; the text stays
  await body.press("End");
  await body.pressSequentially(" {{supporter.phone}}");
  await expect(page.locator("#letter-body-error")).toContainText("{{supporter.phone}}");
  await page.getByRole("button", { name: "Save letter" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The letter was not saved." })).toContainText("{{supporter.phone}}");
  await expect(body).toHaveValue(/From \{\{supporter\.country\}\} \{\{supporter\.phone\}\}$/);
  expect(letterOf(theCase.id)?.body).not.toContain("supporter.phone");

  await body.fill("{{target.salutation}},\n\nPlease release {{case.personName}} now.\n\n{{supporter.message}}\n\nFrom {{supporter.country}}");
  await expect(page.locator("#letter-body-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Save letter" }).click();
  await expect(page.getByText(/Saved the English letter/)).toBeVisible();
  expect(letterOf(theCase.id)?.body).toBe("{{target.salutation}},\n\nPlease release {{case.personName}} now.\n\n{{supporter.message}}\n\nFrom {{supporter.country}}");

  // "send me a test": two letters to me, marked [TEST]; nothing to either official
  await page.getByRole("button", { name: "Send me a test" }).click();
  await expect(page.getByText(`Sent 2 test letters to ${me}`)).toBeVisible();
  const received = await mail.waitFor(me, { count: 3 });
  const tests = received.filter((m) => m.subject.startsWith("[TEST] "));
  expect(tests).toHaveLength(2);
  for (const m of tests) {
    expect(m.to).toEqual([me]);
    expect(m.subject).toBe(`[TEST] Release Li Qiaochu (${theCase.reference})`);
    expect(m.text).toMatch(/^TEST: this is a test/);
    expect(m.text).toContain("From Lebanon");
  }
  expect(tests.map((m) => m.text).join("\n")).toContain("Your Excellency,");
  expect(tests.map((m) => m.text).join("\n")).toContain("Dear Ambassador,");
  await page.waitForTimeout(1_000);
  expect(await mail.to(minister)).toHaveLength(0);
  expect(await mail.to(ambassador)).toHaveLength(0);
  // no hydration mismatch or script error on either page
  expect(pageErrors).toEqual([]);
});

test("without JavaScript: a bad fax is refused keeping the typed values; removing asks first", async ({ browser, signIn }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn({ page, role: "campaigner", label: "letters-no-js" });
  // a draft: on a published case a campaigner's edits wait for an admin (issue 8; e2e/live-case-revision.spec.ts)
  const theCase = createTestCase({ targets: 1, state: "draft" });

  await page.goto(`/admin/cases/${theCase.id}/targets`);
  await fillTarget(page, { title: "Procurator-General", address: "147 Beiheyan Street\nBeijing", fax: "12345", salutation: "Dear Procurator-General" });
  await page.getByRole("button", { name: "Add target" }).click();
  await expect(page.locator("#target-fax-error")).toContainText("Start the fax number with +");
  await expect(page.getByLabel("Fax (optional)")).toHaveValue("12345");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Procurator-General");
  await page.getByLabel("Fax (optional)").fill("+86 10 6529 2345");
  await page.getByRole("button", { name: "Add target" }).click();
  await expect(page.getByText("Target added.")).toBeVisible();
  expect(targetsOf(theCase.id).map((t) => t.fax)).toEqual([null, "+861065292345"]);

  // remove: a link to a confirmation, then a real form
  await page.getByRole("link", { name: "Remove Procurator-General" }).click();
  await expect(page.getByText("Remove Procurator-General?")).toBeVisible();
  expect(targetsOf(theCase.id)).toHaveLength(2);
  await page.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByText("Target removed.")).toBeVisible();
  expect(targetsOf(theCase.id)).toHaveLength(1);

  // the letter's "Preview" renders the typed text on the server
  await page.goto(`/admin/cases/${theCase.id}/letter`);
  await page.getByLabel("Letter (English)").fill("{{target.salutation}},\n\nServer-side preview for {{case.personName}}.");
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(page.locator(".letter").first()).toContainText("Dear Minister,\n\nServer-side preview for Li Qiaochu.");
  await expect(page.getByLabel("Letter (English)")).toHaveValue("{{target.salutation}},\n\nServer-side preview for {{case.personName}}.");
  await context.close();
});

/** A form's fields as the browser would post them without JavaScript (including Next's action ids). */
async function formFields(page: Page, form: string, overrides: Record<string, string>): Promise<Record<string, string>> {
  const fields = await page
    .locator(form)
    .first()
    .evaluate((f) => [...new FormData(f as HTMLFormElement)].map(([k, v]) => [k, String(v)] as [string, string]));
  // the action's ids are there, so a refusal below is the action refusing, not Next failing to find it
  expect(fields.some(([k]) => k.startsWith("$ACTION"))).toBe(true);
  return { ...Object.fromEntries(fields), ...overrides };
}

async function post(from: Browser | Page, path: string, fields: Record<string, string>) {
  const request = "newContext" in from ? (await from.newContext()).request : from.request;
  return request.post(path, { multipart: fields, headers: { Origin: baseURL }, maxRedirects: 0 });
}

test("the target and letter actions refuse a request without a session, and apply no foreign case id", async ({ campaigner: { page, email: me }, browser, mail }) => {
  const theCase = createTestCase({ targets: 0, state: "draft" });
  const other = createTestCase({ targets: 1, state: "published" });
  const targetsPath = `/admin/cases/${theCase.id}/targets`;
  const letterPath = `/admin/cases/${theCase.id}/letter`;

  await page.goto(targetsPath);
  const add = await formFields(page, 'form[aria-labelledby="target-form-heading"]', {
    role: "primary",
    title: "Posted minister",
    postalAddress: "1 Street",
    country: "CN",
    salutation: "Dear Minister",
    language: "en",
    caseId: other.id,
    ownerId: "someone",
  });

  // control: with the campaigner's session the same POST adds the target, to this case only
  expect((await post(page, targetsPath, add)).status()).toBeLessThan(500);
  expect(targetsOf(theCase.id).map((t) => t.title)).toEqual(["Posted minister"]);
  expect(targetsOf(other.id)).toHaveLength(1);

  // no session: nothing is added
  await post(browser, targetsPath, { ...add, title: "No session" });
  expect(targetsOf(theCase.id).map((t) => t.title)).toEqual(["Posted minister"]);

  // removing without a session: nothing changes
  await page.goto(targetsPath);
  await page.getByRole("link", { name: "Remove Posted minister" }).click();
  const remove = await formFields(page, 'form:has(button:text("Yes, remove"))', {});
  await post(browser, targetsPath, remove);
  expect(targetsOf(theCase.id)).toHaveLength(1);

  // the letter: saving and "send me a test" without a session change nothing and send nothing
  await page.goto(letterPath);
  const before = letterOf(theCase.id);
  const save = await formFields(page, 'form:has(textarea[name="body"])', { subject: "Hijacked", body: "Hijacked body\n\n{{supporter.message}}", intent: "save" });
  await post(browser, letterPath, save);
  expect(letterOf(theCase.id)).toEqual(before);
  const testForm = await formFields(page, 'form[aria-labelledby="test-heading"]', {});
  const mailBefore = (await mail.to(me)).length;
  await post(browser, letterPath, testForm);
  await page.waitForTimeout(1_000);
  expect(await mail.to(me)).toHaveLength(mailBefore);

  // controls: with the session, the same save applies and the same test is sent, to the campaigner only
  await post(page, letterPath, save);
  expect(letterOf(theCase.id)).toMatchObject({ subject: "Hijacked", body: "Hijacked body\n\n{{supporter.message}}" });
  await post(page, letterPath, testForm);
  const after = await mail.waitFor(me, { count: mailBefore + 1 });
  expect(after.filter((m) => m.subject === "[TEST] Hijacked")).toHaveLength(1);
});
