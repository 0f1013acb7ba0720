import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users, type UserRole } from "@/db/schema";

export type CurrentUser = { id: string; email: string; role: UserRole };

/** The account behind a session, or null if it is gone or disabled: a disabled account's sessions stop working
 * at once, whatever their expiry. */
export function getActiveUserById({ id }: { id: string }): CurrentUser | null {
  const row = getDb()
    .select({ id: users.id, email: users.email, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, id))
    .get();
  if (!row || row.disabledAt !== null || !row.email) return null;
  return { id: row.id, email: row.email, role: row.role };
}
