import { describe, expect, it } from "vitest";
import { localDay, nextDigestSend, wallClockInstant } from "./schedule";

describe("digest hour in the official's zone", () => {
  it("keeps the wall-clock hour across the DST change (New York, 9:00)", () => {
    // winter: EST = UTC−5; summer (from 8 March 2026, 2:00): EDT = UTC−4
    expect(nextDigestSend(new Date("2026-03-07T15:00:00Z"), 9, "America/New_York").toISOString()).toBe("2026-03-08T13:00:00.000Z");
    expect(nextDigestSend(new Date("2026-03-06T20:00:00Z"), 9, "America/New_York").toISOString()).toBe("2026-03-07T14:00:00.000Z");
    expect(nextDigestSend(new Date("2026-11-01T12:00:00Z"), 9, "America/New_York").toISOString()).toBe("2026-11-01T14:00:00.000Z");
  });

  it("sends at the end of a DST gap when the hour does not exist that day (London, 1:00 on 29 March 2026)", () => {
    expect(wallClockInstant({ year: 2026, month: 3, day: 29, hour: 1 }, "Europe/London").toISOString()).toBe("2026-03-29T01:00:00.000Z");
  });

  it("reads the hour and the day where the official is, not on the server (Shanghai, midnight)", () => {
    const now = new Date("2026-12-02T15:30:00Z"); // 23:30 in Shanghai
    const at = nextDigestSend(now, 0, "Asia/Shanghai");
    expect(at.toISOString()).toBe("2026-12-02T16:00:00.000Z");
    expect(localDay(at, "Asia/Shanghai")).toBe("2026-12-03");
  });

  it("moves to tomorrow once today's hour has passed, and never returns now itself", () => {
    const now = new Date("2026-12-02T09:00:00Z");
    expect(nextDigestSend(now, 9, "UTC").toISOString()).toBe("2026-12-03T09:00:00.000Z");
    expect(nextDigestSend(new Date("2026-12-31T10:00:00Z"), 9, "UTC").toISOString()).toBe("2027-01-01T09:00:00.000Z");
  });
});
