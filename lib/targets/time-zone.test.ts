import { describe, expect, it } from "vitest";
import { defaultTimeZoneFor, isIanaTimeZone, officialTimeZone, timeZonesOf, zonedParts } from "./time-zone";

describe("official time zones", () => {
  it("accepts IANA names and refuses offsets, abbreviations and made-up places", () => {
    const good = ["Europe/Paris", "Asia/Shanghai", "America/Argentina/Buenos_Aires", "UTC", "Asia/Calcutta"];
    const bad = ["", "+08:00", "CET", "Europe/Atlantis", "Asia/Shanghai\nBcc: x", "../etc/passwd", "Europe/"];
    expect(good.filter((zone) => !isIanaTimeZone(zone))).toEqual([]);
    expect(bad.filter((zone) => isIanaTimeZone(zone))).toEqual([]);
  });

  it("defaults from the country, and a set zone wins", () => {
    expect(defaultTimeZoneFor("FR")).toBe("Europe/Paris");
    expect(defaultTimeZoneFor("CN")).toBe("Asia/Shanghai");
    expect(timeZonesOf("US").length).toBeGreaterThan(3);
    // several zones: the capital's, not ICU's alphabetical first (America/Adak, Asia/Anadyr, America/Araguaina)
    expect(["US", "RU", "BR", "AU", "CA", "MX", "ES", "PT"].map(defaultTimeZoneFor)).toEqual([
      "America/New_York", "Europe/Moscow", "America/Sao_Paulo", "Australia/Sydney", "America/Toronto", "America/Mexico_City", "Europe/Madrid", "Europe/Lisbon",
    ]);
    expect(defaultTimeZoneFor("XX")).toBe("UTC");
    expect(officialTimeZone({ country: "CN", timeZone: "Asia/Urumqi" })).toBe("Asia/Urumqi");
    expect(officialTimeZone({ country: "CN", timeZone: null })).toBe("Asia/Shanghai");
  });

  it("reads wall-clock hours across a daylight-saving change", () => {
    // Paris went from UTC+2 to UTC+1 at 01:00 UTC on 2026-10-25
    expect(zonedParts(new Date("2026-10-24T07:00:00Z"), "Europe/Paris")).toMatchObject({ hour: 9, weekday: 6 });
    expect(zonedParts(new Date("2026-10-26T08:00:00Z"), "Europe/Paris")).toMatchObject({ hour: 9, weekday: 1 });
    expect(zonedParts(new Date("2026-12-02T01:30:00Z"), "Asia/Shanghai")).toMatchObject({ hour: 9, minute: 30, day: 2 });
  });
});
