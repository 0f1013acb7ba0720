import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { routing } from "./routing";

/** First line of every public page: a locale we do not have ("/de/...") is a 404 (the English one with links to
 * the five languages, app/not-found.tsx) before the page reads anything in it; ours is set for static rendering. */
export function setPageLocale(locale: string): Locale {
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return locale;
}
