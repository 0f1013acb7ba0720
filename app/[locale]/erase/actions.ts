"use server";

import { redirect } from "next/navigation";
import { defineAction, formText } from "@/lib/actions/define-action";
import { confirmErasure } from "@/lib/erasure/confirm-erasure";
import { requestErasure } from "@/lib/erasure/request-erasure";
import { EraseRequestSchema, type EraseRequestFormState } from "@/lib/erasure/schemas";
import { fieldErrors, formError } from "@/lib/forms/form-state";
import { getClientAddress } from "@/lib/security/client-address";

const erasePage = (token: string) => `/erase/${encodeURIComponent(token)}`;
const FAILED = "Something went wrong on our side and no link was sent. Please try again in a moment.";

/** Mails an erasure link. Every well-formed address ends on the same "check your email" page, whether or not it
 * signed anything. No guard: the mailed link is the credential. */
export const requestErasureAction = defineAction<[], { email: string }, EraseRequestFormState>({
  name: "requestErasureAction",
  read: (formData) => ({ email: formText(formData, "email") }),
  failed: ({ values }) => formError(values, FAILED),
  async work({ values }) {
    const parsed = EraseRequestSchema.safeParse(values);
    if (!parsed.success) return fieldErrors(values, parsed.error);
    const result = requestErasure({ email: parsed.data.email, clientAddress: await getClientAddress() });
    if (!result.ok) return formError(values, result.message);
    redirect("/erase/check-email");
  },
});

/** The link page's button: a POST, never the GET a mail scanner makes. The token, bound by the page, is the
 * only credential, and the work checks it. */
export const confirmErasureAction = defineAction<[token: string], Record<string, never>>({
  name: "confirmErasureAction",
  form: "plain",
  read: () => ({}),
  // a failure (logged as a code by the wrapper): the link's page again, saying so, to try again
  failed: ({ args: [token] }) => redirect(typeof token === "string" ? `${erasePage(token)}?failed=1` : "/erase"),
  async work({ args: [token] }) {
    if (typeof token !== "string") redirect("/erase");
    // a used or expired link: its own page says so, from the same token
    redirect(confirmErasure({ token }).state === "erased" ? "/erase/done" : erasePage(token));
  },
});
