// Formatting shared by pages and components: one place decides how a number or a date reads, in the reader's
// locale ("en" reads as British English, as it always has; "ar" uses Arabic-Indic digits, as Intl does).
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

export function formatNumber(n: number, locale = "en"): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(n);
}

/** A calendar day stored as 'YYYY-MM-DD' (or a Date), as "14 March 2025" ("14 mars 2025"...). */
export function formatDay(day: string | Date, locale = "en"): string {
  const date = typeof day === "string" ? new Date(`${day}T00:00:00Z`) : day;
  return Number.isNaN(date.getTime()) ? String(day) : new Intl.DateTimeFormat(intlLocale(locale), DAY).format(date);
}

export function formatDateTime(date: Date, locale = "en"): string {
  return new Intl.DateTimeFormat(intlLocale(locale), DATE_TIME).format(date);
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
