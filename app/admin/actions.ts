"use server";

import { defineAction, readNothing } from "@/lib/actions/define-action";
import { signOut } from "@/lib/auth/config";

/** Deletes this browser's session row and cookie. Harmless without a session, so no guard. */
export const signOutAction = defineAction<[], Record<string, never>>({
  name: "signOutAction",
  form: "plain",
  read: readNothing,
  async work() {
    await signOut({ redirectTo: "/admin/sign-in" });
  },
});
