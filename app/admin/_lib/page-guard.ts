import "server-only";
import { notFound, redirect } from "next/navigation";
import { checkAccess } from "@/lib/auth/guards";

export const SIGN_IN_PATH = "/admin/sign-in";

/** Runs a require* guard for a page: no session → the sign-in page; the wrong role → 404, as if the page were
 * not there. */
export async function guardPage<T>(guard: () => Promise<T>): Promise<T> {
  const access = await checkAccess(guard);
  if (access.ok) return access.user;
  if (access.code === "unauthenticated") redirect(SIGN_IN_PATH);
  notFound();
}
