// Copies to the embassy in each supporter's country, end to end: a campaigner adds the routed copy in the targets
// editor (with and without JavaScript), sees how far the missions reach, reads the missions page, and a supporter
// reads on the public page where the copy goes. The server's database holds the demo seed's 86 PRC missions.
import { asc, eq } from "drizzle-orm";
import { createTestCase } from "./support/data";
import { confirmFromMail, fillSignForm } from "./support/journey";
import { uniqueEmail } from "./support/mail";
import { expect, test } from "./support/fixtures";
import { getDb } from "@/db/client";
import { targets } from "@/db/schema";

const targetsOf = (caseId: string) => getDb().select().from(targets).where(eq(targets.caseId, caseId)).orderBy(asc(targets.position)).all();
const COVERAGE = /86 missions in 61 countries; \d+ with email, 1 with only an address/;

test("a campaigner adds a copy to the embassy in each supporter's country, once, and sees how far it reaches", async ({ campaigner: { page } }) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  const theCase = createTestCase({ targets: 1, state: "draft" });
  await page.goto(`/admin/cases/${theCase.id}/targets`);

  const form = page.getByRole("form", { name: "Add a copy to the embassy in each supporter’s country" });
  // the case's own country is the default: its embassies are the ones supporters write to
  await expect(form.getByLabel("Embassies of")).toHaveValue("CN");
  await form.getByRole("button", { name: "Add the embassy copy" }).click();
  await expect(page.getByText("Copy to the embassy in each supporter’s country added.")).toBeVisible();

  const row = page.getByRole("listitem").filter({ hasText: "The embassy of China in your country" });
  await expect(row.getByText("Routed per supporter")).toBeVisible();
  await expect(row.getByText(COVERAGE)).toBeVisible();
  await expect(row.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
  expect(targetsOf(theCase.id).map((t) => [t.role, t.title, t.routing, t.missionOf, t.postalAddress, t.salutation])).toEqual([
    ["primary", "Minister 1", "fixed", null, "Office 1, Capital City", "Dear Minister"],
    ["copy", "The embassy of China in your country", "mission", "CN", "", "Your Excellency"],
  ]);

  // a second copy to the same state's missions would send each of them the letter twice
  await form.getByRole("button", { name: "Add the embassy copy" }).click();
  await expect(form.getByRole("alert")).toContainText("This case already sends a copy to the embassy of China in each supporter’s country.");
  expect(targetsOf(theCase.id)).toHaveLength(2);

  // a state with no missions on record is allowed, and says plainly that no copy goes yet
  await form.getByLabel("Embassies of").selectOption("FR");
  await form.getByRole("button", { name: "Add the embassy copy" }).click();
  await expect(page.getByText("Copy to the embassy in each supporter’s country added.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "The embassy of France in your country" })).toContainText(
    "No missions of France on record: no copy goes until they are imported",
  );
  expect(pageErrors).toEqual([]);
});

test("without JavaScript, the routed copy form refuses an empty choice and then adds the copy", async ({ browser, signIn }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn({ page, role: "campaigner", label: "routed-nojs" });
  const theCase = createTestCase({ targets: 1, state: "draft" });
  await page.goto(`/admin/cases/${theCase.id}/targets`);

  const form = page.getByRole("form", { name: "Add a copy to the embassy in each supporter’s country" });
  await form.getByLabel("Embassies of").selectOption("");
  await form.getByRole("button", { name: "Add the embassy copy" }).click();
  await expect(page.locator("#routed-copy-missionOf-error")).toContainText("Choose the state whose embassies get the copy");
  expect(targetsOf(theCase.id)).toHaveLength(1);

  await page.getByLabel("Embassies of").selectOption("CN");
  await page.getByRole("button", { name: "Add the embassy copy" }).click();
  await expect(page.getByText("Copy to the embassy in each supporter’s country added.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "The embassy of China in your country" }).getByText(COVERAGE)).toBeVisible();
  expect(targetsOf(theCase.id).map((t) => t.routing)).toEqual(["fixed", "mission"]);
  await context.close();
});

test("the missions page counts missions per state, names the last import and how to import the full file", async ({ campaigner: { page } }) => {
  await page.goto("/admin/missions");
  await expect(page.getByRole("heading", { name: "Diplomatic missions", level: 1 })).toBeVisible();
  const china = page.getByRole("row", { name: /China/ });
  await expect(china.getByRole("cell").first()).toHaveText("86");
  await expect(page.getByText(/from missions-china\.csv: 86 added, 0 updated, 0 unchanged\. Demo data: every email was replaced/)).toBeVisible();
  await expect(page.getByText("npm run missions:import -- path/to/database_of_embassies.csv --operator CN")).toBeVisible();
  await page.getByText(COVERAGE).click();
  await expect(page.getByText("Embassy of the People's Republic of China in Norway — by post")).toBeVisible();
  await expect(page.getByText("Embassy of the People's Republic of China in Japan — by email")).toBeVisible();
});

test("the public case page names the routed copy as going to the embassy in the supporter's own country", async ({ page }) => {
  const theCase = createTestCase({ targets: [{ role: "primary" }, { role: "copy", routing: "mission", missionOf: "CN", title: "The embassy of China in your country", email: null, salutation: "Your Excellency" }] });
  await page.goto(`/cases/${theCase.slug}`);
  const copy = page.getByRole("listitem").filter({ hasText: "A copy to the embassy of China in your country" });
  await expect(copy).toBeVisible();
  await expect(copy).toContainText("in the country you sign from");
});

test("the case's statistics name the supporters' countries whose embassy copy had nowhere to go", async ({ page, campaigner }) => {
  const theCase = createTestCase({
    targets: [{}, { role: "copy", routing: "mission", missionOf: "CN", title: "The embassy of China in your country", name: null, email: null, salutation: "Your Excellency" }],
  });
  // Iceland: no PRC mission on record at all
  const email = uniqueEmail("iceland");
  await page.goto(`/cases/${theCase.slug}`);
  await fillSignForm(page, { fullName: "Sigríður Jónsdóttir", email, country: "IS" });
  await page.getByRole("button", { name: "Send my appeal" }).click();
  await confirmFromMail(page, email);

  await campaigner.page.goto(`/admin/cases/${theCase.id}/stats`);
  const section = campaigner.page.getByRole("region", { name: "Embassy copies not sent" });
  await expect(section.getByRole("listitem")).toHaveText(["Iceland: 1 supporter — no mission of China there on record"]);
});
