"use server";

import { redirect } from "next/navigation";
import { localePath, toLocale, type Locale } from "@/lib/i18n/locales";
import { defineAction, formTexts } from "@/lib/actions/define-action";
import { recordSelfReport } from "@/lib/own-channels/record-self-report";
import { SelfReportSchema } from "@/lib/own-channels/schemas";
import { thanksPath } from "@/lib/own-channels/thanks-token";

/** "I sent it by email" / "I posted it". Public: the thank-you token, bound by the page, is the supporter's only
 * credential and the work checks it (with the case, the signature and that the official is one of theirs). The
 * answer is the same page again, which then says "Recorded"; a refused post lands on the public thanks. */
export const reportSentMyself = defineAction<[caseSlug: string, signatureId: string, token: string, locale: Locale], Partial<Record<"targetId" | "channel", string>>>({
  name: "reportSentMyself",
  form: "plain",
  read: (formData) => formTexts(formData, ["targetId", "channel"] as const),
  async work({ args: [caseSlug, signatureId, token, requestedLocale], values }) {
    const locale = toLocale(requestedLocale);
    if (typeof caseSlug !== "string" || typeof signatureId !== "string" || typeof token !== "string") redirect(localePath(locale, "/"));
    const publicThanks = localePath(locale, `/cases/${encodeURIComponent(caseSlug)}/thanks`);
    const parsed = SelfReportSchema.safeParse(values);
    if (!parsed.success) redirect(publicThanks);
    const result = recordSelfReport({ caseSlug, signatureId, token, ...parsed.data });
    if (result.state !== "recorded") redirect(publicThanks);
    // no #fragment: a redirect to the same URL with only a new fragment is a scroll to the client router, which
    // would keep the page as it was instead of showing "Recorded"
    redirect(thanksPath({ caseSlug, signatureId, locale }));
  },
});
