import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { messagesFor } from "@/lib/i18n/messages";
import { routing } from "./routing";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  // dates are formatted in UTC everywhere, as before the locales (components/format.ts)
  return { locale, messages: messagesFor(locale), timeZone: "UTC" };
});
