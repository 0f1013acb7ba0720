// Playwright fixtures for the setup most specs share: a signed-in admin or campaigner, a published case, and
// the SMTP capture. Specs import `test` and `expect` from here instead of from @playwright/test.
import { test as base, type Page } from "@playwright/test";
import type { UserRole } from "@/db/schema";
import type { CreatedTestCase } from "../../tests/support/factories";
import { createTestCase } from "./data";
import { confirmLinkIn, mailTo, waitForMail, type CapturedMail } from "./mail";
import { inviteStaff, signInByMail, uniqueStaffEmail } from "./staff";

export { expect } from "@playwright/test";

/** Someone on the staff, signed in (by the emailed link, as a person does) in `page`. */
export type SignedInStaff = { email: string; page: Page };

/** What the SMTP capture received, read through its HTTP API (the workers are other processes). */
export type Mail = {
  /** Every message to `address` so far. */
  to(address: string): Promise<CapturedMail[]>;
  /** Polls until `count` messages to `address` have arrived, then returns them. */
  waitFor(address: string, options?: { count?: number; timeout?: number }): Promise<CapturedMail[]>;
  confirmLinkIn(mail: CapturedMail): string;
};

type Fixtures = {
  /** A new admin, invited and signed in in the test's own `page`. */
  admin: SignedInStaff;
  /** A new campaigner, invited and signed in in the test's own `page`. */
  campaigner: SignedInStaff;
  /** Invites a new staff member with `role` and signs them in in `page`: for a second person, or a context
   * without JavaScript. */
  signIn(options: { page: Page; role: UserRole; label?: string }): Promise<SignedInStaff>;
  /** A published case open for 30 more days, with two officials reachable by email (see createTestCase). */
  testCase: CreatedTestCase;
  mail: Mail;
};

async function signInAs({ page, role, label = role }: { page: Page; role: UserRole; label?: string }): Promise<SignedInStaff> {
  const email = uniqueStaffEmail(label);
  inviteStaff(email, role);
  await signInByMail(page, email);
  return { email, page };
}

// `provide`, not Playwright's usual `use`: the React hooks lint takes any call to `use` for React's hook. The empty
// patterns are required: Playwright reads a fixture's dependencies from its first parameter.
export const test = base.extend<Fixtures>({
  admin: async ({ page }, provide) => {
    await provide(await signInAs({ page, role: "admin" }));
  },
  campaigner: async ({ page }, provide) => {
    await provide(await signInAs({ page, role: "campaigner" }));
  },
  // oxlint-disable-next-line no-empty-pattern
  signIn: async ({}, provide) => {
    await provide(signInAs);
  },
  // oxlint-disable-next-line no-empty-pattern
  testCase: async ({}, provide) => {
    await provide(createTestCase());
  },
  // oxlint-disable-next-line no-empty-pattern
  mail: async ({}, provide) => {
    await provide({ to: mailTo, waitFor: waitForMail, confirmLinkIn });
  },
});
