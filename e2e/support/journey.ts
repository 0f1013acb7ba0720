import { expect, type Page } from "@playwright/test";
import { confirmLinkIn, waitForMail } from "./mail";

export type Supporter = { fullName: string; email: string; country: string; message?: string };

export async function fillSignForm(page: Page, s: Supporter) {
  await page.getByLabel("Your full name").fill(s.fullName);
  await page.getByLabel("Your email address").fill(s.email);
  await page.getByLabel("Your country").selectOption(s.country);
  if (s.message) await page.getByLabel("A personal line (optional)").fill(s.message);
}

/** Reads the confirmation mail from the SMTP server, opens its link, and confirms on the page it shows. */
export async function confirmFromMail(page: Page, email: string) {
  const [mail] = await waitForMail(email);
  const link = confirmLinkIn(mail!);
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my appeal" }).click();
  await expect(page).toHaveURL(/\/thanks/);
  return link;
}
