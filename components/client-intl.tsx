"use client";

import format, { type CompiledMessage, type FormatOptions } from "icu-minify/format";
import { cloneElement, createContext, isValidElement, useContext, useMemo, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";

/** The namespaces client components translate (components/document-shell.tsx picks them out of the catalogue). */
export type ClientNamespace = "signForm" | "errors" | "errorPage" | "copyButton" | "languages" | "letterList";
export type ClientMessages = Pick<Messages, ClientNamespace>;

type Values = Record<string, string | number>;
type RichValues = Record<string, string | number | ((chunks: ReactNode) => ReactNode)>;

const ClientIntl = createContext<{ locale: Locale; messages: ClientMessages } | null>(null);

/**
 * The few strings the browser formats (the sign form, its errors and letters, the error page, the copy button, the switcher),
 * in place of next-intl's client provider: the catalogues are precompiled at build time (next.config.js), so
 * icu-minify's formatter (under 1 KB) is all the browser needs to fill in a count or a name, without use-intl's
 * runtime (docs/decisions/025-light-first-load.md). Server components keep next-intl's server API.
 */
export function ClientIntlProvider({ locale, messages, children }: { locale: Locale; messages: ClientMessages; children: ReactNode }) {
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return <ClientIntl.Provider value={value}>{children}</ClientIntl.Provider>;
}

function useClientIntl() {
  const intl = useContext(ClientIntl);
  if (!intl) throw new Error("a client component that translates is rendered outside ClientIntlProvider");
  return intl;
}

export function useClientLocale(): Locale {
  return useClientIntl().locale;
}

// one formatter per locale and options, as use-intl keeps them: a plural's rules are built once, not per keystroke
const cache = new Map<string, Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat>();
function memo<T extends Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat>(kind: string, args: unknown[], make: () => T): T {
  const key = kind + JSON.stringify(args);
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) cache.set(key, (formatter = make()));
  return formatter;
}
const formatters: FormatOptions["formatters"] = {
  getNumberFormat: (...args) => memo("n", args, () => new Intl.NumberFormat(...args)),
  getPluralRules: (...args) => memo("p", args, () => new Intl.PluralRules(...args)),
  getDateTimeFormat: (...args) => memo("d", args, () => new Intl.DateTimeFormat(...args)),
};

export type ClientTranslator<N extends ClientNamespace> = {
  (key: keyof ClientMessages[N] & string, values?: Values): string;
  /** a message with tags ("To <bdi>{recipient}</bdi>"), each tag a function of its chunks, as next-intl's t.rich */
  rich(key: keyof ClientMessages[N] & string, values: RichValues): ReactNode;
  /** whether the namespace has this key: a validation message from lib/ is a key only when it is one */
  has(key: string): boolean;
};

/** `t(key, values)` for one namespace, as next-intl's useTranslations, for the page's locale. */
export function useClientTranslations<N extends ClientNamespace>(namespace: N): ClientTranslator<N> {
  const { locale, messages } = useClientIntl();
  return useMemo(() => {
    const table = messages[namespace] as unknown as Record<string, unknown>;
    // "name.empty" is a path into the namespace, as in next-intl
    const lookup = (key: string): CompiledMessage | undefined => {
      let node: unknown = table;
      for (const part of key.split(".")) node = node && typeof node === "object" && Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined;
      return typeof node === "string" || Array.isArray(node) ? (node as CompiledMessage) : undefined;
    };
    const options = { formatters, timeZone: "UTC" };
    // a missing key shows itself, as next-intl does (lib/i18n/messages.test.ts keeps every key in every language)
    const message = (key: string): CompiledMessage => lookup(key) ?? `${namespace}.${key}`;
    const t = (key: string, values?: Values) => String(format(message(key), locale, values, options));
    const rich = (key: string, values: RichValues) => {
      // each tag's element gets a key, as the parts of one sentence are siblings in a list
      let index = 0;
      const keyed = Object.fromEntries(
        Object.entries(values).map(([name, value]) => [
          name,
          typeof value === "function" ? (chunks: ReactNode) => {
            const element = value(chunks);
            return isValidElement(element) ? cloneElement(element, { key: `${name}-${index++}` }) : element;
          } : value,
        ]),
      );
      return format<ReactNode>(message(key), locale, keyed as never, options) as ReactNode;
    };
    return Object.assign(t, { rich, has: (key: string) => lookup(key) !== undefined });
  }, [locale, messages, namespace]);
}
