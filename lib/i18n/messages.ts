import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";
import zhHans from "@/messages/zh-Hans.json";
import type { Locale } from "./locales";

export type Messages = typeof en;

// Static imports: the catalogues are small, and emails (rendered outside any request) need them too.
export const MESSAGES: Record<Locale, Messages> = { en, fr, es, ar, "zh-Hans": zhHans };

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}
