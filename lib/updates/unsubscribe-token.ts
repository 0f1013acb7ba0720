import "server-only";
import { env } from "../env";
import { DEFAULT_LOCALE, localePath, type Locale } from "../i18n/locales";
import { idToken, isValidIdToken } from "../security/id-token";

// The token is derived, not stored (lib/security/id-token.ts): rotating AUTH_SECRET retires every unsubscribe
// link in mail already sent, so rotate it knowing that.
export function unsubscribeToken({ signatureId }: { signatureId: string }): string {
  return idToken({ purpose: "unsubscribe", id: signatureId });
}

export function isValidUnsubscribeToken({ signatureId, token }: { signatureId: string; token: string }): boolean {
  return isValidIdToken({ purpose: "unsubscribe", id: signatureId, token });
}

/** The page with the "Stop emails" button: the link in the body of each notice. GET there changes nothing. */
export function unsubscribePageUrl({ signatureId, locale = DEFAULT_LOCALE }: { signatureId: string; locale?: Locale }): string {
  return `${env().appUrl}${localePath(locale, `/unsubscribe/${encodeURIComponent(signatureId)}/${unsubscribeToken({ signatureId })}`)}`;
}

/** The RFC 8058 one-click target of the List-Unsubscribe header: a POST there unsubscribes. */
export function oneClickUnsubscribeUrl({ signatureId }: { signatureId: string }): string {
  return `${env().appUrl}/api/unsubscribe/${encodeURIComponent(signatureId)}/${unsubscribeToken({ signatureId })}`;
}
