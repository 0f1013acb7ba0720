// Pacing end to end: a campaigner sets an official's rate, office hours and time zone (a bad rate or zone refused
// next to its field, with and without JavaScript); supporters confirm; the thank-you page says when a letter that
// waits its turn should go, and the case statistics show the official's schedule.
import { eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { createTestCase } from "./support/data";
import { expect, test } from "./support/fixtures";
import { confirmFromMail, fillSignForm } from "./support/journey";
import { uniqueEmail } from "./support/mail";
import { getDb } from "@/db/client";
import { targets } from "@/db/schema";

const targetOf = (id: string) => getDb().select().from(targets).where(eq(targets.id, id)).get()!;

async function shoot(page: Page, name: string) {
  for (const [width, label] of [[360, "narrow"], [1280, "wide"]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/pacing-${name}-${label}.png`, fullPage: true });
  }
}

for (const javaScriptEnabled of [true, false]) {
  test(`${javaScriptEnabled ? "with" : "without"} JavaScript: an official's rate, office hours and zone are set, a bad rate and zone refused next to the field`, async ({ browser, signIn }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await signIn({ page, role: "campaigner", label: javaScriptEnabled ? "pace-js" : "pace-nojs" });
    const theCase = createTestCase({ targets: 1, state: "draft" });
    const official = theCase.targets[0]!;

    await page.goto(`/admin/cases/${theCase.id}/targets?edit=${official.id}#target-form`);
    // empty fields name what they default to: the server's rate and the country's zone
    await expect(page.getByText("Empty: 1000000 an hour, this server’s default.")).toBeVisible();
    await expect(page.getByText("Empty: Asia/Shanghai, the zone of the official’s country.")).toBeVisible();
    await page.getByLabel("Most letters an hour (optional)").fill("2.5");
    await page.getByLabel("Office opens").selectOption("9");
    await page.getByLabel("Time zone (optional)").fill("+08:00");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.locator("#target-pacePerHour-error")).toContainText("whole number of 1 or more");
    await expect(page.locator("#target-timeZone-error")).toContainText("IANA name");
    await expect(page.locator("#target-officeHoursEnd-error")).toContainText("closes too");
    // what was typed stays, and nothing was saved
    await expect(page.getByLabel("Most letters an hour (optional)")).toHaveValue("2.5");
    await expect(page.getByLabel("Time zone (optional)")).toHaveValue("+08:00");
    expect(targetOf(official.id)).toMatchObject({ pacePerHour: null, officeHoursStart: null, timeZone: null });
    if (javaScriptEnabled) {
      await shoot(page, "target-form-errors");
      await page.setViewportSize({ width: 360, height: 900 });
      await page.locator("fieldset", { hasText: "Pacing of emails" }).screenshot({ path: "test-results/pacing-fieldset-narrow.png" });
    }

    await page.getByLabel("Most letters an hour (optional)").fill("30");
    await page.getByLabel("Office closes").selectOption("17");
    await page.getByLabel("Working days").selectOption("71234");
    await page.getByLabel("Time zone (optional)").fill("Asia/Riyadh");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Changes saved.")).toBeVisible();
    expect(targetOf(official.id)).toMatchObject({ pacePerHour: 30, officeHoursStart: 9, officeHoursEnd: 17, officeDays: "71234", timeZone: "Asia/Riyadh" });
    await context.close();
  });
}

test("a letter that waits its turn: the thank-you page says when it should go, the statistics show the schedule", async ({ page, browser, signIn }) => {
  const theCase = createTestCase({ targets: 1, personName: "Ilham Tohti" });
  const official = theCase.targets[0]!;
  // four an hour, any hour, in Beijing: the second supporter's letter goes a quarter of an hour after the first
  getDb().update(targets).set({ pacePerHour: 4, timeZone: "Asia/Shanghai" }).where(eq(targets.id, official.id)).run();

  for (const label of ["pace-first", "pace-second"]) {
    const email = uniqueEmail(label);
    await page.goto(`/cases/${theCase.slug}`);
    await fillSignForm(page, { fullName: "Ingrid Hansen", email, country: "NO" });
    await page.getByRole("button", { name: "Send my appeal" }).click();
    await expect(page).toHaveURL(/\/check-email/);
    await confirmFromMail(page, email);
  }
  const expected = page.getByText(/Your letter to Official 1, Minister 1 is expected to go on \d{1,2} \w+ around \d\d:\d\d \(China Standard Time\)\./);
  await expect(expected).toBeVisible();
  await shoot(page, "thanks");
  await page.setViewportSize({ width: 360, height: 900 });
  await page.locator("section", { has: page.getByRole("heading", { name: "What happens next" }) }).screenshot({ path: "test-results/pacing-thanks-next-narrow.png" });

  const staff = await browser.newPage();
  await signIn({ page: staff, role: "admin", label: "pace-stats" });
  await staff.goto(`/admin/cases/${theCase.id}/stats`);
  const section = staff.locator("section", { has: staff.getByRole("heading", { name: "Emails waiting for their turn" }) });
  const row = section.getByRole("row", { name: /Official 1, Minister 1/ });
  await expect(row).toContainText("4 an hour, any hour");
  await expect(row).toContainText("Asia/Shanghai");
  // the first went at once (or waits a moment); the second waits its slot
  await expect(row.getByRole("cell").nth(1)).toHaveText(/^[12]$/);
  await shoot(staff, "stats");
  await staff.setViewportSize({ width: 360, height: 900 });
  await section.screenshot({ path: "test-results/pacing-stats-section-narrow.png" });
});
