// Formatting shared by pages and components: one place decides how a number or a date reads, in the reader's
// locale ("en" reads as British English, as it always has; "ar" uses Arabic-Indic digits, as Intl does).
import { keptPerKey } from "@/lib/kept";

const DATE_TIME: Intl.DateTimeFormatOptions = {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
};
const DAY: Intl.DateTimeFormatOptions = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" };

/** The Intl locale for one of ours. */
export function intlLocale(locale = "en"): string {
  return locale === "en" ? "en-GB" : locale;
}

// Intl formatters are built once per locale and kept: making one costs far more than formatting with it
const numberFormat = keptPerKey((locale: string) => new Intl.NumberFormat(intlLocale(locale)));
const dayFormat = keptPerKey((locale: string) => new Intl.DateTimeFormat(intlLocale(locale), DAY));
const dateTimeFormat = keptPerKey((locale: string) => new Intl.DateTimeFormat(intlLocale(locale), DATE_TIME));

export function formatNumber(n: number, locale = "en"): string {
  return numberFormat(locale).format(n);
}

/** A calendar day stored as 'YYYY-MM-DD' (or a Date), as "14 March 2025" ("14 mars 2025"...). */
export function formatDay(day: string | Date, locale = "en"): string {
  const date = typeof day === "string" ? new Date(`${day}T00:00:00Z`) : day;
  return Number.isNaN(date.getTime()) ? String(day) : dayFormat(locale).format(date);
}

export function formatDateTime(date: Date, locale = "en"): string {
  return dateTimeFormat(locale).format(date);
}

export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** How long something has waited, in the largest whole unit: "less than an hour", "5 hours", "2 days". */
export function formatWait(since: Date, now = new Date()): string {
  const hours = Math.floor((now.getTime() - since.getTime()) / 3_600_000);
  if (hours < 1) return "less than an hour";
  if (hours < 48) return plural(hours, "hour", "hours");
  return plural(Math.floor(hours / 24), "day", "days");
}

/** When a paced letter is expected to go, in the official's zone, to the nearest quarter hour, in the reader's
 * language: { day: "3 December", time: "10:00", zone: "China Standard Time" } for a message to place. */
export function expectedAtParts(at: Date, timeZone: string, locale = "en-GB"): { day: string; time: string; zone: string } {
  const quarter = 15 * 60_000;
  const rounded = new Date(Math.round(at.getTime() / quarter) * quarter);
  const tag = locale === "en" ? "en-GB" : locale;
  const day = new Intl.DateTimeFormat(tag, { day: "numeric", month: "long", timeZone }).format(rounded);
  const time = new Intl.DateTimeFormat(tag, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(rounded);
  const zone = new Intl.DateTimeFormat(tag, { timeZone, timeZoneName: "longGeneric" }).formatToParts(rounded).find((p) => p.type === "timeZoneName")?.value ?? timeZone;
  return { day, time, zone };
}

/** The same in English, in one phrase: "3 December around 10:00 (China Standard Time)" (staff pages). */
export function formatExpectedAt(at: Date, timeZone: string): string {
  const { day, time, zone } = expectedAtParts(at, timeZone);
  return `${day} around ${time} (${zone})`;
}
