// Withdrawing access end to end: an admin (without JavaScript, the harder path) disables a campaigner; the link
// already mailed to them signs nobody in, their open session is gone; enabled again, a fresh link works.
import { expect, test } from "./support/fixtures";
import { followSignInLink, inviteStaff, requestSignInLink, signInByMail, signInLinkIn, uniqueStaffEmail } from "./support/staff";

test("a disabled campaigner's mailed link and open session stop working; enabled again, a fresh link works", async ({ browser, signIn, mail }) => {
  const adminContext = await browser.newContext({ javaScriptEnabled: false });
  const { page: admin } = await signIn({ page: await adminContext.newPage(), role: "admin", label: "disabler" });

  const campaigner = uniqueStaffEmail("to-disable");
  inviteStaff(campaigner, "campaigner");
  // one browser signed in, another holding a link asked for and not yet used
  const sessionContext = await browser.newContext();
  const session = await sessionContext.newPage();
  await signInByMail(session, campaigner);
  const linkContext = await browser.newContext();
  const linkPage = await linkContext.newPage();
  await requestSignInLink(linkPage, campaigner);
  const mailedBefore = signInLinkIn((await mail.waitFor(campaigner, { count: 2 })).at(-1)!.text);

  // Disable asks first; the question is a page of its own without JavaScript
  await admin.goto("/admin/people");
  await admin.getByRole("button", { name: `Disable ${campaigner}`, exact: true }).click();
  await expect(admin.getByText(`Disable ${campaigner}? Their sessions end now`)).toBeVisible();
  await admin.getByRole("button", { name: "Cancel" }).click();
  await expect(admin.getByRole("button", { name: `Yes, disable ${campaigner}` })).toHaveCount(0);
  await admin.getByRole("button", { name: `Disable ${campaigner}`, exact: true }).click();
  await admin.getByRole("button", { name: `Yes, disable ${campaigner}` }).click();
  await expect(admin.getByText("Disabled: they cannot sign in until an admin enables them. 1 session ended.")).toBeVisible();
  const row = admin.getByRole("listitem").filter({ hasText: campaigner });
  await expect(row.getByText(/^Disabled since /)).toBeVisible();
  // no Disable on the admin's own row
  await expect(admin.getByRole("button", { name: /^Disable .*disabler/ })).toHaveCount(0);

  // inviting the address again does not let them back in
  await admin.getByLabel("Email address").fill(campaigner);
  await admin.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(admin.locator("#invite-email-error")).toHaveText(/This account is disabled; enable it first\./);

  // the link mailed before signs nobody in, and says so
  await followSignInLink(linkPage, mailedBefore);
  await expect(linkPage).toHaveURL(/\/admin\/sign-in\/error\?error=Verification/);
  await expect(linkPage.getByRole("heading", { level: 1 })).toHaveText("This sign-in link no longer works");
  await expect(linkPage.getByText("an admin has withdrawn this account's access")).toBeVisible();
  await linkPage.goto("/admin");
  await expect(linkPage).toHaveURL(/\/admin\/sign-in$/);
  // the open session is gone
  await session.goto("/admin");
  await expect(session).toHaveURL(/\/admin\/sign-in$/);

  // enabled again: the old link still works for nobody, a fresh one does
  await admin.getByRole("button", { name: `Enable ${campaigner}` }).click();
  await expect(admin.getByText("Enabled: they can sign in again.")).toBeVisible();
  await expect(admin.getByRole("button", { name: `Disable ${campaigner}`, exact: true })).toBeVisible();
  await followSignInLink(linkPage, mailedBefore);
  await expect(linkPage).toHaveURL(/\/admin\/sign-in\/error\?error=Verification/);
  await requestSignInLink(linkPage, campaigner);
  const fresh = signInLinkIn((await mail.waitFor(campaigner, { count: 3 })).at(-1)!.text);
  expect(fresh).not.toBe(mailedBefore);
  await followSignInLink(linkPage, fresh);
  await expect(linkPage).toHaveURL(/\/admin$/);
  await expect(linkPage.getByText(`Signed in as ${campaigner}`)).toBeVisible();

  await Promise.all([adminContext.close(), sessionContext.close(), linkContext.close()]);
});
