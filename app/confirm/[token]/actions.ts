"use server";

import { redirect } from "next/navigation";
import { defineAction, formText } from "@/lib/actions/define-action";
import { confirmSignature } from "@/lib/signatures/confirm-signature";

/** The only place a signature is confirmed: a POST from the button, never the GET a mail scanner makes. No
 * session guard: the token, bound by the page, is the supporter's only credential, and the work checks it. */
export const confirmAppeal = defineAction<[token: string], { replyOffered: string; allowReply: string }>({
  form: "plain",
  read: (formData) => ({ replyOffered: formText(formData, "replyOffered"), allowReply: formText(formData, "allowReply") }),
  async work({ args: [token], values }) {
    let slug: string | undefined;
    try {
      // Present only when the form offered it (the supporter opted in); unticking it withdraws the opt-in.
      const offered = values.replyOffered === "1";
      const result = confirmSignature({ token, allowReply: offered ? values.allowReply === "on" : undefined });
      if (result.state === "confirmed") slug = result.caseSlug;
    } catch (error) {
      console.error("confirmAppeal failed:", error instanceof Error ? error.name : "unknown error");
      throw new Error("The appeal could not be confirmed.", { cause: error });
    }
    // Confirming twice is harmless: both land on the thanks page.
    if (slug) redirect(`/cases/${slug}/thanks`);
    // Expired, closed or unknown: the page explains, from the same token.
    redirect(`/confirm/${encodeURIComponent(token)}`);
  },
});
