// Every public page and every admin page, checked by axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules
// (issue 10). No rule is switched off and no region left out (docs/decisions/020-accessibility.md): a violation is
// fixed in the app. Each group walks its pages in one browser context and reports every violation at once.
import { AxeBuilder } from "@axe-core/playwright";
import { eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { getDb } from "@/db/client";
import { letterTemplates } from "@/db/schema";
import { createTestCase } from "./support/data";
import { expect, test } from "./support/fixtures";
import { fillSignForm } from "./support/journey";
import { uniqueEmail, waitForMail } from "./support/mail";

// a walk through twenty pages, each analysed: longer than the one-page default
test.describe.configure({ timeout: 240_000 });

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Runs axe on what `page` shows now; returns one readable line per failing element. */
async function violationsOn(page: Page, label: string): Promise<string[]> {
  // legacy mode runs axe in the page itself: no extra blank page per run (that doubled the time); Vigil has no
  // cross-origin frames, the one thing legacy mode cannot look into
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${label} (${new URL(page.url()).pathname}): ${v.id} at ${n.target.join(" ")}: ${n.failureSummary?.replace(/\s+/g, " ") ?? v.help}`),
  );
}

/** Collects the violations of a walk through several pages, so one run lists all of them. */
function audit(page: Page) {
  const found: string[] = [];
  return {
    async check(label: string) {
      // after a server action's redirect the address changes a moment before the new page's <title> is applied:
      // wait for a title (a page that never gets one still fails, here) so axe reads the page the user sees
      await expect(page, `${label} has a title`).toHaveTitle(/\S/);
      found.push(...(await violationsOn(page, label)));
    },
    async visit(path: string, label = path) {
      await page.goto(path);
      await this.check(label);
    },
    found,
  };
}

test("public pages pass axe (WCAG 2.x A/AA)", async ({ page, mail }) => {
  const a = audit(page);
  const theCase = createTestCase({ targets: 2, personName: "Gao Zhisheng" });
  const closed = createTestCase({ targets: 1, state: "closed", personName: "Ilham Tohti" });

  await a.visit("/", "home");
  await a.visit(`/cases/${closed.slug}`, "closed case");
  await a.visit(`/cases/${theCase.slug}`, "case page");
  await page.getByRole("button", { name: "Send my appeal" }).click();
  await expect(page.locator("[id$='fullName-error']").first()).toBeVisible();
  await a.check("sign form with errors");
  const email = uniqueEmail("axe");
  await fillSignForm(page, { fullName: "Amira Haddad", email, country: "GB", message: "Let his family see him." });
  await page.getByRole("button", { name: "Preview my letter" }).click();
  await expect(page.locator(".letter").first()).toContainText("Amira Haddad");
  await a.check("sign form with preview");
  await page.getByRole("button", { name: "Send my appeal" }).click();
  await expect(page).toHaveURL(/check-email/);
  await a.check("check your email");

  const [confirmation] = await waitForMail(email);
  const link = mail.confirmLinkIn(confirmation!);
  await a.visit(link, "confirm page");
  await page.getByRole("button", { name: "Confirm my appeal" }).click();
  await expect(page).toHaveURL(/\/thanks/);
  await a.check("thank-you page");
  await a.visit(link, "confirm page, already confirmed");
  await a.visit("/confirm/this-token-was-never-issued-by-vigil-000", "confirm page, forged link");

  // the confirm-changed page: a new wording approved between signing and confirming
  const changed = createTestCase({ targets: 1, personName: "Rahile Dawut" });
  const changedEmail = uniqueEmail("axe-changed");
  await page.goto(`/cases/${changed.slug}`);
  await fillSignForm(page, { fullName: "Sam Taylor", email: changedEmail, country: "IE" });
  await page.getByRole("button", { name: "Send my appeal" }).click();
  await expect(page).toHaveURL(/check-email/);
  await page.goto(mail.confirmLinkIn((await waitForMail(changedEmail))[0]!));
  getDb()
    .update(letterTemplates)
    .set({ body: "{{target.salutation}},\n\nFree {{case.personName}}.\n\n{{supporter.name}}", updatedAt: new Date() })
    .where(eq(letterTemplates.caseId, changed.id))
    .run();
  await page.getByRole("button", { name: "Confirm my appeal" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("This case changed after you signed");
  await a.check("confirm page, case changed");

  await a.visit("/about");
  await a.visit("/accessibility");
  await a.visit("/erase");
  await page.getByLabel("The email address you signed with").fill(email);
  await page.getByRole("button", { name: "Email me the link" }).click();
  await expect(page).toHaveURL(/\/erase\/check-email$/);
  await a.check("erase, check your email");
  const eraseMail = (await mail.waitFor(email, { count: 2 })).find((m) => m.subject.startsWith("Erase your details"))!;
  await a.visit(/https?:\/\/\S+\/erase\/[A-Za-z0-9_-]+/.exec(eraseMail.text)![0], "erase, confirm");
  await page.getByRole("button", { name: "Erase my details" }).click();
  await expect(page).toHaveURL(/\/erase\/done$/);
  await a.check("erase, done");
  await a.visit(`/unsubscribe/${crypto.randomUUID()}/not-a-token`, "unsubscribe, unknown link");
  await a.visit("/no-such-page-anywhere", "404");

  expect(a.found).toEqual([]);
});

test("public pages pass axe in Arabic, right to left (WCAG 2.x A/AA)", async ({ page, mail }) => {
  const a = audit(page);
  const theCase = createTestCase({ targets: 2, personName: "Gao Zhisheng" });
  const closed = createTestCase({ targets: 1, state: "closed", personName: "Ilham Tohti" });

  await a.visit("/ar", "home (ar)");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await a.visit(`/ar/cases/${closed.slug}`, "closed case (ar)");
  await a.visit(`/ar/cases/${theCase.slug}`, "case page (ar)");
  await page.getByRole("button", { name: "إرسال مناشدتي" }).click();
  await expect(page.locator("[id$='fullName-error']").first()).toBeVisible();
  await a.check("sign form with errors (ar)");
  const email = uniqueEmail("axe-ar");
  await page.getByLabel("اسمكم الكامل").fill("أميرة حداد");
  await page.getByLabel("عنوان بريدكم الإلكتروني").fill(email);
  await page.getByLabel("بلدكم").selectOption("EG");
  await page.getByRole("button", { name: "معاينة رسالتي" }).click();
  await expect(page.locator(".letter").first()).toContainText("أميرة حداد");
  await a.check("sign form with preview (ar)");
  await page.getByRole("button", { name: "إرسال مناشدتي" }).click();
  await expect(page).toHaveURL(/\/ar\/.*check-email/);
  await a.check("check your email (ar)");
  const link = mail.confirmLinkIn((await waitForMail(email))[0]!);
  await a.visit(link, "confirm page (ar)");
  await page.getByRole("button", { name: "تأكيد مناشدتي" }).click();
  await expect(page).toHaveURL(/\/ar\/.*\/thanks/);
  await a.check("thank-you page (ar)");
  await a.visit("/ar/confirm/this-token-was-never-issued-by-vigil-000", "confirm page, forged link (ar)");
  for (const path of ["/ar/about", "/ar/accessibility", "/ar/erase"]) await a.visit(path);
  await a.visit(`/ar/unsubscribe/${crypto.randomUUID()}/not-a-token`, "unsubscribe, unknown link (ar)");
  await a.visit("/ar/no-such-page-anywhere", "404 (ar)");
  await a.visit("/xx/no-such-language", "404, unknown language");

  expect(a.found).toEqual([]);
});

test("admin pages pass axe (WCAG 2.x A/AA)", async ({ admin: { page } }) => {
  const a = audit(page);
  const theCase = createTestCase({ targets: 2, personName: "Gao Zhisheng" });
  const draft = createTestCase({ state: "draft", personName: "Gulshan Abbas" });

  for (const path of ["/admin", "/admin/dashboard", "/admin/cases", "/admin/cases/new", "/admin/people", "/admin/audit", "/admin/missions", "/admin/print", "/admin/erase"]) {
    await a.visit(path);
  }
  for (const c of [theCase, draft]) {
    for (const tab of ["", "/targets", "/letter", "/review", "/updates", "/changes", "/stats", "/print", "/digests"]) {
      await a.visit(`/admin/cases/${c.id}${tab}`, `${c === draft ? "draft" : "published"} case ${tab || "editor"}`);
    }
  }
  await a.visit(`/admin/cases/${draft.id}/preview`, "staff preview of a draft");

  expect(a.found).toEqual([]);
});

test("sign-in pages pass axe (WCAG 2.x A/AA)", async ({ page, signIn }) => {
  const a = audit(page);
  await a.visit("/admin/sign-in", "sign-in");
  await a.visit("/admin/sign-in/error?error=Verification", "sign-in error");
  // the check-email and continue pages, on the way in
  const pages: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) pages.push(frame.url());
  });
  await signIn({ page, role: "campaigner" });
  for (const url of pages.filter((u) => /\/admin\/sign-in\/(check-email|continue)/.test(u))) await a.visit(url, "sign-in step");

  expect(a.found).toEqual([]);
});
