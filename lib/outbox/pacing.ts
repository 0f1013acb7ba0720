import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outbox, outboxLanes, type OutboxKind } from "@/db/schema";
import { env } from "../env";
import { nextOpenAt, officeHoursOf, type OfficeHours } from "./office-hours";

// Pacing of letters to officials. Each address has a schedule row in outbox_lanes ("pace:<address>") and each mail
// domain another ("pace-domain:<domain>"):
// - next_slot_at: the next free slot. A letter queued gets max(now, the address's and the domain's next slot),
//   moved into office hours, as its next_attempt_at; the address's next slot moves on by 3600/N seconds. Written
//   in the transaction that queues the letter, so the schedule survives a restart and two confirmations at once
//   cannot take one slot (writes are BEGIN IMMEDIATE).
// - available_at: the gate. A paced row is claimed only when both gates are open (and, with office hours, the
//   office is open); the claim moves both gates on by one interval. Rows queued before pacing existed, retries
//   and a restarted worker all pass the same gate, so no more than the rate goes whatever the rows say.

/** Letters to officials: paced, and claimed after every supporter's and staff member's mail. */
export const PACED_KINDS: ReadonlySet<OutboxKind> = new Set<OutboxKind>(["appeal"]);
// a digest is an official's one message of the day, already sent at its hour: claimed after supporters' mail, not
// paced again
const TO_OFFICIALS: ReadonlySet<OutboxKind> = new Set<OutboxKind>(["appeal", "fax", "digest"]);

export type Priority = 0 | 1 | 2;

/** The claim order: 0 a supporter's or staff member's own mail (a confirmation, a sign-in link, an alert: one
 * person waits for it), 1 update notices and failure notices (one per follower or failed letter: thousands at
 * once must not hold up a confirmation), 2 letters to officials (paced) and digests. */
export function priorityOf(kind: OutboxKind): Priority {
  if (TO_OFFICIALS.has(kind)) return 2;
  return kind === "update_notice" || kind === "failure_notice" ? 1 : 0;
}

export type PaceSettings = { perHour: number; officeHours: OfficeHours | null };

type PaceRow = typeof outboxLanes.$inferSelect;

export const paceKey = (address: string) => `pace:${address.trim().toLowerCase()}`;
export const domainKey = (address: string) => `pace-domain:${address.trim().toLowerCase().split("@").pop() ?? ""}`;

export const intervalMs = (perHour: number) => Math.round(3_600_000 / perHour);

/** The pacing an official's letters get: their own rate (else PACE_DEFAULT_PER_HOUR) and office hours. */
export function paceSettingsFor(target: { pacePerHour: number | null; officeHoursStart: number | null; officeHoursEnd: number | null; officeDays: string | null } | null, timeZone: string | null): PaceSettings {
  const perHour = target?.pacePerHour && target.pacePerHour > 0 ? target.pacePerHour : env().PACE_DEFAULT_PER_HOUR;
  const officeHours = target ? officeHoursOf({ ...target, timeZone }) : null;
  return { perHour, officeHours };
}

/** The settings a pace row carries (copied from the official when a letter was last queued or the official edited). */
export function settingsOfRow(row: PaceRow | undefined): PaceSettings {
  return { perHour: row?.perHour ?? env().PACE_DEFAULT_PER_HOUR, officeHours: row ? officeHoursOf(row) : null };
}

function readRows(tx: Db, keys: string[]): Map<string, PaceRow> {
  const rows = tx.select().from(outboxLanes).where(inArray(outboxLanes.key, keys)).all();
  return new Map(rows.map((r) => [r.key, r]));
}

function settingsColumns(settings: PaceSettings) {
  const hours = settings.officeHours;
  return {
    perHour: settings.perHour,
    officeHoursStart: hours?.start ?? null,
    officeHoursEnd: hours?.end ?? null,
    officeDays: hours ? hours.days.join("") : null,
    timeZone: hours?.timeZone ?? null,
  };
}

function writeRow(tx: Db, key: string, values: Partial<Omit<PaceRow, "key">>): void {
  tx.insert(outboxLanes)
    .values({ key, availableAt: new Date(0), ...values })
    .onConflictDoUpdate({ target: outboxLanes.key, set: values })
    .run();
}

/** Gives a letter to `address` its slot: the moment it is due. Runs inside the transaction that queues it. */
export function takePaceSlot(
  tx: Db,
  { address, settings: given, now, followDomain = true }: { address: string; settings?: PaceSettings; now: Date; followDomain?: boolean },
): Date {
  const key = paceKey(address);
  const dKey = domainKey(address);
  const rows = readRows(tx, [key, dKey]);
  const own = rows.get(key);
  const domain = rows.get(dKey);
  // no settings given (a letter not from an official's row): those last stored for the address, else the defaults
  const settings = given ?? settingsOfRow(own);
  const capped = followDomain && env().PACE_DOMAIN_PER_HOUR > 0;
  const earliest = Math.max(
    now.getTime(),
    own?.nextSlotAt?.getTime() ?? 0,
    own?.availableAt.getTime() ?? 0,
    capped ? (domain?.nextSlotAt?.getTime() ?? 0) : 0,
    capped ? (domain?.availableAt.getTime() ?? 0) : 0,
  );
  const slot = nextOpenAt(new Date(earliest), settings.officeHours);
  writeRow(tx, key, { nextSlotAt: new Date(slot.getTime() + intervalMs(settings.perHour)), ...settingsColumns(settings) });
  // the domain's schedule moves on from where this letter would have gone without office hours, so one official's
  // closed office does not hold back another's letters on the same server; the claim gate still keeps the cap
  if (capped) {
    const domainNext = Math.max(domain?.nextSlotAt?.getTime() ?? 0, earliest + intervalMs(env().PACE_DOMAIN_PER_HOUR));
    writeRow(tx, dKey, { nextSlotAt: new Date(domainNext), perHour: env().PACE_DOMAIN_PER_HOUR });
  }
  return slot;
}

// how late a worker may poll without the next letter's gate moving later: one poll, at most a tenth of the interval
const tolerance = (perHour: number) => Math.min(env().OUTBOX_POLL_MS, intervalMs(perHour) / 10);

export type GateDecision = { open: true } | { open: false; until: Date };

/** The claim gate for one paced letter, from rows read in the claiming transaction (`rows` is updated in place as
 * letters are let through, so one claim lets at most one letter per address and per domain through). */
export function passGate(rows: Map<string, PaceRow>, address: string, now: Date): GateDecision {
  const own = rows.get(paceKey(address));
  const domain = rows.get(domainKey(address));
  const settings = settingsOfRow(own);
  const capped = env().PACE_DOMAIN_PER_HOUR > 0;
  const gateAt = Math.max(own?.availableAt.getTime() ?? 0, capped ? (domain?.availableAt.getTime() ?? 0) : 0);
  const opening = nextOpenAt(new Date(Math.max(gateAt, now.getTime())), settings.officeHours);
  if (opening.getTime() > now.getTime()) return { open: false, until: opening };
  // the gate moves on by one interval from where it stood, not from now, so a worker that polls a little late does
  // not slow the rate down; never sooner than an interval (less one poll) from now, so an idle gate sends no burst
  const advance = (row: PaceRow | undefined, key: string, perHour: number) => {
    const interval = intervalMs(perHour);
    const next = Math.max((row?.availableAt.getTime() ?? 0) + interval, now.getTime() + interval - tolerance(perHour));
    rows.set(key, { ...(row ?? emptyRow(key)), availableAt: new Date(next) });
  };
  advance(own, paceKey(address), settings.perHour);
  if (capped) advance(domain, domainKey(address), env().PACE_DOMAIN_PER_HOUR);
  return { open: true };
}

function emptyRow(key: string): PaceRow {
  return { key, availableAt: new Date(0), nextSlotAt: null, perHour: null, officeHoursStart: null, officeHoursEnd: null, officeDays: null, timeZone: null };
}

export function readPaceRows(tx: Db, addresses: string[]): Map<string, PaceRow> {
  const keys = [...new Set(addresses.flatMap((a) => [paceKey(a), domainKey(a)]))];
  return keys.length === 0 ? new Map() : readRows(tx, keys);
}

/** Stores the gates moved by passGate. */
export function writeGates(tx: Db, before: Map<string, PaceRow>, after: Map<string, PaceRow>): void {
  for (const [key, row] of after) {
    const was = before.get(key);
    if (was && was.availableAt.getTime() === row.availableAt.getTime()) continue;
    writeRow(tx, key, { availableAt: row.availableAt, ...(was ? {} : { perHour: row.perHour }) });
  }
}



/** An official's rate or office hours changed: their settings go onto the schedule row, and the letters waiting for
 * their address are given new slots from now, in the order they had, at the new pace. The domain's schedule is
 * not followed here (it still counts this official's old slots); the claim gate keeps the domain's cap. */
export function respreadPacedLetters(tx: Db, { address, settings, now }: { address: string; settings: PaceSettings; now: Date }): number {
  const key = paceKey(address);
  writeRow(tx, key, { ...settingsColumns(settings), nextSlotAt: null });
  const waiting = tx
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.paceKey, key), eq(outbox.status, "queued")))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.createdAt))
    .all();
  for (const row of waiting) {
    const slot = takePaceSlot(tx, { address, settings, now, followDomain: false });
    tx.update(outbox).set({ nextAttemptAt: slot }).where(and(eq(outbox.id, row.id), eq(outbox.status, "queued"))).run();
  }
  return waiting.length;
}
