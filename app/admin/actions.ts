"use server";

import { signOut } from "@/lib/auth/config";

/** Deletes this browser's session row and cookie. Harmless without a session, so no guard. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/admin/sign-in" });
}
