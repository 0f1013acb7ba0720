"use server";

import { redirect } from "next/navigation";
import { defineAction, formText } from "@/lib/actions/define-action";
import { AUTH_PAGES, signIn, SIGN_IN_PROVIDER } from "@/lib/auth/config";
import { SignInSchema, type SignInFormState } from "@/lib/auth/schemas";
import { fieldErrors } from "@/lib/forms/form-state";

/** Asks Auth.js for a sign-in link. Every well-formed address ends on the same "check your email" page, whether
 * or not it may sign in (lib/auth/send-sign-in-link.ts decides, silently, whether mail goes). No guard: signing
 * in is what it is for. */
export const requestSignInLink = defineAction<[], { email: string }, SignInFormState>({
  name: "requestSignInLink",
  read: (formData) => ({ email: formText(formData, "email") }),
  async work({ values }) {
    const parsed = SignInSchema.safeParse(values);
    if (!parsed.success) return fieldErrors(values, parsed.error);
    const next = await signIn(SIGN_IN_PROVIDER, { email: parsed.data.email, redirectTo: "/admin", redirect: false });
    // Auth.js answers with its own /api/auth/verify-request, which only redirects on to our page; going there
    // directly keeps that hop out of the address bar (the client router shows the first URL of a chain).
    const target = new URL(String(next), "http://internal.invalid");
    if (target.pathname.endsWith("/verify-request")) redirect(AUTH_PAGES.verifyRequest);
    if (target.pathname.startsWith(AUTH_PAGES.error)) redirect(`${target.pathname}${target.search}`);
    redirect(`${AUTH_PAGES.error}?error=Configuration`);
  },
});
