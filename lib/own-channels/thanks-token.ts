import "server-only";
import { DEFAULT_LOCALE, localePath, type Locale } from "../i18n/locales";
import { idToken, isValidIdToken } from "../security/id-token";

// The supporter's capability for their own thank-you page (their letters, "I sent it", the PDF): derived, not
// stored, with its own purpose so an unsubscribe link can never stand in for it (lib/security/id-token.ts).
export function thanksToken({ signatureId }: { signatureId: string }): string {
  return idToken({ purpose: "thanks", id: signatureId });
}

export function isValidThanksToken({ signatureId, token }: { signatureId: string; token: string }): boolean {
  return isValidIdToken({ purpose: "thanks", id: signatureId, token });
}

/** The query string that opens a supporter's own channels: `?s=<signature id>&k=<token>`. */
export function thanksQuery({ signatureId }: { signatureId: string }): string {
  return `s=${encodeURIComponent(signatureId)}&k=${thanksToken({ signatureId })}`;
}

/** The thank-you page with the supporter's own channels on it (a path: the app's own pages redirect there). */
export function thanksPath({ caseSlug, signatureId, locale = DEFAULT_LOCALE }: { caseSlug: string; signatureId: string; locale?: Locale }): string {
  return localePath(locale, `/cases/${encodeURIComponent(caseSlug)}/thanks?${thanksQuery({ signatureId })}`);
}
