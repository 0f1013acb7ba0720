"use server";

import { redirect } from "next/navigation";
import { defineAction, formText } from "@/lib/actions/define-action";
import { confirmErasure } from "@/lib/erasure/confirm-erasure";
import { requestErasure } from "@/lib/erasure/request-erasure";
import { EraseRequestSchema, type EraseRequestFormState } from "@/lib/erasure/schemas";
import { fieldErrors, formError } from "@/lib/forms/form-state";
import { getClientAddress } from "@/lib/security/client-address";

const FAILED = "Something went wrong on our side and no link was sent. Please try again in a moment.";

/** Mails an erasure link. Every well-formed address ends on the same "check your email" page, whether or not it
 * signed anything. No guard: the mailed link is the credential. */
export const requestErasureAction = defineAction<[], { email: string }, EraseRequestFormState>({
  read: (formData) => ({ email: formText(formData, "email") }),
  async work({ values }) {
    const parsed = EraseRequestSchema.safeParse(values);
    if (!parsed.success) return fieldErrors(values, parsed.error);
    let result: ReturnType<typeof requestErasure>;
    try {
      result = requestErasure({ email: parsed.data.email, clientAddress: await getClientAddress() });
    } catch (error) {
      // the error name only: a message could carry the address
      console.error("requestErasure failed:", error instanceof Error ? error.name : "unknown error");
      return formError(values, FAILED);
    }
    if (!result.ok) return formError(values, result.message);
    redirect("/erase/check-email");
  },
});

/** The link page's button: a POST, never the GET a mail scanner makes. The token, bound by the page, is the
 * only credential, and the work checks it. */
export const confirmErasureAction = defineAction<[token: string], Record<string, never>>({
  form: "plain",
  read: () => ({}),
  async work({ args: [token] }) {
    if (typeof token !== "string") redirect("/erase");
    let outcome: "erased" | "invalid" | "failed";
    try {
      outcome = confirmErasure({ token }).state;
    } catch (error) {
      // the error's name only: a database error carries query parameters (the address)
      console.error("confirmErasure failed:", error instanceof Error ? error.name : "unknown error");
      outcome = "failed";
    }
    // a used or expired link: its own page says so, from the same token; a failure: the same page, to try again
    const page = `/erase/${encodeURIComponent(token)}`;
    redirect(outcome === "erased" ? "/erase/done" : outcome === "failed" ? `${page}?failed=1` : page);
  },
});
