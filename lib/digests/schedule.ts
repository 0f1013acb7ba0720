// When an official's digest goes: at their digest hour on the wall clock of their zone. Pure (Intl only), so the
// target editor, the admin page and the timer agree. A DST gap (02:00 that never happens) sends at the first
// instant after it; an hour that happens twice (autumn) sends once, at one of them (a digest is one row per day).
import { zonedParts } from "../targets/time-zone";

/** How long before the hour a digest is prepared (its letters fixed, the preview shown to staff). A letter
 * confirmed after that goes into the next day's digest. */
export const PREPARE_AHEAD_MS = 15 * 60_000;

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/** The calendar day of `at` in `timeZone`: 'YYYY-MM-DD'. */
export function localDay(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return iso(p.year, p.month, p.day);
}

function offsetAt(t: number, timeZone: string): number {
  const p = zonedParts(new Date(t), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(t / 60_000) * 60_000;
}

/** The instant the wall clock of `timeZone` shows `hour`:00 on the given day. */
export function wallClockInstant({ year, month, day, hour }: { year: number; month: number; day: number; hour: number }, timeZone: string): Date {
  const naive = Date.UTC(year, month - 1, day, hour);
  const first = offsetAt(naive, timeZone);
  const t = naive - first;
  const second = offsetAt(t, timeZone);
  if (first === second) return new Date(t);
  const t2 = naive - second;
  // the hour falls in a DST gap when neither guess shows it: take the later instant, the end of the gap
  return new Date(offsetAt(t2, timeZone) === second ? t2 : Math.max(t, t2));
}

/** The next moment after `now` at which a digest at `hour` in `timeZone` is due. */
export function nextDigestSend(now: Date, hour: number, timeZone: string): Date {
  const p = zonedParts(now, timeZone);
  const today = wallClockInstant({ year: p.year, month: p.month, day: p.day, hour }, timeZone);
  if (today.getTime() > now.getTime()) return today;
  const next = new Date(Date.UTC(p.year, p.month - 1, p.day + 1));
  return wallClockInstant({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour }, timeZone);
}
