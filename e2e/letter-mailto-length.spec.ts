// The letter editor tells the campaigner, per official, how long supporters' "Send it from your own email" link
// will be: a figure, a warning above 1,600 characters, and above 2,000 that supporters get copy and paste.
import { createTestCase } from "./support/data";
import { expect, test } from "./support/fixtures";

const longBody = (chars: number) => `{{target.salutation}},\n\n${"Free him now. ".repeat(Math.ceil(chars / 14))}\n\n{{supporter.name}}`;

test("with JavaScript: the figure follows the letter as it is typed", async ({ campaigner: { page } }) => {
  const theCase = createTestCase({ state: "draft", targets: [{ title: "President" }, { title: "Governor", email: null }, { title: "Ambassador", role: "copy" }] });
  const [president, governor] = theCase.targets;
  await page.goto(`/admin/cases/${theCase.id}/letter`);
  const row = page.locator(`[data-mailto-length="${president!.id}"]`);
  await expect(row).toHaveAttribute("data-level", "ok");
  await expect(row).toContainText(/with 1 in Cc.*\d[\d,]* characters/);
  // no row for an official without an email
  await expect(page.locator(`[data-mailto-length="${governor!.id}"]`)).toHaveCount(0);

  // 14 characters of text become 20 in the link ("%20" per space): about 1,100 more ends above 1,600
  await page.getByLabel("Letter (English)").fill(longBody(1100));
  await expect(row).toHaveAttribute("data-level", "warn");
  await expect(row).toContainText("over 1,600: some mail apps may cut it");
  await page.getByLabel("Letter (English)").fill(longBody(1600));
  await expect(row).toHaveAttribute("data-level", "too_long");
  await expect(row).toContainText("too long for a mail link: supporters will be offered copy and paste");
});

test("without JavaScript: the server's preview shows the same figure and refusal", async ({ browser, signIn }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn({ page, role: "campaigner", label: "mailto-nojs" });
  const theCase = createTestCase({ state: "draft", targets: 1 });
  await page.goto(`/admin/cases/${theCase.id}/letter`);
  const row = page.locator(`[data-mailto-length="${theCase.targets[0]!.id}"]`);
  await expect(row).toHaveAttribute("data-level", "ok");
  await page.getByLabel("Letter (English)").fill(longBody(1600));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(row).toHaveAttribute("data-level", "too_long");
  await expect(row).toContainText("too long for a mail link: supporters will be offered copy and paste");
  await context.close();
});
