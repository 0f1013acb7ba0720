// Keyboard alone (issue 10): from the top of a case page, Tab reaches every control of the sign form and each one
// shows a visible focus ring; the live letter preview is a polite live region that changes after a pause in
// typing, not at every key.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

/** What has focus now, and whether it draws a focus indicator (an outline or a box-shadow). */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== "none";
    const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}"`;
    return { name, visible: outline || shadow, inForm: Boolean(el.closest("form")), isSend: el.getAttribute("value") === "send" };
  });
}

test("Tab alone goes through the case page to Send my appeal, every stop with a visible focus", async ({ page, testCase }) => {
  await page.goto(`/cases/${testCase.slug}`);
  await expect(page.getByRole("button", { name: "Send my appeal" })).toBeEnabled();
  const stops: NonNullable<Awaited<ReturnType<typeof focused>>>[] = [];
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (!now) continue;
    stops.push(now);
    if (now.isSend) break;
  }
  const formStops = stops.filter((s) => s.inForm).map((s) => s.name);
  // the form's fields, its letter (a <summary>) and both buttons were reached by Tab
  for (const id of ["#sign-fullName", "#sign-email", "#sign-country", "#sign-message"]) expect(formStops.join("\n")).toContain(id);
  expect(formStops.some((s) => s.startsWith("summary"))).toBe(true);
  expect(formStops.some((s) => s.includes("Preview my letter"))).toBe(true);
  expect(stops.at(-1)?.isSend ?? false).toBe(true);
  expect(stops.filter((s) => !s.visible).map((s) => s.name)).toEqual([]);
});

test("the live preview is a polite live region that changes once after typing pauses", async ({ page, testCase }) => {
  await page.goto(`/cases/${testCase.slug}`);
  const region = page.locator("[aria-live='polite']").filter({ has: page.locator(".letter") });
  await expect(region).toHaveCount(1);
  // count the region's changes while a name is typed key by key
  await region.evaluate((el) => {
    const w = window as unknown as { previewChanges: number };
    w.previewChanges = 0;
    new MutationObserver(() => w.previewChanges++).observe(el, { subtree: true, childList: true, characterData: true });
  });
  await page.getByLabel("Your full name").pressSequentially("Amira Haddad", { delay: 60 });
  await expect(region.locator(".letter").first()).toContainText("Amira Haddad");
  // one update for the whole name (each MutationObserver callback is one rendered change), not twelve
  expect(await page.evaluate(() => (window as unknown as { previewChanges: number }).previewChanges)).toBe(1);
});
