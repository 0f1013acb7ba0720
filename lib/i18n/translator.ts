// the framework-free core: emails and lib/ code also run outside React (workers, scripts, race children in tests)
import { createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { MESSAGES } from "./messages";

/** A translator outside any request: emails are rendered in the outbox's transaction, in the supporter's
 * language (the signature's `locale`), not in the language of whoever caused them. */
export function translatorFor(locale: Locale = DEFAULT_LOCALE) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}
