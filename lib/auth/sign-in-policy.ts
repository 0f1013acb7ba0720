import "server-only";
import { eq } from "drizzle-orm";
import { getDb, writeTransaction, type Db } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { env } from "../env";
import { normalizeStaffEmail } from "./schemas";

function isAdminEmail(email: string): boolean {
  return env().ADMIN_EMAILS.includes(email);
}

/** May this address sign in? Yes for an invited (users row) account that is not disabled, and for an address in
 * ADMIN_EMAILS. A disabled account stays out even when listed in ADMIN_EMAILS: disabling is the later decision.
 * Reads only; the sign-in form answers every address alike, so nothing here may show. */
export function isSignInAllowed({ email }: { email: string }): boolean {
  return isSignInAllowedIn(getDb(), { email });
}

/** isSignInAllowed inside the caller's transaction, so the answer and the work it allows commit together. */
export function isSignInAllowedIn(tx: Db, { email }: { email: string }): boolean {
  const address = normalizeStaffEmail(email);
  const row = tx.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.email, address)).get();
  if (row) return row.disabledAt === null;
  return isAdminEmail(address);
}

/** The decision when a sign-in link is followed. An address in ADMIN_EMAILS gets its users row made, or its
 * role raised to admin, here, so Auth.js finds an invited account and never creates one itself. */
export function authorizeSignIn({ email }: { email: string }, now = new Date()): boolean {
  const address = normalizeStaffEmail(email);
  return writeTransaction((tx) => {
    const row = tx.select({ id: users.id, role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.email, address)).get();
    if (row?.disabledAt) return false;
    if (!isAdminEmail(address)) return row !== undefined;
    if (row && row.role === "admin") return true;
    if (row) {
      tx.update(users).set({ role: "admin" }).where(eq(users.id, row.id)).run();
      recordAudit(tx, { actorUserId: null, action: "user.role_from_config", subjectType: "user", subjectId: row.id, details: { role: "admin", from: row.role } }, now);
      return true;
    }
    const id = crypto.randomUUID();
    tx.insert(users).values({ id, email: address, role: "admin", invitedAt: now }).run();
    recordAudit(tx, { actorUserId: null, action: "user.admin_from_config", subjectType: "user", subjectId: id, details: { role: "admin" } }, now);
    return true;
  });
}
