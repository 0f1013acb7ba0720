// Five languages with the locale in the URL (issue 10, docs/decisions/024-languages.md): a supporter signs and
// confirms in Arabic on a phone and in Chinese on a desktop, and the confirmation email comes in that language
// with links that keep it. Screenshots of each step go to test-results/languages/ for a person to look at.
import type { Page } from "@playwright/test";
import { createTestCase } from "./support/data";
import { expect, test } from "./support/fixtures";
import { uniqueEmail } from "./support/mail";

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/languages/${name}.png` });
  await page.screenshot({ path: `test-results/languages/${name}-full.png`, fullPage: true });
}

type Words = { fullName: string; email: string; country: string; send: string; confirm: string; subject: string; thanks: string };

async function signAndConfirm(page: Page, mail: { waitFor: (a: string) => Promise<{ subject: string; text: string }[]>; confirmLinkIn: (m: never) => string }, locale: string, words: Words, prefix: string) {
  const theCase = createTestCase({ targets: 2, personName: "Li Qiaochu" });
  await page.goto(`/${locale}/cases/${theCase.slug}`);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  // the story is the campaign's English: marked, and the page says so in the reader's language
  await expect(page.getByTestId("content-language-note")).toBeVisible();
  await expect(page.locator(".prose-vigil[lang='en']").first()).toBeVisible();
  await shot(page, `${prefix}-case`);
  await page.locator("#act").screenshot({ path: `test-results/languages/${prefix}-sign-form.png` });

  const email = uniqueEmail(`lang-${locale}`);
  await page.getByLabel(words.fullName).fill("Amira Haddad");
  await page.getByLabel(words.email).fill(email);
  await page.getByLabel(words.country).selectOption("GB");
  await page.getByRole("button", { name: words.send }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/cases/${theCase.slug}/check-email$`));
  await shot(page, `${prefix}-check-email`);

  const [confirmation] = await mail.waitFor(email);
  expect(confirmation!.subject).toContain(words.subject);
  const link = mail.confirmLinkIn(confirmation as never);
  expect(link).toContain(`/${locale}/confirm/`);
  expect(confirmation!.text).toContain(`/${locale}/erase`);
  await page.goto(link);
  await shot(page, `${prefix}-confirm`);
  await page.getByRole("button", { name: words.confirm }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/cases/${theCase.slug}/thanks`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(words.thanks);
  await shot(page, `${prefix}-thanks`);
  return confirmation!;
}

test("signs and confirms in Arabic on a 360 px phone, right to left, and gets the email in Arabic", async ({ page, mail }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  const confirmation = await signAndConfirm(page, mail, "ar", {
    fullName: "اسمكم الكامل",
    email: "عنوان بريدكم الإلكتروني",
    country: "بلدكم",
    send: "إرسال مناشدتي",
    confirm: "تأكيد مناشدتي",
    subject: "يُرجى تأكيد مناشدتكم من أجل",
    thanks: "شكرًا لكم",
  }, "ar-360");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  expect(confirmation.text).toContain("يعمل الرابط لمدة");
  // nothing wider than the phone: a mirrored layout that overflowed would scroll sideways
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("signs and confirms in Chinese on a desktop and gets the email in Chinese", async ({ page, mail }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const confirmation = await signAndConfirm(page, mail, "zh-Hans", {
    fullName: "您的全名",
    email: "您的电子邮箱",
    country: "您所在的国家或地区",
    send: "发送我的呼吁信",
    confirm: "确认我的呼吁信",
    subject: "请确认您为 Li Qiaochu 所写的呼吁信",
    thanks: "谢谢您",
  }, "zh-desktop");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  expect(confirmation.text).toContain("链接在 72 小时内有效");
});

test("shows the sign form's errors in the page's language", async ({ page }) => {
  const theCase = createTestCase({ targets: 1 });
  await page.goto(`/fr/cases/${theCase.slug}`);
  await page.getByRole("button", { name: "Envoyer mon appel" }).click();
  await expect(page.getByText("Saisissez votre nom tel que vous souhaitez qu’il apparaisse.").first()).toBeVisible();
  await page.getByLabel("Votre adresse e-mail").fill("deux@exemple.org, trois@exemple.org");
  await page.getByLabel("Votre adresse e-mail").blur();
  await expect(page.getByText("Saisissez une seule adresse e-mail").first()).toBeVisible();
});

test("picks the language from Accept-Language at /, keeps old paths working, and answers unknown ones in English", async ({ browser }) => {
  const theCase = createTestCase({ targets: 1 });
  const french = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: { "Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5" } });
  const page = await french.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/fr$/);
  await expect(page.getByText("Vigil s’affiche ici en français")).toBeVisible();
  // the old unprefixed address of a case (in mail already sent) still leads to it
  await page.goto(`/cases/${theCase.slug}`);
  await expect(page).toHaveURL(new RegExp(`/fr/cases/${theCase.slug}$`));
  // the switcher keeps the page and changes only the language
  await page.getByRole("navigation", { name: "Langue" }).getByRole("link", { name: "العربية" }).click();
  await expect(page).toHaveURL(new RegExp(`/ar/cases/${theCase.slug}$`));
  // the choice is remembered over the browser's language: "/" and old links now lead to Arabic
  await page.goto("/");
  await expect(page).toHaveURL(/\/ar$/);
  await page.goto(`/cases/${theCase.slug}`);
  await expect(page).toHaveURL(new RegExp(`/ar/cases/${theCase.slug}$`));
  await french.close();

  const broken = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": ";;;q=abc,, -- !!" } });
  const plain = await broken.newPage();
  const response = await plain.goto("/");
  expect(response?.status()).toBe(200);
  await expect(plain).toHaveURL(/\/en$/);

  const unknown = await plain.goto(`/de/cases/${theCase.slug}`);
  expect(unknown?.status()).toBe(404);
  await expect(plain.locator("html")).toHaveAttribute("lang", "en");
  for (const name of ["English", "Français", "Español", "العربية", "简体中文"]) await expect(plain.getByRole("link", { name })).toBeVisible();
  await broken.close();
});

test("every public page has the language switcher, the admin workspace has none", async ({ page }) => {
  const theCase = createTestCase({ targets: 1 });
  for (const path of ["/es", `/es/cases/${theCase.slug}`, "/es/about", "/es/erase", "/es/accessibility"]) {
    await page.goto(path);
    await expect(page.getByRole("navigation", { name: "Idioma" }), path).toBeVisible();
  }
  await page.goto("/admin/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
});

test("the about and accessibility pages are translated: French on a desktop, Arabic right to left on a phone, Chinese", async ({ page }) => {
  // French, 1280 px: the heading, the title and the retention periods (this server's defaults: 7, 30 and 2 days,
  // links for 72 hours) as whole French sentences; nothing in the page is marked English any more
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/fr/about");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Des lettres qui rappellent aux responsables que le monde les regarde");
  await expect(page).toHaveTitle("À propos de Vigil et de votre vie privée · Vigil");
  await expect(page.getByRole("heading", { level: 2, name: "Votre vie privée" })).toBeVisible();
  await expect(page.locator("#deletion")).toContainText("7 jours après l’expiration de son lien de confirmation (le lien est valable 72 heures)");
  await expect(page.locator("#deletion")).toContainText("sont supprimées au bout de 2 jours.");
  await expect(page.locator("main [lang='en']")).toHaveCount(0);
  await expect(page.getByText("This page is only in English for now.")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "page d’effacement" })).toHaveAttribute("href", "/fr/erase");
  await shot(page, "fr-1280-about");

  // Arabic, 360 px: mirrored, an Arabic heading, the dual form of "2 days" (its own plural form), nothing forced
  // left to right
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/ar/about");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("رسائل تُبلغ المسؤولين بأن العالم يراقب");
  await expect(page.getByRole("heading", { level: 2, name: "خصوصيتكم" })).toBeVisible();
  await expect(page.locator("#deletion")).toContainText("تُحذف بعد يومين.");
  await expect(page.locator("main [lang='en'], main [dir='ltr']")).toHaveCount(0);
  // no sentence wider than the phone: the page does not scroll sideways
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shot(page, "ar-360-about");
  for (const id of ["how", "deletion"]) await page.locator(`#${id}`).screenshot({ path: `test-results/languages/ar-360-about-${id}.png` });

  // Chinese, 360 px: the accessibility statement, its limits and how to report a problem (no contact address is
  // set here, so it names the organisation to reply to)
  await page.goto("/zh-Hans/accessibility");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("每个人都应该能够发出呼吁信");
  await expect(page).toHaveTitle("无障碍 · Vigil");
  await expect(page.getByRole("heading", { level: 2, name: "已知尚不完善的地方" })).toBeVisible();
  await expect(page.locator("#report bdi")).toHaveCount(1);
  await expect(page.locator("#report").getByRole("link", { name: "关于 Vigil" })).toHaveAttribute("href", "/zh-Hans/about");
  await expect(page.locator("main [lang='en']")).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shot(page, "zh-360-accessibility");
});
