import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoSafeEmail, toDemoMission } from "./demo-email";
import { requireValidMissionsCsv } from "./parse-missions-csv";

const FIXTURE = readFileSync(path.join(import.meta.dirname, "../../db/fixtures/missions-china.csv"), "utf8");
const missions = requireValidMissionsCsv({ text: FIXTURE });

describe("demoSafeEmail", () => {
  it("replaces every real email with a distinct example.org address and keeps missions without one without", () => {
    const demo = missions.map(toDemoMission);
    const emails = demo.flatMap((m) => (m.email ? [m.email] : []));
    expect(emails).toHaveLength(13);
    expect(emails.every((e) => e.endsWith(".demo@example.org"))).toBe(true);
    expect(new Set(emails).size).toBe(emails.length);
    expect(demo.filter((m) => !m.email)).toHaveLength(missions.filter((m) => !m.email).length);
    // Everything but the email is the real data: the postal address still goes to the print run.
    expect(demo.find((m) => m.hostCountry === "NO")).toEqual(missions.find((m) => m.hostCountry === "NO"));
  });

  it("names embassies by country and consulates by city too", () => {
    const japan = missions.find((m) => m.hostCountry === "JP" && m.type === "embassy");
    expect(japan && demoSafeEmail(japan)).toBe("embassy-cn-jp.demo@example.org");
    const vladivostok = missions.find((m) => m.city === "Vladivostok");
    expect(vladivostok && demoSafeEmail(vladivostok)).toBe("consulate-cn-ru-vladivostok.demo@example.org");
    const base = { type: "consulate" as const, operatorCountry: "CN", hostCountry: "JP", email: "x@mfa.gov.cn" } as const;
    expect(demoSafeEmail({ ...base, city: "Ōsaka", wikidataId: null })).toBe("consulate-cn-jp-osaka.demo@example.org");
    expect(demoSafeEmail({ ...base, city: null, wikidataId: "Q99" })).toBe("consulate-cn-jp-q99.demo@example.org");
  });
});
