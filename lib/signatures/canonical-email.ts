import "server-only";
// One person, one count (docs/decisions/013-canonical-email.md): the key under which an address is unique per
// case and counted by every per-address limit, and the refusal of temporary-mail domains. Both rules come from
// maintained packages (validator's provider rules, mailchecker's disposable-domain list), never a list kept here.
// Server only: mailchecker's list is ~56,000 domains, too heavy for the sign form's bundle.
import MailChecker from "mailchecker";
import normalizeProviderEmail from "validator/lib/normalizeEmail";
import { normalizeEmail } from "./schemas";

export const DISPOSABLE_EMAIL_MESSAGE =
  "We can't accept addresses from temporary-mail services, because each appeal must come from a person we can reach.";

// Chosen one by one rather than left to validator's defaults, so an upgrade that changes a default cannot
// silently split or merge supporters. The key is only compared, never mailed to: lower case is safe for every
// domain even where a provider's local part is case-sensitive (two people differing only by case is not a case
// we can tell from a typo, and the typo is far more common).
const PROVIDER_RULES = {
  all_lowercase: true,
  gmail_lowercase: true,
  gmail_remove_dots: true,
  gmail_remove_subaddress: true,
  gmail_convert_googlemaildotcom: true,
  outlookdotcom_lowercase: true,
  outlookdotcom_remove_subaddress: true,
  yahoo_lowercase: true,
  yahoo_remove_subaddress: true,
  yandex_lowercase: true,
  yandex_convert_yandexru: true,
  icloud_lowercase: true,
  icloud_remove_subaddress: true,
} as const;

/**
 * The address as one mailbox, whatever spelling reached the form: "F.o.o+x@GoogleMail.com" and "foo@gmail.com"
 * are one key. Lower case and an international domain as punycode for every address (normalizeEmail), then the
 * provider rules: Gmail's dots and +tags and googlemail.com; Outlook.com's and iCloud's +tags; Yahoo's -keyword;
 * Yandex's domains. Other domains keep their dots and tags: we cannot know how their servers route them.
 */
export function canonicalEmail(address: string): string {
  const base = normalizeEmail(address);
  // false when nothing is left of the local part ("+tag@gmail.com"): the plain form is still one mailbox
  const canonical = normalizeProviderEmail(base, PROVIDER_RULES);
  return canonical === false ? base : canonical;
}

/** Whether the address's domain, or a domain it is under, is on mailchecker's list of temporary-mail services.
 * Only the list is asked, on the punycode domain: MailChecker.isValid() also judges syntax by an ASCII-only rule
 * and would refuse "ali@مثال.مصر", which the form accepts. */
export function isDisposableAddress(address: string): boolean {
  const normalized = normalizeEmail(address);
  const domain = normalized.slice(normalized.lastIndexOf("@") + 1).replace(/\.$/, "");
  const list = MailChecker.blacklist();
  const labels = domain.split(".");
  // the domain and each parent but the top-level domain alone: "x.mailinator.com", "mailinator.com"
  for (let i = 0; i < labels.length - 1; i++) {
    if (list.has(labels.slice(i).join("."))) return true;
  }
  return false;
}
