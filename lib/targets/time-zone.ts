// An official's time zone: where office hours (pacing) and a digest's hour are read. Stored as an IANA name on the
// target (targets.time_zone); when the campaigner has not set one, the country's zone from the ICU data Node ships
// (Intl.Locale#timeZones). A country with several zones has no single answer, and ICU lists them alphabetically
// (the United States would start at America/Adak, in the Aleutians): there the default is the zone of the seat of
// government, where ministries and embassies sit, from the short table below; the editor shows which zone is used,
// so the campaigner can pick another.

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

// The capital's zone, for the countries ICU gives several zones (checked against ICU's list before use).
const SEAT_OF_GOVERNMENT: Record<string, string> = {
  AR: "America/Buenos_Aires", AU: "Australia/Sydney", BR: "America/Sao_Paulo", CA: "America/Toronto",
  CD: "Africa/Kinshasa", CL: "America/Santiago", CN: "Asia/Shanghai", CY: "Asia/Nicosia", DE: "Europe/Berlin",
  EC: "America/Guayaquil", ES: "Europe/Madrid", FM: "Pacific/Ponape", GL: "America/Godthab", ID: "Asia/Jakarta",
  KI: "Pacific/Tarawa", KZ: "Asia/Almaty", MH: "Pacific/Majuro", MN: "Asia/Ulaanbaatar", MX: "America/Mexico_City",
  MY: "Asia/Kuala_Lumpur", NZ: "Pacific/Auckland", PF: "Pacific/Tahiti", PG: "Pacific/Port_Moresby", PS: "Asia/Hebron",
  PT: "Europe/Lisbon", RU: "Europe/Moscow", UA: "Europe/Kiev", US: "America/New_York", UZ: "Asia/Tashkent",
};

/** The zone used for an official who has none set: the country's only zone, its capital's when it has several,
 * or UTC. */
export function defaultTimeZoneFor(country: string): string {
  const zones = timeZonesOf(country);
  const seat = SEAT_OF_GOVERNMENT[country];
  if (zones.length > 1 && seat && zones.includes(seat)) return seat;
  return zones[0] ?? "UTC";
}

/** The zone Vigil uses for an official: the one set on the target, else the default of its country. */
export function officialTimeZone(target: { timeZone?: string | null; country: string }): string {
  return target.timeZone && isIanaTimeZone(target.timeZone) ? target.timeZone : defaultTimeZoneFor(target.country);
}

// One formatter per zone: building an Intl.DateTimeFormat costs far more than using one, and office hours ask for
// the wall clock of hundreds of quarter-hours to find the next opening.
const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", weekday: "short" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock parts of `at` in `timeZone` (hour 0–23, weekday 1 = Monday … 7 = Sunday). */
export function zonedParts(at: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; weekday: number } {
  const parts = partsFormatter(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(get("weekday")) + 1;
  return { year: Number(get("year")), month: Number(get("month")), day: Number(get("day")), hour: Number(get("hour")), minute: Number(get("minute")), weekday };
}
