import { DocumentShell } from "@/components/document-shell";
import { LOCALE_NAMES, LOCALES, localeDirection } from "@/lib/i18n/locales";

// Reached for a path in no known language ("/de/cases/x", "/xx"): English, with the way into each language.
// A missing case or page inside a language gets that language's 404 (app/[locale]/not-found.tsx).
export default function NotFound() {
  return (
    <DocumentShell locale="en" switcher={false}>
      <div className="container-page max-w-2xl py-16">
        <p className="eyebrow">Page not found</p>
        <h1 className="mt-2 text-4xl">We could not find that page</h1>
        <p className="mt-5 text-lg leading-relaxed">
          The link may be mistyped, or the page may have moved. Vigil is available in five languages: choose yours.
        </p>
        <ul className="mt-8 flex flex-wrap gap-3">
          {LOCALES.map((locale) => (
            <li key={locale}>
              <a href={`/${locale}`} lang={locale} dir={localeDirection(locale)} hrefLang={locale} className="btn btn-secondary">
                {LOCALE_NAMES[locale]}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </DocumentShell>
  );
}
