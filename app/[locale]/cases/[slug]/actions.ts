"use server";

import { redirect } from "next/navigation";
import { errorKey } from "@/lib/i18n/error-key";
import { localePath, toLocale, type Locale } from "@/lib/i18n/locales";
import { defineAction } from "@/lib/actions/define-action";
import { getPublicCaseBySlug, pickTemplate } from "@/lib/cases/queries";
import { formError, withErrors } from "@/lib/forms/form-state";
import type { PreviewLetter } from "@/lib/letters/preview";
import { renderLetter } from "@/lib/letters/render";
import { letterVariantSeed } from "@/lib/letters/variants";
import { logFailure } from "@/lib/logging/log-failure";
import { getClientAddress } from "@/lib/security/client-address";
import { HONEYPOT_FIELD, INTENT_FIELD, parseSignForm, type SignAppealInput, type SignFormState } from "@/lib/signatures/schemas";
import { submitSignatureGrouped } from "@/lib/signatures/submit-signature";
import { officialName } from "@/lib/targets/naming";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// messages are keys of messages/*.json "errors" (lib/i18n/error-key.ts): the form shows them in the reader's language
const FAILED = "form.failed";
const isFrameworkField = (name: string) => name.startsWith("$ACTION");

function fieldValues(formData: FormData): SignFormState["values"] {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (isFrameworkField(name) || name === HONEYPOT_FIELD || name === INTENT_FIELD || typeof value !== "string") continue;
    values[name] = value;
  }
  return values;
}

function previewLetters(slug: string, input: SignAppealInput): PreviewLetter[] | null {
  const found = getPublicCaseBySlug({ slug });
  if (!found) return null;
  const letters: PreviewLetter[] = [];
  for (const target of found.targets) {
    const template = pickTemplate(found.templates, target.language, found.languages);
    if (!template) continue;
    const letter = renderLetter({
      template,
      supporter: input,
      target,
      caseInfo: { personName: found.personName, reference: found.reference },
      date: new Date(),
      variantSeed: letterVariantSeed({ email: input.email, caseId: found.id, templateId: template.id }),
    });
    letters.push({
      targetId: target.id,
      role: target.role,
      recipient: officialName(target),
      language: template.language,
      ...letter,
    });
  }
  return letters;
}

/**
 * The sign form's action, bound to the case's slug and the page's locale (stored on the signature: its emails
 * are written in it). Works without JavaScript: the page re-renders with the
 * returned state (errors beside their fields, or the preview), and a sent appeal redirects (303) to check-email.
 * No guard: anyone may sign; the rate limits and the honeypot are in the work.
 */
export const signAppeal = defineAction<[slug: string, locale: Locale], SignFormState["values"], SignFormState>({
  name: "signAppeal",
  read: fieldValues,
  // a database error (its message holds the supporter's name, address and words) is logged as a code only, by the wrapper
  failed: ({ values }) => formError(values, FAILED),
  async work({ args: [slug, requestedLocale], values, formData }) {
    const locale = toLocale(requestedLocale);
    if (typeof slug !== "string" || !SLUG.test(slug)) redirect(localePath(locale, "/"));
    const checkEmailPage = localePath(locale, `/cases/${slug}/check-email`);
    const parsed = parseSignForm(formData.entries(), isFrameworkField);
    if (!parsed.ok) return withErrors(parsed.values, parsed.errors);

    // A bot filled the hidden field: it sees the same page as everyone, and nothing is stored or sent.
    if (parsed.honeypot) redirect(checkEmailPage);

    const intent = formData.get(INTENT_FIELD);
    if (intent !== "send") {
      try {
        const preview = previewLetters(slug, parsed.data);
        if (!preview) return formError(values, "form.caseNotFound");
        return { values, preview };
      } catch (error) {
        logFailure("action signAppeal preview", error);
        return formError(values, "form.previewFailed");
      }
    }

    const result = await submitSignatureGrouped({ slug, input: parsed.data, locale, clientAddress: await getClientAddress(), seenVersion: parsed.seenVersion });
    // a temporary-mail address is refused beside the email field, with everything else typed kept
    if (!result.ok && result.code === "disposable_email") return withErrors(values, { email: ["email.disposable"] });
    if (!result.ok && result.code === "rate_limited") return formError(values, errorKey("form.rateLimited", { minutes: result.retryAfterMinutes }));
    if (!result.ok) return formError(values, result.code === "closed" ? "form.closed" : "form.caseNotFound");
    redirect(checkEmailPage);
  },
});
