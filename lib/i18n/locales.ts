// The five languages of the public site and of supporters' emails (docs/decisions/024-languages.md). Pure data,
// no framework: lib/ code (emails, links) and the proxy read it as well as the pages.
export const LOCALES = ["en", "fr", "es", "ar", "zh-Hans"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language's name in itself, for the switcher and the 404 page. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  fr: "Français",
  es: "Español",
  ar: "العربية",
  "zh-Hans": "简体中文",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** A stored or submitted value as a locale; anything else (an old row, a forged field) is English. */
export function toLocale(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export function localeDirection(locale: Locale): "rtl" | "ltr" {
  return locale === "ar" ? "rtl" : "ltr";
}

/** A public path ("/cases/x", "/") under a locale prefix: "/fr/cases/x", "/fr". */
export function localePath(locale: Locale, path: string): string {
  return path === "/" || path === "" ? `/${locale}` : `/${locale}${path}`;
}
