import NextLink from "next/link";
import { createNavigation } from "next-intl/navigation";
import { getLocale } from "next-intl/server";
import type { ComponentProps } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { routing } from "./routing";

const { getPathname } = createNavigation(routing);

type Href = string | { pathname: string; hash?: string };

/**
 * A link that keeps the reader's locale in a public URL ("/about" → "/fr/about"), for server components. Not
 * next-intl's Link: that one is a client component reading the locale from next-intl's client provider, which
 * would put use-intl's runtime in every page's scripts (docs/decisions/025-light-first-load.md). The locale comes
 * from the page (setPageLocale) unless `locale` names another.
 */
export async function Link({ href, locale, ...rest }: Omit<ComponentProps<typeof NextLink>, "href" | "locale"> & { href: Href; locale?: Locale }) {
  const target = locale ?? ((await getLocale()) as Locale);
  const pathname = getPathname({ href: typeof href === "string" ? href : href.pathname, locale: target });
  return <NextLink href={typeof href === "string" ? pathname : { ...href, pathname }} {...rest} />;
}
