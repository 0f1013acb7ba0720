// An official's address that bounces, as staff see it: three supporters sign a case whose one official's mail
// server refuses the address (a permanent 550 5.1.1 from the test SMTP server); after the third hard bounce the
// case page shows the banner with the counts, the letters go by post, the supporters of the two letters that
// failed before the switch hear once each, staff find the refusals under "Bounces", and the admin resets the status.
import { createTestCase } from "./support/data";
import { expect, test } from "./support/fixtures";
import { confirmFromMail, fillSignForm } from "./support/journey";
import { mailTo, uniqueEmail } from "./support/mail";

test("the case page shows an official's bouncing address, and an admin resets it", async ({ browser, admin }) => {
  test.setTimeout(120_000);
  const address = `bounce-me-${Date.now()}@example.org`;
  const theCase = createTestCase({ targets: [{ email: address, name: "Wang Yi", title: "Minister of Foreign Affairs" }] });

  const supporterContext = await browser.newContext();
  const page = await supporterContext.newPage();
  const supporters: string[] = [];
  for (const [i, country] of ["GB", "DE", "NO"].entries()) {
    const email = uniqueEmail(`bounce-${i}`);
    supporters.push(email);
    await page.goto(`/cases/${theCase.slug}`);
    await fillSignForm(page, { fullName: `Supporter ${i + 1}`, email, country });
    await page.getByRole("button", { name: "Send my appeal" }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${theCase.slug}/check-email`));
    await confirmFromMail(page, email);
  }
  await supporterContext.close();

  const staff = admin.page;
  const banner = staff.getByRole("region", { name: "An official’s email address is bouncing" });
  await expect(async () => {
    await staff.goto(`/admin/cases/${theCase.id}`);
    await expect(banner).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(banner).toContainText("Wang Yi, Minister of Foreign Affairs");
  await expect(banner).toContainText(address);
  await expect(banner).toContainText("Bouncing: letters go by post or fax.");
  await expect(banner).toContainText("3 hard bounces (3 in a row), 0 soft bounces, 0 complaints");
  await expect(banner.getByRole("link", { name: "Targets tab" })).toHaveAttribute("href", `/admin/cases/${theCase.id}/targets`);

  // the first two letters failed for good when they were refused (the address had not switched yet): their
  // supporters are told once, with the letter; the third refusal switched the address and that letter goes by post
  const noticeSubject = `Your letter for ${theCase.personName} did not arrive`;
  const noticesOf = async (email: string) => (await mailTo(email)).filter((m) => m.subject === noticeSubject);
  await expect.poll(async () => (await Promise.all(supporters.map(noticesOf))).map((n) => n.length).sort(), { timeout: 20_000 }).toEqual([0, 1, 1]);
  const [notice] = (await Promise.all(supporters.map(noticesOf))).flat();
  expect(notice!.text).toContain("Office 1");
  expect(notice!.text).toContain(`/cases/${theCase.slug}/thanks?s=`);

  // the refusals at send time are listed with the received reports, one click from the navigation
  await staff.getByRole("navigation", { name: "Campaign workspace" }).getByRole("link", { name: "Bounces" }).click();
  await expect(staff).toHaveURL(/\/admin\/bounces$/);
  await expect(staff.getByRole("link", { name: "Bounces" })).toHaveAttribute("aria-current", "page");
  const list = staff.getByRole("list", { name: "Bounce reports" });
  await expect(list.getByRole("listitem").filter({ hasText: "refused at send time (RCPT)" }).filter({ hasText: "5.1.1" })).toHaveCount(3);
  await expect(list).toContainText("No such mailbox here");

  // the statistics: two letters failed for good before the switch, both went on by post at it: none is lost
  await staff.goto(`/admin/cases/${theCase.id}/stats`);
  await expect(staff.getByRole("heading", { name: "Letters that failed for good" })).toBeVisible();
  await expect(staff.getByText("None: every letter was sent, is on its way, or went on by fax or post.")).toBeVisible();

  await staff.goto(`/admin/cases/${theCase.id}`);
  await banner.getByRole("button", { name: `Reset the status of ${address}` }).click();
  await expect(staff).toHaveURL(new RegExp(`/admin/cases/${theCase.id}\\?done=email-reset`));
  await expect(staff.getByText("Status reset: letters to that address are emailed again.")).toBeVisible();
  await expect(banner).toHaveCount(0);
});
