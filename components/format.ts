// Formatting shared by pages and components: one place decides how a number or a date reads.
const numberFormat = new Intl.NumberFormat("en-GB");
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** A calendar day stored as 'YYYY-MM-DD' (or a Date), as "14 March 2025". */
export function formatDay(day: string | Date): string {
  const date = typeof day === "string" ? new Date(`${day}T00:00:00Z`) : day;
  return Number.isNaN(date.getTime()) ? String(day) : dateFormat.format(date);
}

export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
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

/** When a paced letter is expected to go, in the official's zone, to the nearest quarter hour:
 * "3 December around 10:00 (China Standard Time)". */
export function formatExpectedAt(at: Date, timeZone: string): string {
  const quarter = 15 * 60_000;
  const rounded = new Date(Math.round(at.getTime() / quarter) * quarter);
  const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone }).format(rounded);
  const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(rounded);
  const zone = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "longGeneric" }).formatToParts(rounded).find((p) => p.type === "timeZoneName")?.value ?? timeZone;
  return `${day} around ${time} (${zone})`;
}
