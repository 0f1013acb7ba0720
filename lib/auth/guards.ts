import "server-only";
import { auth } from "./config";
import { AccessError } from "./errors";
import { getActiveUserById, type CurrentUser } from "./queries";

export type { CurrentUser } from "./queries";

/** The signed-in, enabled user, or null. Reads the role from the database on every call, so a role change or
 * a disabled account takes effect on the next request. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  return id ? getActiveUserById({ id }) : null;
}

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AccessError("unauthenticated");
  return user;
}

/** Campaigners and admins: admins may do everything campaigners do. */
export async function requireCampaigner(): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role !== "campaigner" && user.role !== "admin") throw new AccessError("forbidden");
  return user;
}

export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role !== "admin") throw new AccessError("forbidden");
  return user;
}
