// Pacing against a real SQLite file and a real SMTP server, with the clock driven by passing `now` (no sleeping):
// an official's letters go at their rate, inside office hours, under the domain's cap, across a restart; a
// supporter's confirmation is never held up, even behind 100,000 waiting appeals.
import * as orm from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, getDb, writeTransaction } from "@/db/client";
import * as schema from "@/db/schema";
import { createTestCase } from "@/tests/support/factories";
import { startSmtpCapture, type SmtpCapture } from "@/tests/support/smtp-capture";
import { signAndConfirm } from "@/tests/support/supporters";
import { getExpectedLetters, getPacingSchedule } from "../appeals/pacing-schedule";
import { inviteUser } from "../auth/commands/invite-user";
import { languageChoices, parseTargetForm } from "../targets/schemas";
import { updateTarget } from "../targets/update-target";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { closeTransport } from "../mail/transport";
import { claimDue, deliverDue, dueQuery } from "./deliver-outbox";
import { enqueueMessage } from "./enqueue-message";
import { nextOpenAt } from "./office-hours";
import type { PaceSettings } from "./pacing";

let database: TestDatabase;
let capture: SmtpCapture;

beforeAll(async () => {
  capture = await startSmtpCapture();
});

beforeEach(async () => {
  database = await useTestDatabase({ SMTP_URL: capture.url });
  getDb().run(orm.sql`pragma synchronous = normal`);
});

afterEach(async () => {
  await database?.close();
});

afterAll(async () => {
  await capture?.close();
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// a Wednesday, 08:00 UTC
const T0 = new Date("2026-12-02T08:00:00Z");

function queueAppeals(to: string, count: number, pace: PaceSettings, now: Date): string[] {
  return writeTransaction((tx) =>
    Array.from({ length: count }, (_, i) =>
      enqueueMessage(tx, { kind: "appeal", to, fromName: "A supporter via Vigil", subject: `Release Li Qiaochu (${i})`, text: `Dear Minister,\n\nLetter ${i}.`, pace }, now),
    ),
  );
}

function queueConfirmation(to: string, now: Date): string {
  return writeTransaction((tx) => enqueueMessage(tx, { kind: "confirmation", to, subject: "Confirm your appeal", text: "Follow the link." }, now));
}

/** When each row of `ids` went (the `now` of the pass that sent it), read back from the rows a pass sent. */
type Sent = Map<string, number>;

/** Runs passes from `from` to `until`, `step` apart, as a worker polling would; returns when each row was sent. */
async function runClock({ from, until, step, sent = new Map(), each }: { from: Date; until: Date; step: number; sent?: Sent; each?: (now: Date) => void }): Promise<Sent> {
  const { outbox } = schema;
  for (let t = from.getTime(); t <= until.getTime(); t += step) {
    const now = new Date(t);
    each?.(now);
    for (;;) {
      const tally = await deliverDue({ now, owner: "clock-worker" });
      if (tally.sent + tally.retry + tally.failed + tally["lost-lease"] === 0) break;
      const newly = getDb().select({ id: outbox.id }).from(outbox).where(orm.eq(outbox.status, "sent")).all();
      for (const row of newly) if (!sent.has(row.id)) sent.set(row.id, t);
    }
  }
  return sent;
}

/** The most sends in any window of `width` ms. */
function maxInWindow(times: number[], width: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= width) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe("pacing per official", () => {
  it("releases 500 letters to one official at 60 an hour, holds no confirmation back, and a restart changes nothing", async () => {
    const pace = { perHour: 60, officeHours: null };
    const ids = queueAppeals("minister@justice.example.gov", 500, pace, T0);
    const { outbox } = schema;
    const slots = getDb().select({ at: outbox.nextAttemptAt }).from(outbox).where(orm.inArray(outbox.id, ids)).all().map((r) => r.at.getTime()).sort((a, b) => a - b);
    // the schedule: one a minute from now, none at once
    expect(slots[0]).toBe(T0.getTime());
    expect(slots.at(-1)).toBe(T0.getTime() + 499 * MINUTE);

    const confirmations: { id: string; at: number }[] = [];
    const queueSome = (now: Date) => {
      if ((now.getTime() - T0.getTime()) % (37 * MINUTE) === 0) confirmations.push({ id: queueConfirmation(`supporter-${confirmations.length}@example.net`, now), at: now.getTime() });
    };
    const half = new Date(T0.getTime() + 250 * MINUTE);
    const sent = await runClock({ from: T0, until: new Date(half.getTime() - 10_000), step: 10_000, each: queueSome });
    const beforeRestart = ids.filter((id) => sent.has(id)).length;
    expect(beforeRestart).toBeGreaterThanOrEqual(245);
    expect(beforeRestart).toBeLessThanOrEqual(251);

    // a restart: the process's connection goes, a new worker opens the same file; the schedule is in the database
    closeTransport();
    closeDatabase();
    const resumedFrom = half.getTime();
    const afterRestart = await runClock({ from: half, until: new Date(T0.getTime() + 520 * MINUTE), step: 10_000, sent: new Map(sent), each: queueSome });
    const appealTimes = ids.map((id) => afterRestart.get(id));
    expect(appealTimes.every((t) => t !== undefined)).toBe(true);
    const times = appealTimes as number[];
    // never more than the rate in any hour, and no burst after the restart
    expect(maxInWindow(times, HOUR)).toBeLessThanOrEqual(60);
    expect(maxInWindow(times, MINUTE)).toBe(1);
    expect(times.filter((t) => t >= resumedFrom && t < resumedFrom + 10 * MINUTE).length).toBeLessThanOrEqual(10);
    // and at the rate, not slower: the last of 500 goes within a few minutes of 500 minutes after the first
    expect(Math.max(...times) - T0.getTime()).toBeLessThanOrEqual(505 * MINUTE);
    // each confirmation went in the pass of the moment it was queued
    expect(confirmations.length).toBeGreaterThan(10);
    for (const c of confirmations) expect(afterRestart.get(c.id)).toBe(c.at);
    expect(capture.messages.filter((m) => m.envelope.rcptTo.includes("minister@justice.example.gov")).length).toBe(500);
  }, 120_000);

  it("keeps letters inside office hours across the change to summer time, spread from the opening, not in a burst", async () => {
    // Berlin, 9 to 17, Monday to Friday; Friday 27 March 2026, 16:40 in Berlin (15:40 UTC); summer time starts Sunday 29 March
    const hours = { start: 9, end: 17, days: [1, 2, 3, 4, 5], timeZone: "Europe/Berlin" };
    const friday = new Date("2026-03-27T15:40:00Z");
    const ids = queueAppeals("buero@ministerium.example.de", 5, { perHour: 6, officeHours: hours }, friday);
    const { outbox } = schema;
    const slots = getDb().select({ id: outbox.id, at: outbox.nextAttemptAt }).from(outbox).where(orm.inArray(outbox.id, ids)).all();
    const at = ids.map((id) => slots.find((s) => s.id === id)!.at.toISOString());
    // 16:40 and 16:50 on Friday, then Monday from 09:00 Berlin summer time (07:00 UTC, not 08:00), ten minutes apart
    expect(at).toEqual(["2026-03-27T15:40:00.000Z", "2026-03-27T15:50:00.000Z", "2026-03-30T07:00:00.000Z", "2026-03-30T07:10:00.000Z", "2026-03-30T07:20:00.000Z"]);
    // and in winter the same opening is 08:00 UTC
    expect(nextOpenAt(new Date("2026-12-04T17:00:00Z"), hours).toISOString()).toBe("2026-12-07T08:00:00.000Z");

    // a letter queued before pacing was set (no slot, due now, on a Saturday) waits for the office too
    const saturday = new Date("2026-03-28T10:00:00Z");
    const legacy = writeTransaction((tx) => enqueueMessage(tx, { kind: "appeal", to: "buero@ministerium.example.de", subject: "Old", text: "Old letter." }, friday));
    // (a letter queued without settings keeps the address's stored ones)
    expect(getDb().select().from(schema.outboxLanes).where(orm.eq(schema.outboxLanes.key, "pace:buero@ministerium.example.de")).get()).toMatchObject({ perHour: 6, officeHoursStart: 9, officeHoursEnd: 17, officeDays: "12345", timeZone: "Europe/Berlin" });
    getDb().update(outbox).set({ paceKey: null, nextAttemptAt: saturday }).where(orm.eq(outbox.id, legacy)).run();
    const sent = await runClock({ from: new Date("2026-03-27T15:40:00Z"), until: new Date("2026-03-30T08:00:00Z"), step: 5 * MINUTE });
    expect(new Date(sent.get(ids[1]!)!).toISOString()).toBe("2026-03-27T15:50:00.000Z");
    expect(new Date(sent.get(ids[2]!)!).toISOString()).toBe("2026-03-30T07:00:00.000Z");
    const legacyAt = sent.get(legacy)!;
    expect(legacyAt).toBeGreaterThanOrEqual(new Date("2026-03-30T07:00:00Z").getTime());
    const all = [...sent.values()];
    expect(maxInWindow(all, HOUR)).toBeLessThanOrEqual(6);
  }, 60_000);

  it("caps a mail domain across two officials who share it", async () => {
    await database.close();
    database = await useTestDatabase({ SMTP_URL: capture.url, PACE_DOMAIN_PER_HOUR: "60" });
    const pace = { perHour: 60, officeHours: null };
    // each supporter writes to all three, as a confirmation queues one letter per official
    const a: string[] = [];
    const b: string[] = [];
    const other: string[] = [];
    for (let i = 0; i < 60; i++) {
      a.push(...queueAppeals("minister@ministry.example.gov", 1, pace, T0));
      b.push(...queueAppeals("deputy@ministry.example.gov", 1, pace, T0));
      other.push(...queueAppeals("procurator@spp.example.gov", 1, pace, T0));
    }
    const sent = await runClock({ from: T0, until: new Date(T0.getTime() + 2 * HOUR + 5 * MINUTE), step: 10_000 });
    const ministry = [...a, ...b].map((id) => sent.get(id)).filter((t): t is number => t !== undefined);
    // 120 letters to one domain at 60 an hour: about two hours, never more than 60 in an hour
    expect(maxInWindow(ministry, HOUR)).toBeLessThanOrEqual(60);
    expect(ministry.length).toBeGreaterThanOrEqual(118);
    // both officials progress together, and another domain is not held back by this one
    const firstHour = (ids: string[]) => ids.filter((id) => (sent.get(id) ?? Infinity) < T0.getTime() + HOUR).length;
    expect(firstHour(a)).toBeGreaterThanOrEqual(25);
    expect(firstHour(b)).toBeGreaterThanOrEqual(25);
    expect(firstHour(other)).toBe(60);
  }, 60_000);
});

describe("an official's own pacing, from the editor to the thank-you page", () => {
  it("gives each confirmed letter its official's next slot, shows the schedule, and re-spreads what waits when the rate changes", async () => {
    await database.close();
    database = await useTestDatabase({ SMTP_URL: capture.url, APP_URL: "http://localhost:3999", PACE_DOMAIN_PER_HOUR: "0" });
    const admin = inviteUser({ email: `pace-admin-${Date.now()}@staff.example.org`, role: "admin" }).userId;
    const theCase = createTestCase({ targets: 1 });
    const target = theCase.targets[0]!;
    const form = (fields: Record<string, string>) => {
      const all: Record<string, string> = { role: "primary", title: "Minister 1", name: "Official 1", postalAddress: "Office 1, Capital City", country: "CN", email: target.email!, salutation: "Dear Minister", language: "en", ...fields };
      const parsed = parseTargetForm((name) => all[name], languageChoices(["en"]));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      return parsed.data;
    };
    expect(updateTarget({ caseId: theCase.id, targetId: target.id, input: form({ pacePerHour: "30" }), actorId: admin })).toBe("saved");

    const supporters = [0, 1, 2].map(() => signAndConfirm({ slug: theCase.slug }).email);
    const { outbox, signatures } = schema;
    const slotsOf = () =>
      getDb().select({ at: outbox.nextAttemptAt }).from(outbox).where(orm.eq(outbox.toAddress, target.email!)).all().map((r) => r.at.getTime()).sort((x, y) => x - y);
    const first = slotsOf();
    // two minutes apart: 30 an hour
    expect(first[1]! - first[0]!).toBe(2 * MINUTE);
    expect(first[2]! - first[1]!).toBe(2 * MINUTE);

    const third = getDb().select({ id: signatures.id }).from(signatures).where(orm.eq(signatures.email, supporters[2]!)).get()!;
    expect(getExpectedLetters({ signatureId: third.id })).toEqual([{ targetId: target.id, official: "Official 1, Minister 1", at: new Date(first[2]!), timeZone: "Asia/Shanghai" }]);
    expect(getPacingSchedule({ caseId: theCase.id })).toMatchObject([{ targetId: target.id, perHour: 30, officeHours: null, timeZone: "Asia/Shanghai", waiting: 3, nextAt: new Date(first[0]!), lastAt: new Date(first[2]!) }]);

    // a slower pace with office hours: what waits is spread again, in the same order, inside the new hours
    const changedAt = Date.now();
    expect(updateTarget({ caseId: theCase.id, targetId: target.id, input: form({ pacePerHour: "4", officeHoursStart: "9", officeHoursEnd: "17", timeZone: "Europe/Paris" }), actorId: admin })).toBe("saved");
    const second = slotsOf();
    expect(second[1]! - second[0]!).toBeGreaterThanOrEqual(15 * MINUTE);
    expect(second[0]!).toBeGreaterThanOrEqual(changedAt - 1000);
    expect(getPacingSchedule({ caseId: theCase.id })[0]).toMatchObject({ perHour: 4, officeHours: "09:00–17:00, Monday to Friday", timeZone: "Europe/Paris", waiting: 3 });
    for (const at of second) expect(nextOpenAt(new Date(at), { start: 9, end: 17, days: [1, 2, 3, 4, 5], timeZone: "Europe/Paris" }).getTime()).toBe(at);
  });
});

describe("the priority lane", () => {
  it("claims a supporter's own mail before a flood of update notices, and notices before letters to officials", () => {
    const before = new Date(T0.getTime() - HOUR);
    const appeals = queueAppeals("minister@justice.example.gov", 1, { perHour: 60, officeHours: null }, before);
    const notices = writeTransaction((tx) =>
      Array.from({ length: 10 }, (_, i) => enqueueMessage(tx, { kind: "update_notice", to: `follower-${i}@example.net`, subject: "News", text: "News." }, before)),
    );
    const confirmation = queueConfirmation("supporter@example.net", T0);
    expect(claimDue({ owner: "w", limit: 1, now: T0 }).map((r) => r.id)).toEqual([confirmation]);
    expect(claimDue({ owner: "w", limit: 10, now: T0 }).map((r) => r.id).sort()).toEqual([...notices].sort());
    expect(claimDue({ owner: "w", limit: 10, now: T0 }).map((r) => r.id)).toEqual(appeals);
  });

  it("claims a new confirmation in the first poll with 100,000 paced appeals queued, through the claim index", async () => {
    const { outbox } = schema;
    writeTransaction((tx) => {
      for (let chunk = 0; chunk < 100_000; chunk += 1_000) {
        const rows = Array.from({ length: 1_000 }, (_, k) => {
          const i = chunk + k;
          const to = `official-${i % 200}@gov-${i % 7}.example.org`;
          // some overdue, most spread over the coming days, as 200 officials' schedules would be
          const due = T0.getTime() + (i < 2_000 ? -MINUTE : (i % 500) * 30 * MINUTE);
          return {
            id: `bulk-${i}`,
            kind: "appeal" as const,
            status: "queued" as const,
            messageId: `<bulk-${i}@vigil.example.org>`,
            toAddress: to,
            subject: "Release Li Qiaochu",
            textBody: "Dear Minister, ...",
            attempts: 0,
            nextAttemptAt: new Date(due),
            priority: 2,
            paceKey: `pace:${to}`,
            createdAt: new Date(T0.getTime() - HOUR),
          };
        });
        tx.insert(outbox).values(rows).run();
      }
    });
    getDb().run(orm.sql`analyze`);

    const confirmation = queueConfirmation("supporter@example.net", T0);
    const started = performance.now();
    const claimed = claimDue({ owner: "w", limit: 4, now: T0 });
    const took = performance.now() - started;
    expect(claimed.map((r) => r.id)).toContain(confirmation);
    // a claim costs what is due, not what waits: well under the 1 s poll even on a slow machine
    expect(took).toBeLessThan(250);

    const plan = getDb()
      .all<{ detail: string }>(orm.sql`explain query plan ${dueQuery({ priority: 0, now: T0, limit: 4 })}`)
      .map((r) => r.detail)
      .join("\n");
    expect(plan).toMatch(/SEARCH outbox USING INDEX outbox_claim_idx \(status=\? AND priority=\? AND next_attempt_at<\?\)/);
    expect(plan).not.toMatch(/SCAN outbox|TEMP B-TREE/);
    const bulkPlan = getDb()
      .all<{ detail: string }>(orm.sql`explain query plan ${dueQuery({ priority: 2, now: T0, limit: 20 })}`)
      .map((r) => r.detail)
      .join("\n");
    expect(bulkPlan).toMatch(/USING INDEX outbox_claim_idx/);
    expect(bulkPlan).not.toMatch(/TEMP B-TREE/);
  }, 60_000);
});
