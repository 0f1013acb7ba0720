import "server-only";
import { notFound, redirect } from "next/navigation";
import { isAccessError } from "@/lib/auth/errors";

export const SIGN_IN_PATH = "/admin/sign-in";

/** Runs a require* guard for a page: no session → the sign-in page; the wrong role → 404, as if the page were
 * not there. */
export async function guardPage<T>(guard: () => Promise<T>): Promise<T> {
  try {
    return await guard();
  } catch (error) {
    if (!isAccessError(error)) throw error;
    if (error.code === "unauthenticated") redirect(SIGN_IN_PATH);
    notFound();
  }
}
