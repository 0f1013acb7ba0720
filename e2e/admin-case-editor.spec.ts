// The case editor and publishing workflow end to end: real Chromium, the real server, sign-in links read from the
// real SMTP server, the case written through the UI, previewed at its real URL, published, and seen by the public.
import { eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { baseURL } from "../playwright.config";
import { getDb } from "@/db/client";
import { cases, letterTemplates, targets } from "@/db/schema";
import { createTestCase } from "./support/data";
import { expect, test } from "./support/fixtures";

const caseState = (id: string) => getDb().select({ state: cases.state, publishedAt: cases.publishedAt }).from(cases).where(eq(cases.id, id)).get();
const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The officials and model letter: their editors are other pages (Targets, Letter tabs), not under test here. */
function addTargetAndLetter(caseId: string) {
  getDb()
    .insert(targets)
    .values({ id: crypto.randomUUID(), caseId, position: 0, role: "primary", title: "Minister of Justice", name: "A. Official", postalAddress: "1 Ministry Road, Bamako", country: "ML", email: `minister-${caseId.slice(0, 8)}@example.org`, salutation: "Dear Minister", language: "en" })
    .run();
  getDb()
    .insert(letterTemplates)
    .values({ id: crypto.randomUUID(), caseId, language: "en", subject: "Release {{case.personName}}", body: "{{target.salutation}},\n\nRelease {{case.personName}} now.\n\n{{supporter.name}}", updatedAt: new Date() })
    .run();
}

test("an admin writes a case with a photo, keeps the text through an error, previews it, and publishes it", async ({ admin: { page }, browser }) => {
  const slug = `e2e-amina-${Date.now()}`;
  const story = `## Arrested at her office\n\nAmina was taken on **Monday** by men in plain clothes.\n\n<script>alert("x")</script>\n\n${"She has not been seen since. ".repeat(40)}`;

  await page.goto("/admin/cases");
  await page.getByRole("link", { name: "New case" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New case" })).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill("Amina Diallo");
  await page.getByLabel("Pronouns (optional)").fill("she/her");
  const png = await sharp({ create: { width: 60, height: 80, channels: 3, background: "#885533" } }).png().toBuffer();
  await page.getByLabel("Upload a photo").setInputFiles({ name: "amina.png", mimeType: "image/png", buffer: png });
  await page.getByLabel(/^Photo description/).fill("Amina Diallo in a green headscarf, smiling");
  await page.getByLabel("Photo credit (optional)").fill("Private");
  await page.getByLabel("Headline", { exact: true }).fill("Lawyer held incommunicado for defending protesters");
  await page.getByLabel("Reference", { exact: true }).fill("UA 99/26");
  await page.getByLabel("Web address").fill(slug);
  await page.getByLabel("Country", { exact: true }).selectOption("ML");
  await page.getByLabel("Situation", { exact: true }).selectOption("disappeared");
  await page.getByLabel("Tags (optional)").fill("africa, human-rights-defenders");
  await page.getByLabel("Summary", { exact: true }).fill("Amina Diallo, a human rights lawyer, was arrested and has not been seen since.");
  await page.getByLabel("Story", { exact: true }).fill(story);
  await expect(page.getByRole("region", { name: "Preview" }).getByRole("heading", { name: "Arrested at her office" })).toBeVisible();
  await page.getByLabel("Take action before").fill(isoDay(40));
  await page.getByLabel("Signature goal").fill("0");
  await page.getByRole("button", { name: "Save draft" }).click();

  // refused next to the field; every value, the long story and the uploaded photo kept
  await expect(page.locator("#case-goal-error")).toContainText("between 1 and 10,000,000");
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved yet" })).toContainText("Signature goal");
  await expect(page.getByLabel("Story", { exact: true })).toHaveValue(story);
  await expect(page.getByLabel("Web address")).toHaveValue(slug);
  await expect(page.getByLabel("Replace with another photo")).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/cases\/new$/);

  await page.getByLabel("Signature goal").fill("2500");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/admin\/cases\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByText("Draft saved.")).toBeVisible();
  const caseId = /\/admin\/cases\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  expect(caseState(caseId)?.state).toBe("draft");

  // not ready yet: publishing says why
  await page.getByRole("link", { name: "Review & publish" }).click();
  await expect(page.getByText("There is no official to write to")).toBeVisible();
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not ready to publish" })).toContainText("no official to write to");
  expect(caseState(caseId)?.state).toBe("draft");
  addTargetAndLetter(caseId);

  // staff preview at the real URL
  await page.getByRole("link", { name: "Preview as supporters see it" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${slug}$`));
  await expect(page.getByText("Preview — not published.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Amina Diallo" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Arrested at her office" })).toBeVisible();
  // raw HTML in the story is left out, never run
  await expect(page.locator("script", { hasText: 'alert("x")' })).toHaveCount(0);
  const photoSrc = await page.getByRole("img", { name: "Amina Diallo in a green headscarf, smiling" }).getAttribute("src");
  expect(photoSrc).toMatch(/^\/photos\/[a-f0-9]{32}\.webp$/);

  // nobody else can see it: not the page, not the API
  const stranger = await browser.newContext();
  const outsider = await stranger.newPage();
  expect((await outsider.goto(`/cases/${slug}`))?.status()).toBe(404);
  expect((await stranger.request.get(`/api/v1/cases/${slug}`)).status()).toBe(404);
  const before = (await (await stranger.request.get("/api/v1/cases")).json()) as { cases: { slug: string }[] };
  expect(before.cases.map((c) => c.slug)).not.toContain(slug);
  // nor the photo of a case not yet published
  expect((await stranger.request.get(photoSrc!)).status()).toBe(404);

  // publish
  await page.getByRole("link", { name: "Back to the editor" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/cases/${caseId}$`));
  await page.getByRole("link", { name: "Review & publish" }).click();
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByText(`Published: live at /cases/${slug}`)).toBeVisible();
  expect(caseState(caseId)?.state).toBe("published");

  await outsider.goto("/");
  await expect(outsider.getByRole("link", { name: /Amina Diallo/ }).first()).toBeVisible();
  const after = (await (await stranger.request.get("/api/v1/cases")).json()) as { cases: { slug: string }[] };
  expect(after.cases.map((c) => c.slug)).toContain(slug);
  // the photo is public now, re-encoded without metadata, cached briefly and revalidated (it can be taken down)
  const photo = await stranger.request.get(photoSrc!);
  expect(photo.status()).toBe(200);
  expect(photo.headers()["content-type"]).toBe("image/webp");
  expect(photo.headers()["x-content-type-options"]).toBe("nosniff");
  expect(photo.headers()["cache-control"]).toBe("public, max-age=300, must-revalidate");
  expect((await sharp(await photo.body()).metadata()).exif).toBeUndefined();
  const revalidated = await stranger.request.get(photoSrc!, { headers: { "If-None-Match": photo.headers()["etag"]! } });
  expect(revalidated.status()).toBe(304);
  const publicPage = await outsider.goto(`/cases/${slug}`);
  expect(publicPage?.status()).toBe(200);
  await expect(outsider.getByText("Preview — not published.")).toHaveCount(0);
  await expect(outsider.getByRole("heading", { name: "Write to the officials" })).toBeVisible();
  await stranger.close();
});

/** The publish form's fields as a browser without JavaScript would post them (with Next's action ids). */
async function publishFields(page: Page, caseId: string): Promise<Record<string, string>> {
  await page.goto(`/admin/cases/${caseId}/review`);
  const fields = await page
    .locator("form", { has: page.getByRole("button", { name: "Publish now" }) })
    .evaluate((form) => [...new FormData(form as HTMLFormElement)].map(([k, v]) => [k, String(v)] as [string, string]));
  return { ...Object.fromEntries(fields), intent: "now" };
}

test("the publish action refuses a request without a session and a campaigner's, and works for an admin", async ({ admin: { page }, browser, signIn }) => {
  const c = createTestCase({ state: "in_review" });
  const fields = await publishFields(page, c.id);
  const post = (request: typeof page.request) =>
    request.post(`/admin/cases/${c.id}/review`, { multipart: fields, headers: { Origin: baseURL }, maxRedirects: 0 });

  const anonymous = await browser.newContext();
  expect((await post(anonymous.request)).status()).toBeLessThan(500);
  expect(caseState(c.id)).toEqual({ state: "in_review", publishedAt: null });
  await anonymous.close();

  const campaignerContext = await browser.newContext();
  const campaignerPage = await campaignerContext.newPage();
  await signIn({ page: campaignerPage, role: "campaigner", label: "not-a-publisher" });
  await campaignerPage.goto(`/admin/cases/${c.id}/review`);
  await expect(campaignerPage.getByRole("button", { name: "Submit for review" })).toHaveCount(0);
  await expect(campaignerPage.getByRole("button", { name: "Publish now" })).toHaveCount(0);
  await expect(campaignerPage.getByText("Waiting for an admin to review and publish.")).toBeVisible();
  const refused = await post(campaignerPage.request);
  expect(refused.status()).toBeLessThan(500);
  expect(await refused.text()).toContain("Your account is not allowed to do this.");
  expect(caseState(c.id)).toEqual({ state: "in_review", publishedAt: null });
  await campaignerContext.close();

  // control: the very same post from the admin publishes, so the refusals above were refusals
  await post(page.request);
  expect(caseState(c.id)?.state).toBe("published");
});

test("without JavaScript, a campaigner previews the story and keeps it through a validation error", async ({ browser, signIn }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn({ page, role: "campaigner", label: "no-js-writer" });
  await page.goto("/admin/cases/new");
  const story = "A *long* story\n\n- first point\n- second point";
  await page.getByLabel("Name", { exact: true }).fill("Li Qiaochu");
  await page.getByLabel("Story", { exact: true }).fill(story);
  await page.getByRole("button", { name: "Preview story" }).click();
  await expect(page.getByRole("region", { name: "Preview" }).getByRole("listitem")).toHaveCount(2);
  await expect(page.getByLabel("Story", { exact: true })).toHaveValue(story);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Li Qiaochu");

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator("#case-title-error")).toContainText("Enter a headline");
  await expect(page.locator("#case-summary-error")).toContainText("Enter a summary");
  await expect(page.getByLabel("Story", { exact: true })).toHaveValue(story);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Li Qiaochu");
  await context.close();
});

/** A surname no other test uses, so the address made from it is this test's own: "Qhzvtkwa". */
const uniqueSurname = () => `Q${Array.from({ length: 7 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("")}`;

async function fillRequiredExceptAddress(page: Page, reference: string) {
  await page.getByLabel("Headline", { exact: true }).fill("Academic held for his writing");
  await page.getByLabel("Reference", { exact: true }).fill(reference);
  await page.getByLabel("Country", { exact: true }).selectOption("CN");
  await page.getByLabel("Situation", { exact: true }).selectOption("detained");
  await page.getByLabel("Summary", { exact: true }).fill("A university president was sentenced after an unfair trial.");
}

test("the web address follows the name as it is typed, and a taken one is numbered on save", async ({ page, signIn }) => {
  await signIn({ page, role: "campaigner", label: "slug-writer" });
  const surname = uniqueSurname();
  const base = `tashpolat-${surname.toLowerCase()}`;
  // another case already has the address the name gives
  const other = createTestCase({ state: "draft" });
  getDb().update(cases).set({ slug: base }).where(eq(cases.id, other.id)).run();

  await page.goto("/admin/cases/new");
  await expect(page.getByText("Made from the person’s name if left empty")).toBeVisible();
  const address = page.getByLabel("Web address");
  await expect(address).toHaveValue("");
  await page.getByLabel("Name", { exact: true }).fill(`Tashpolat ${surname}`);
  await expect(address).toHaveValue(base);
  // typed by hand, it no longer follows the name; emptied, it follows again
  await address.fill("my-own-words");
  await page.getByLabel("Name", { exact: true }).fill(`Tashpolat Tiyip ${surname}`);
  await expect(address).toHaveValue("my-own-words");
  await address.fill("");
  await page.getByLabel("Name", { exact: true }).fill(`Tashpolat ${surname}`);
  await expect(address).toHaveValue(base);

  await fillRequiredExceptAddress(page, `UA ${surname}`);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/admin\/cases\/[0-9a-f-]{36}\?created=1$/);
  const caseId = /\/admin\/cases\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await expect(page.getByLabel("Web address")).toHaveValue(`${base}-2`);
  await expect(page.getByLabel("Web address")).toBeEditable();
  expect(getDb().select({ slug: cases.slug }).from(cases).where(eq(cases.id, caseId)).get()?.slug).toBe(`${base}-2`);
});

test("without JavaScript, a case saved with the web address left empty gets one made from the name", async ({ browser, signIn }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn({ page, role: "campaigner", label: "no-js-slug" });
  const surname = uniqueSurname();
  await page.goto("/admin/cases/new");
  await page.getByLabel("Name", { exact: true }).fill(`Gülshan ${surname}`);
  await page.getByLabel("Name in their own script (optional)").fill("گۈلشەن ئابباس");
  await fillRequiredExceptAddress(page, `UA ${surname}`);
  await expect(page.getByLabel("Web address")).toHaveValue("");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/admin\/cases\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByLabel("Web address")).toHaveValue(`gulshan-${surname.toLowerCase()}`);
  await expect(page.getByLabel("Web address")).toBeEditable();
  await context.close();
});

test("a case whose deadline has passed shows a clear notice instead of the form", async ({ page }) => {
  const c = createTestCase({ state: "published", actBefore: isoDay(-2) });
  await page.goto(`/cases/${c.slug}`);
  await expect(page.getByRole("heading", { name: "This urgent action is closed" })).toBeVisible();
  await expect(page.getByText(/This urgent action closed on/)).toBeVisible();
  await expect(page.getByRole("button", { name: /send/i })).toHaveCount(0);
});
