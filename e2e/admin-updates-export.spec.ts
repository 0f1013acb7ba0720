// Following up, end to end: a supporter signs asking to hear back; an admin sees the signature on the dashboard,
// posts an update, the follower gets it with a working one-click unsubscribe, the case page shows it; and the
// admin exports the signatures with the case page's button (a POST from this origin; nobody else can). Real
// Chromium, the real server, mail read from a real SMTP server.
import type { Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { countAuditRows, createConfirmedSignatures, createTestCase } from "./support/data";
import { expect, test } from "./support/fixtures";
import { confirmFromMail, fillSignForm } from "./support/journey";
import { uniqueEmail, type CapturedMail } from "./support/mail";

const PERSON = "Narges Mohammadi";

async function signAndFollow(page: Page, slug: string, supporter: { fullName: string; email: string; country: string }, person = PERSON) {
  await page.goto(`/cases/${slug}`);
  await fillSignForm(page, supporter);
  await page.getByLabel(`Tell me what happens to ${person}`).check();
  await page.getByRole("button", { name: "Send my appeal" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${slug}/check-email`));
  await confirmFromMail(page, supporter.email);
}

const isNotice = (m: CapturedMail) => m.subject.startsWith("Update:") || m.subject.startsWith("Outcome:");

test("sign and follow → dashboard → post update → follower mailed → timeline → unsubscribe", async ({ page, browser, signIn, mail }) => {
  const theCase = createTestCase({ personName: PERSON, targets: 1 });
  const supporter = { fullName: "Ayşe 李明 O'Brien", email: uniqueEmail("follower"), country: "GB" };
  await signAndFollow(page, theCase.slug, supporter);

  const context = await browser.newContext();
  const adminPage = await context.newPage();
  await signIn({ page: adminPage, role: "admin", label: "updates-admin" });

  // the dashboard counts the one confirmed signature, and the case's page has the country row
  await adminPage.getByRole("link", { name: "Signatures" }).click();
  await expect(adminPage).toHaveURL(/\/admin\/dashboard$/);
  const row = adminPage.getByRole("listitem").filter({ hasText: theCase.reference });
  await expect(row.getByTestId("confirmed")).toHaveText("1");
  await expect(row).toContainText("1 of 1,000 appeals");
  await row.getByRole("link", { name: PERSON, exact: true }).click();
  await expect(adminPage).toHaveURL(new RegExp(`/admin/cases/${theCase.id}/stats$`));
  await expect(adminPage.getByRole("row", { name: /United Kingdom/ })).toContainText("1");
  await expect(adminPage.getByRole("table", { name: "Appeals by delivery state" })).toBeVisible();

  // post an update that changes the status
  await adminPage.getByRole("link", { name: "Updates" }).first().click();
  await expect(adminPage.getByRole("heading", { level: 1 })).toContainText(PERSON);
  const title = `Released on bail ${Date.now()}`;
  await adminPage.getByLabel("Outcome").check();
  await adminPage.getByLabel("Title").fill(title);
  await adminPage.getByLabel("What happened").fill("She was **released** this morning. Thank you for writing.");
  await adminPage.getByLabel("New status (optional)").selectOption("released");
  await adminPage.getByRole("button", { name: "Post update" }).click();
  await expect(adminPage.getByText(`Posted “${title}”. Emailing 1 supporter who asked to hear back.`)).toBeVisible();
  await expect(adminPage.getByRole("heading", { level: 3, name: title })).toBeVisible();

  // the follower gets it once, with the RFC 8058 headers and the link in the body
  const mails = await mail.waitFor(supporter.email, { count: 2 });
  const notices = mails.filter(isNotice);
  expect(notices).toHaveLength(1);
  const notice = notices[0]!;
  expect(notice.subject).toBe(`Outcome: ${PERSON}: ${title}`);
  expect(notice.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  const oneClick = /^<(https?:\/\/[^>]+\/api\/unsubscribe\/[^/]+\/[A-Za-z0-9_-]+)>$/.exec(notice.headers["list-unsubscribe"] ?? "")?.[1];
  expect(oneClick).toBeTruthy();
  const pageLink = /https?:\/\/\S+\/unsubscribe\/\S+/.exec(notice.text)?.[0];
  expect(pageLink).toBeTruthy();
  expect(notice.text).toContain(`/cases/${theCase.slug}`);

  // the public timeline shows it (cached page: revalidated on post, and at most 5 s old anyway)
  await expect
    .poll(async () => (await page.request.get(`/cases/${theCase.slug}`)).text(), { timeout: 8_000, message: "the update on the case page" })
    .toContain(title);
  await page.goto(`/cases/${theCase.slug}`);
  const timeline = page.getByRole("region", { name: "Updates" });
  await expect(timeline.getByRole("heading", { name: title })).toBeVisible();
  await expect(timeline).toContainText("Status changed to Released");

  // a forged one-click POST is refused; the page from the mail shows a button; pressing it unsubscribes
  const forged = await page.request.post(oneClick!.replace(/\/[A-Za-z0-9_-]+$/, `/${"A".repeat(43)}`), { form: { "List-Unsubscribe": "One-Click" } });
  expect(forged.status()).toBe(404);
  await page.goto(pageLink!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Stop emails about ${PERSON}?`);
  await page.getByRole("button", { name: `Stop emails about ${PERSON}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You will get no more emails about this case");
  // the mail client's one-click POST afterwards is harmless
  const again = await page.request.post(oneClick!, { form: { "List-Unsubscribe": "One-Click" } });
  expect(again.status()).toBe(200);

  // a second update reaches nobody
  await adminPage.goto(`/admin/cases/${theCase.id}/updates`);
  await adminPage.getByLabel("Title").fill(`Second news ${Date.now()}`);
  await adminPage.getByLabel("What happened").fill("More news.");
  await adminPage.getByRole("button", { name: "Post update" }).click();
  await expect(adminPage.getByText("No supporter has asked for updates, so no email was sent.")).toBeVisible();
  await adminPage.waitForTimeout(1_000);
  expect((await mail.to(supporter.email)).filter(isNotice)).toHaveLength(1);
  await context.close();
});

test("the one-click header alone unsubscribes (RFC 8058 POST, no cookies, no page)", async ({ page, browser, signIn, mail }) => {
  const theCase = createTestCase({ personName: "Ahmed Mansoor", targets: 1 });
  const supporter = { fullName: "ليلى حداد", email: uniqueEmail("one-click"), country: "LB" };
  await signAndFollow(page, theCase.slug, supporter, "Ahmed Mansoor");

  const context = await browser.newContext({ javaScriptEnabled: false });
  const adminPage = await context.newPage();
  await signIn({ page: adminPage, role: "admin", label: "one-click-admin" });
  // without JavaScript: the form posts, a bad field is reported beside itself and nothing typed is lost
  await adminPage.goto(`/admin/cases/${theCase.id}/updates`);
  await adminPage.getByLabel("Title").fill("Moved to Evin prison");
  await adminPage.getByLabel("What happened").fill("");
  await adminPage.getByRole("button", { name: "Post update" }).click();
  await expect(adminPage.locator("#update-body-error")).toContainText("Write what happened");
  await expect(adminPage.getByLabel("Title")).toHaveValue("Moved to Evin prison");
  await adminPage.getByLabel("What happened").fill("Her family learned of it on Monday.");
  await adminPage.getByRole("button", { name: "Post update" }).click();
  await expect(adminPage.getByText("Emailing 1 supporter")).toBeVisible();
  await context.close();

  const notice = (await mail.waitFor(supporter.email, { count: 2 })).find(isNotice)!;
  const oneClick = /^<([^>]+)>$/.exec(notice.headers["list-unsubscribe"] ?? "")![1]!;
  const cookieless = await browser.newContext();
  const res = await cookieless.request.post(oneClick, { form: { "List-Unsubscribe": "One-Click" } });
  expect(res.status()).toBe(200);
  // the page now says it is done, and a GET of the header URL (a scanner) changed nothing before that
  await page.goto(/https?:\/\/\S+\/unsubscribe\/\S+/.exec(notice.text)![0]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You will get no more emails about this case");
  await cookieless.close();
});

test("the export is a POST from this app's page only: a GET or another site's form takes nothing and logs nothing", async ({ browser, signIn }) => {
  const theCase = createTestCase({ personName: "Ilham Tohti", targets: 1 });
  const supporterName = "Ayşe 李明 O'Brien";
  const [follower] = createConfirmedSignatures({ caseId: theCase.id, country: "GB", count: 1, fullName: supporterName, followUpdates: true });
  const [quiet] = createConfirmedSignatures({ caseId: theCase.id, country: "DE", count: 1, fullName: supporterName });
  const exportUrl = `/admin/cases/${theCase.id}/export`;
  const exports = () => countAuditRows({ action: "signatures.export", subjectId: theCase.id });

  const context = await browser.newContext();
  const adminPage = await context.newPage();
  const { email: admin } = await signIn({ page: adminPage, role: "admin", label: "export-admin" });

  // a GET (a link, a prefetch, another site's <img>) with the admin's cookie: 405, nothing taken, nothing logged
  const viaGet = await adminPage.request.get(exportUrl, { maxRedirects: 0 });
  expect(viaGet.status()).toBe(405);
  expect(viaGet.headers()["allow"]).toBe("POST");
  expect(await viaGet.text()).not.toContain(supporterName);
  expect(exports()).toBe(0);

  // another site's form posting with the admin's cookie: refused, nothing taken, nothing logged
  const foreign = await adminPage.request.post(exportUrl, { headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).not.toContain(supporterName);
  const crossSite = await adminPage.request.post(exportUrl, { headers: { "Sec-Fetch-Site": "cross-site" }, maxRedirects: 0 });
  expect(crossSite.status()).toBe(403);
  expect(exports()).toBe(0);

  // the button on the case page: a download of the CSV, the page stays, and exactly one audit row
  await adminPage.goto(`/admin/cases/${theCase.id}/stats`);
  const [download, csv] = await Promise.all([
    adminPage.waitForEvent("download"),
    adminPage.waitForResponse((r) => r.url().endsWith(exportUrl) && r.request().method() === "POST"),
    adminPage.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${theCase.slug}-signatures.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toBe(`attachment; filename="${theCase.slug}-signatures.csv"`);
  expect(csv.headers()["cache-control"]).toContain("no-store");
  const body = await readFile((await download.path())!, "utf8");
  expect(body).toContain(`"${supporterName}"`); // intact, quotes and scripts
  expect(body).toContain(follower!); // asked to hear back
  expect(body).not.toContain(quiet!);
  await expect(adminPage).toHaveURL(new RegExp(`/admin/cases/${theCase.id}/stats$`));
  expect(exports()).toBe(1);
  await adminPage.goto("/admin/audit");
  await expect(adminPage.getByRole("listitem").filter({ hasText: "exported signatures" }).first()).toContainText(admin);

  // without a session (even from this app's origin): refused, no CSV
  const sameOrigin = { Origin: new URL(adminPage.url()).origin };
  const stranger = await browser.newContext();
  const refused = await stranger.request.post(exportUrl, { headers: sameOrigin, maxRedirects: 0 });
  expect(refused.status()).toBe(404);
  expect(refused.headers()["content-type"]).not.toContain("text/csv");
  expect(await refused.text()).not.toContain(supporterName);
  await stranger.close();

  // a campaigner's session: refused too
  const campaignerContext = await browser.newContext();
  const campaignerPage = await campaignerContext.newPage();
  await signIn({ page: campaignerPage, role: "campaigner", label: "export-campaigner" });
  const byCampaigner = await campaignerPage.request.post(exportUrl, { headers: sameOrigin, maxRedirects: 0 });
  expect(byCampaigner.status()).toBe(403);
  expect(await byCampaigner.text()).not.toContain(supporterName);
  await campaignerContext.close();
  expect(exports()).toBe(1);
  await context.close();
});
