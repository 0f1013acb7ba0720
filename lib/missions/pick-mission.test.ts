import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { requireValidMissionsCsv } from "./parse-missions-csv";
import { findMissionGaps, pickMission, type PickableMission } from "./pick-mission";

const FIXTURE = readFileSync(path.join(import.meta.dirname, "../../db/fixtures/missions-china.csv"), "utf8");
const missions = requireValidMissionsCsv({ text: FIXTURE });
const CN = "CN";

const mission = (overrides: Partial<PickableMission> & { id: string }) => ({
  operatorCountry: CN,
  hostCountry: "XX",
  type: "embassy" as const,
  email: null,
  address: null,
  ...overrides,
});

describe("pickMission on the fixture", () => {
  it("sends a supporter in Norway's copy to the Oslo embassy by post: it has an address but no email", () => {
    const pick = pickMission(missions, { operatorCountry: CN, hostCountry: "NO" });
    expect(pick.mission?.name).toBe("Embassy of the People's Republic of China in Norway");
    expect(pick.mission?.address).toBe("Tuengen allé 2B, 0374 Oslo");
    expect(pick).toMatchObject({ channel: "post" });
  });

  it("sends by email where the embassy has one", () => {
    const pick = pickMission(missions, { operatorCountry: CN, hostCountry: "JP" });
    expect(pick).toMatchObject({ channel: "email", mission: { type: "embassy", email: "info@china-embassy.or.jp" } });
  });

  it("gives a supporter in Iceland, where the fixture has no mission, none", () => {
    expect(missions.some((m) => m.hostCountry === "IS")).toBe(false);
    expect(pickMission(missions, { operatorCountry: CN, hostCountry: "IS" })).toEqual({ mission: null, reason: "no_mission" });
  });

  it("reports a country whose missions have neither email nor address", () => {
    expect(pickMission(missions, { operatorCountry: CN, hostCountry: "DE" })).toEqual({ mission: null, reason: "no_usable_contact" });
  });

  it("gives a supporter in the case's own country no embassy copy", () => {
    expect(pickMission(missions, { operatorCountry: CN, hostCountry: CN })).toEqual({ mission: null, reason: "same_country" });
  });

  it("finds the gaps a campaigner should see, once per country, leaving out the case's own country", () => {
    const gaps = findMissionGaps({ missions, operatorCountry: CN, hostCountries: ["NO", "IS", "DE", "IS", "JP", CN] });
    expect(gaps).toEqual([
      { hostCountry: "IS", reason: "no_mission" },
      { hostCountry: "DE", reason: "no_usable_contact" },
    ]);
  });
});

describe("pickMission's order", () => {
  it("prefers an embassy with only an address over a consulate with an email", () => {
    const list = [
      mission({ id: "consulate", type: "consulate", email: "c@example.org" }),
      mission({ id: "embassy", address: "1 Main St" }),
    ];
    expect(pickMission(list, { operatorCountry: CN, hostCountry: "XX" })).toMatchObject({ channel: "post", mission: { id: "embassy" } });
  });

  it("prefers, among embassies, one with an email over one with only an address", () => {
    const list = [mission({ id: "post", address: "1 Main St" }), mission({ id: "email", email: "e@example.org" })];
    expect(pickMission(list, { operatorCountry: CN, hostCountry: "XX" })).toMatchObject({ channel: "email", mission: { id: "email" } });
  });

  it("falls back to a consulate when the embassy has no contact, and a consulate before other missions", () => {
    const list = [
      mission({ id: "other", type: "other", email: "o@example.org" }),
      mission({ id: "embassy" }),
      mission({ id: "consulate", type: "consulate", address: "2 Main St" }),
    ];
    expect(pickMission(list, { operatorCountry: CN, hostCountry: "XX" })).toMatchObject({ channel: "post", mission: { id: "consulate" } });
  });

  it("never picks a closed mission, nor another state's mission", () => {
    const list = [
      mission({ id: "closed", email: "x@example.org", closed: true }),
      mission({ id: "french", operatorCountry: "FR", email: "f@example.org" }),
    ];
    expect(pickMission(list, { operatorCountry: CN, hostCountry: "XX" })).toEqual({ mission: null, reason: "no_mission" });
  });

  it("keeps the first of equals, so the choice is stable", () => {
    const list = [mission({ id: "first", email: "a@example.org" }), mission({ id: "second", email: "b@example.org" })];
    expect(pickMission(list, { operatorCountry: CN, hostCountry: "XX" }).mission?.id).toBe("first");
  });
});
