// What campaigners write (story, summary, title, updates) stays in the language it was written in. A case's
// `languages` lists the languages of its letters; the first is the language of the case itself
// (docs/decisions/024-languages.md), and pages mark that text with it.
export function contentLanguageOf(languages: string | readonly string[]): string {
  const list = typeof languages === "string" ? languages.split(",") : languages;
  return list.map((l) => l.trim()).find(Boolean) ?? "en";
}

const baseLanguage = (tag: string) => tag.toLowerCase().split("-")[0];

/** True when text in `contentLanguage` needs a note on a page in `locale` ("en" content on a "fr" page). */
export function differsFromLocale(contentLanguage: string, locale: string): boolean {
  return baseLanguage(contentLanguage) !== baseLanguage(locale);
}
