import { parseErrorKey } from "@/lib/i18n/error-key";

type Translator = { (key: string, values?: Record<string, number>): string; has: (key: string) => boolean };

/** A validation message from lib/ (a key of "errors", lib/i18n/error-key.ts) in the reader's language. A message
 * that is not a key (a staff form's English) is shown as it came. */
export function translateError(t: Translator, message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const { key, values } = parseErrorKey(message);
  return t.has(key) ? t(key, values) : message;
}
