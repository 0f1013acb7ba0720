"use server";

import { redirect } from "next/navigation";
import { errorKey } from "@/lib/i18n/error-key";
import { localePath, toLocale, type Locale } from "@/lib/i18n/locales";
import { defineAction, formText } from "@/lib/actions/define-action";
import { confirmErasure } from "@/lib/erasure/confirm-erasure";
import { requestErasure } from "@/lib/erasure/request-erasure";
import { EraseRequestSchema, type EraseRequestFormState } from "@/lib/erasure/schemas";
import { fieldErrors, formError } from "@/lib/forms/form-state";
import { getClientAddress } from "@/lib/security/client-address";

const erasePage = (locale: Locale, token: string) => localePath(locale, `/erase/${encodeURIComponent(token)}`);
// a key of messages/*.json "errors" (lib/i18n/error-key.ts): the form shows it in the reader's language
const FAILED = "form.eraseFailed";

/** Mails an erasure link. Every well-formed address ends on the same "check your email" page, whether or not it
 * signed anything. No guard: the mailed link is the credential. */
export const requestErasureAction = defineAction<[locale: Locale], { email: string }, EraseRequestFormState>({
  name: "requestErasureAction",
  read: (formData) => ({ email: formText(formData, "email") }),
  failed: ({ values }) => formError(values, FAILED),
  async work({ args: [requestedLocale], values }) {
    const locale = toLocale(requestedLocale);
    const parsed = EraseRequestSchema.safeParse(values);
    if (!parsed.success) return fieldErrors(values, parsed.error);
    const result = requestErasure({ email: parsed.data.email, clientAddress: await getClientAddress(), locale });
    if (!result.ok) return formError(values, errorKey("form.eraseRateLimited", { minutes: result.retryAfterMinutes }));
    redirect(localePath(locale, "/erase/check-email"));
  },
});

/** The link page's button: a POST, never the GET a mail scanner makes. The token, bound by the page, is the
 * only credential, and the work checks it. */
export const confirmErasureAction = defineAction<[token: string, locale: Locale], Record<string, never>>({
  name: "confirmErasureAction",
  form: "plain",
  read: () => ({}),
  // a failure (logged as a code by the wrapper): the link's page again, saying so, to try again
  failed: ({ args: [token, locale] }) => redirect(typeof token === "string" ? `${erasePage(toLocale(locale), token)}?failed=1` : localePath(toLocale(locale), "/erase")),
  async work({ args: [token, requestedLocale] }) {
    const locale = toLocale(requestedLocale);
    if (typeof token !== "string") redirect(localePath(locale, "/erase"));
    // a used or expired link: its own page says so, from the same token
    redirect(confirmErasure({ token }).state === "erased" ? localePath(locale, "/erase/done") : erasePage(locale, token));
  },
});
