"use server";

import { redirect } from "next/navigation";
import { localePath, toLocale, type Locale } from "@/lib/i18n/locales";
import { defineAction, readNothing } from "@/lib/actions/define-action";
import { unsubscribeFollower } from "@/lib/updates/unsubscribe-follower";

/** The page's button: a POST, like the one-click header, never the GET a mail scanner makes. The signed token
 * is the supporter's only credential, so there is no session guard; the token check is the guard. */
export const unsubscribeAction = defineAction<[signatureId: string, token: string, locale: Locale], Record<string, never>>({
  name: "unsubscribeAction",
  form: "plain",
  read: readNothing,
  async work({ args: [signatureId, token, requestedLocale] }) {
    const locale = toLocale(requestedLocale);
    if (typeof signatureId !== "string" || typeof token !== "string") redirect(localePath(locale, "/"));
    unsubscribeFollower({ signatureId, token });
    // the page reads the new state from the same link
    redirect(localePath(locale, `/unsubscribe/${encodeURIComponent(signatureId)}/${encodeURIComponent(token)}`));
  },
});
