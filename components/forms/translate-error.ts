import type { ClientTranslator } from "../client-intl";
import { parseErrorKey } from "@/lib/i18n/error-key";

type ErrorsTranslator = ClientTranslator<"errors">;
type ErrorMessageKey = Parameters<ErrorsTranslator>[0];

/** A validation message from lib/ (a key of "errors", lib/i18n/error-key.ts) in the reader's language. A message
 * that is not a key (a staff form's English) is shown as it came. */
export function translateError(t: ErrorsTranslator, message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const { key, values } = parseErrorKey(message);
  // the key comes from lib at run time: t.has checks it before it is used as one
  return t.has(key as ErrorMessageKey) ? t(key as ErrorMessageKey, values as never) : message;
}
