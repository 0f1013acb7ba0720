// The staff preview of an unpublished case shows the sign form as supporters will see it, but switched off: every
// field and button disabled and a note saying so (issue 8, low). The command refuses such a case anyway
// (lib/signatures/sign-and-confirm.test.ts, "takes signatures only for published cases").
import { createTestCase } from "./support/data";
import { expect, test } from "./support/fixtures";

test("the staff preview of a draft shows the sign form switched off", async ({ admin: { page } }) => {
  const draft = createTestCase({ state: "draft", personName: "Gulshan Abbas" });
  await page.goto(`/admin/cases/${draft.id}/preview`);
  await expect(page).toHaveURL(new RegExp(`/cases/${draft.slug}$`));
  await expect(page.getByText("Preview — not published.")).toBeVisible();
  await expect(page.getByText("Preview: signing is off")).toBeVisible();
  for (const label of ["Your full name", "Your email address", "Your country", "A personal line (optional)", "Sign with my initials only"]) {
    await expect(page.getByLabel(label)).toBeDisabled();
  }
  await expect(page.getByRole("button", { name: "Preview my letter" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Send my appeal" })).toBeDisabled();

  // a published case, seen by the same staff member, still takes signatures
  const live = createTestCase();
  await page.goto(`/cases/${live.slug}`);
  await expect(page.getByText("Preview: signing is off")).toHaveCount(0);
  await expect(page.getByLabel("Your full name")).toBeEnabled();
  await expect(page.getByRole("button", { name: "Send my appeal" })).toBeEnabled();
});
