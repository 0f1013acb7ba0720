import type { ReactNode } from "react";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { localeDirection, type Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { ClientIntlProvider, type ClientMessages } from "./client-intl";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";
// oxlint-disable-next-line import/no-unassigned-import -- the stylesheet is imported for its side effect
import "../app/globals.css";

/**
 * <html> and <body> with the site's header and footer, in one language and its direction. The public pages
 * (app/[locale]/layout.tsx) pass their locale; the admin workspace, the demo mailbox and the unknown-locale 404
 * are English (app/layout.tsx renders no <html> of its own, so each root says its language).
 */
export async function DocumentShell({
  locale,
  switcher = true,
  children,
}: {
  locale: Locale;
  /** the language switcher, on public pages only: the workspace and the mailbox have no other language */
  switcher?: boolean;
  children: ReactNode;
}) {
  // set here too, not only by the pages: the English 404 of "/de/cases/x" renders inside a cached case route,
  // and the provider below must not fall back to reading the request's headers there
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "layout" });
  const all = messagesFor(locale);
  // Only what client components translate goes into the page payload; server components read the rest.
  const clientMessages: ClientMessages = { languages: all.languages, signForm: all.signForm, errors: all.errors, errorPage: all.errorPage, letterList: all.letterList, copyButton: all.copyButton };
  return (
    <html lang={locale} dir={localeDirection(locale)}>
      <body>
        <ClientIntlProvider locale={locale} messages={clientMessages}>
        <a href="#main" className="skip-link">
          {t("skipToMain")}
        </a>
        <SiteHeader locale={locale} switcher={switcher} />
        <main id="main" tabIndex={-1} className="flex-1">
          {children}
        </main>
        <SiteFooter locale={locale} />
        </ClientIntlProvider>
      </body>
    </html>
  );
}
