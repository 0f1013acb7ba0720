// Office hours of an official, read in their own time zone (lib/targets/time-zone.ts). Pure: the pacing schedule
// (lib/outbox/pacing.ts) and the pages that say when a letter will go use the same functions.
import { zonedParts } from "../targets/time-zone";

export type OfficeHours = {
  /** whole hours in the official's zone: open from `start`:00 until `end`:00 (end > start) */
  start: number;
  end: number;
  /** ISO weekdays the office works, 1 = Monday … 7 = Sunday */
  days: readonly number[];
  timeZone: string;
};

export const WORKING_DAYS = "12345";

/** "12345" → [1, 2, 3, 4, 5]; anything unreadable counts as Monday to Friday. */
export function parseOfficeDays(days: string | null | undefined): number[] {
  const list = [...new Set((days ?? WORKING_DAYS).split("").map(Number).filter((d) => d >= 1 && d <= 7))].sort();
  return list.length > 0 ? list : [1, 2, 3, 4, 5];
}

/** The office hours stored on a target or a pace row; null when none are set (letters may go at any hour). */
export function officeHoursOf(row: { officeHoursStart: number | null; officeHoursEnd: number | null; officeDays: string | null; timeZone: string | null }): OfficeHours | null {
  const { officeHoursStart: start, officeHoursEnd: end } = row;
  if (start === null || end === null || !(end > start) || !row.timeZone) return null;
  return { start, end, days: parseOfficeDays(row.officeDays), timeZone: row.timeZone };
}

export function isOpen(at: Date, hours: OfficeHours): boolean {
  const { hour, weekday } = zonedParts(at, hours.timeZone);
  return hours.days.includes(weekday) && hour >= hours.start && hour < hours.end;
}

const QUARTER = 15 * 60_000;

/** The first moment at or after `at` when the office is open: `at` itself when it is open now. Local hours change
 * only on a quarter-hour of UTC (every zone's offset is a multiple of 15 minutes), so the opening is the first
 * quarter-hour that reads as open, and a change to or from summer time needs no rule of its own. */
export function nextOpenAt(at: Date, hours: OfficeHours | null): Date {
  if (!hours || isOpen(at, hours)) return at;
  let t = Math.ceil(at.getTime() / QUARTER) * QUARTER;
  // two weeks of quarter-hours: further than any office that is open on at least one day a week is shut
  for (let i = 0; i < 4 * 24 * 14; i++, t += QUARTER) {
    if (isOpen(new Date(t), hours)) return new Date(t);
  }
  return at;
}
