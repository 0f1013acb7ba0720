"use server";

import { redirect } from "next/navigation";
import { localePath, toLocale, type Locale } from "@/lib/i18n/locales";
import { defineAction, formText } from "@/lib/actions/define-action";
import { getSignatureIdByConfirmationToken } from "@/lib/own-channels/queries";
import { thanksPath } from "@/lib/own-channels/thanks-token";
import { confirmSignatureGrouped } from "@/lib/signatures/confirm-signature";

/** The only place a signature is confirmed: a POST from the button, never the GET a mail scanner makes. No
 * session guard: the token, bound by the page, is the supporter's only credential, and the work checks it. */
export const confirmAppeal = defineAction<[token: string, locale: Locale], { replyOffered: string; allowReply: string; version: string }>({
  name: "confirmAppeal",
  form: "plain",
  read: (formData) => ({
    replyOffered: formText(formData, "replyOffered"),
    allowReply: formText(formData, "allowReply"),
    version: formText(formData, "version"),
  }),
  async work({ args: [token, requestedLocale], values }) {
    const locale = toLocale(requestedLocale);
    // a database error here is logged by the wrapper as a code only, and the error page shown
    // Present only when the form offered it (the supporter opted in); unticking it withdraws the opt-in.
    const offered = values.replyOffered === "1";
    // Present only on the "case changed" page: the version of the letters it showed, which the supporter confirms.
    const acceptedVersion = values.version === "" ? undefined : values.version;
    const result = await confirmSignatureGrouped({ token, allowReply: offered ? values.allowReply === "on" : undefined, acceptedVersion });
    const signatureId = result.state === "confirmed" ? getSignatureIdByConfirmationToken({ token }) : undefined;
    const thanks = result.caseSlug && signatureId ? thanksPath({ caseSlug: result.caseSlug, signatureId, locale }) : undefined;
    // Confirming twice is harmless: both land on the thanks page, with the supporter's own channels on it (the
    // link carries their capability: whoever holds the confirmation token holds their letters already).
    if (thanks) redirect(thanks);
    // Changed (again), expired, closed or unknown: the page explains, from the same token.
    redirect(localePath(locale, `/confirm/${encodeURIComponent(token)}`));
  },
});
