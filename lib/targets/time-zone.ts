// An official's time zone: where office hours (pacing) and a digest's hour are read. Stored as an IANA name on the
// target (targets.time_zone); when the campaigner has not set one, the country's zone from the ICU data Node ships
// (Intl.Locale#timeZones), so no hand-written table goes stale. A country with several zones (US, RU, BR, CN…)
// has no single answer: the first of its list is used and the editor shows which, so the campaigner can pick.

const known = new Set<string>(Intl.supportedValuesOf("timeZone"));

/** True for an IANA zone name this runtime knows ("Europe/Paris", "Asia/Shanghai", "UTC"); aliases such as
 * "Asia/Calcutta" are accepted because Intl resolves them. Offsets ("+08:00") and abbreviations ("CET") are not
 * zones: a fixed offset has no daylight-saving rules, and an abbreviation names several places. */
export function isIanaTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  if (known.has(name) || name === "UTC") return true;
  try {
    const resolved = new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
    return name.includes("/") && resolved.length > 0;
  } catch {
    return false;
  }
}

/** The zones of a country (ISO 3166 alpha-2), as ICU lists them; empty for an unknown code. */
export function timeZonesOf(country: string): string[] {
  if (!/^[A-Z]{2}$/.test(country)) return [];
  try {
    const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & { timeZones?: string[]; getTimeZones?: () => string[] };
    return locale.getTimeZones?.() ?? locale.timeZones ?? [];
  } catch {
    return [];
  }
}

/** The zone used for an official who has none set: the country's first zone, or UTC. */
export function defaultTimeZoneFor(country: string): string {
  return timeZonesOf(country)[0] ?? "UTC";
}

/** The zone Vigil uses for an official: the one set on the target, else the default of its country. */
export function officialTimeZone(target: { timeZone?: string | null; country: string }): string {
  return target.timeZone && isIanaTimeZone(target.timeZone) ? target.timeZone : defaultTimeZoneFor(target.country);
}

/** The wall-clock parts of `at` in `timeZone` (hour 0–23, weekday 1 = Monday … 7 = Sunday). */
export function zonedParts(at: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; weekday: number } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    weekday: "short",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(get("weekday")) + 1;
  return { year: Number(get("year")), month: Number(get("month")), day: Number(get("day")), hour: Number(get("hour")), minute: Number(get("minute")), weekday };
}
