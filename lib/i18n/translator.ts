// the framework-free core: emails and lib/ code also run outside React (workers, scripts, race children in tests)
import { createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, localeDirection, type Locale } from "./locales";
import { MESSAGES } from "./messages";
import { keptPerKey } from "../kept";

// Unicode's first-strong isolate and pop-directional isolate: in a right-to-left sentence, a value in another
// script ("Li Qiaochu: Women's rights defender detained in secret.") keeps its own order and does not drag the
// sentence's punctuation across. Addresses and links are left bare, so nothing invisible is copied with them, and
// so are subject lines, where invisible controls are what spam filters look for.
const FSI = "\u2068";
const PDI = "\u2069";
const BARE = /url|link|href|email|address/i;

function isolated(values: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!values) return values;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" && !BARE.test(k) ? `${FSI}${v}${PDI}` : v]));
}

/** A translator outside any request: emails are rendered in the outbox's transaction, in the supporter's
 * language (the signature's `locale`), not in the language of whoever caused them. In a right-to-left language
 * every interpolated text is isolated (FSI … PDI), as <bdi> does on the pages. */
export function translatorFor(locale: Locale = DEFAULT_LOCALE) {
  return translatorOf(locale);
}

// One translator per language, kept: each holds the parsed messages and Intl formatters it has used, and making
// them again for every email was 40% of the sign POST's own work (decision 028). The catalogues never change.
const translatorOf = keptPerKey(makeTranslator);

function makeTranslator(locale: Locale) {
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  if (localeDirection(locale) !== "rtl") return t;
  const rtl = ((key: string, values?: Record<string, unknown>) => t(key as never, (/subject/i.test(key) ? values : isolated(values)) as never)) as typeof t;
  return Object.assign(rtl, t);
}
