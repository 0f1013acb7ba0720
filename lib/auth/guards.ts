import "server-only";
import { auth } from "./config";
import { AccessError, isAccessError, type AccessErrorCode } from "./errors";
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

export type Access<T> = { ok: true; user: T } | { ok: false; code: AccessErrorCode };

/** Runs a require* guard and answers instead of throwing, so each caller (an action, a page, a route handler)
 * says in its own terms what a refusal looks like; any other error still propagates. */
export async function checkAccess<T>(guard: () => Promise<T>): Promise<Access<T>> {
  try {
    return { ok: true, user: await guard() };
  } catch (error) {
    if (isAccessError(error)) return { ok: false, code: error.code };
    throw error;
  }
}
