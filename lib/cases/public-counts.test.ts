// The public figures of a case (issue 8 item 6) against a real SQLite file and an explicit clock: countries only
// from the threshold, the rest as "other countries", and small counts in deterministic, jittered steps that never
// show more than the true count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { signatures } from "@/db/schema";
import { createTestCase } from "@/tests/support/factories";
import { setEnv, useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { getDeliveryCounts } from "../appeals/delivery-counts";
import { getApiCase, listApiCases } from "./api";
import { getPublicCounts, groupCountries, publicCountCutoff, PUBLIC_COUNT_STEP_MS } from "./public-counts";
import { getPublicCaseBySlug, getSignatureCount, listPublicCases } from "./queries";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase({ APP_URL: "https://appeals.example.org" });
});
afterAll(() => database?.close());

/** A confirmed signature from `country`, confirmed at `at` (default: a day ago, before any step's moment). */
function confirmed({ caseId, country, at = new Date(Date.now() - 86_400_000) }: { caseId: string; country: string; at?: Date }) {
  const id = crypto.randomUUID();
  const email = `s-${id.slice(0, 8)}@supporters.example.net`;
  getDb()
    .insert(signatures)
    .values({ id, caseId, fullName: "S", email, emailNormalized: email, country, status: "confirmed", confirmedAt: at, tokenHash: id, tokenExpiresAt: at, createdAt: at, updatedAt: at })
    .run();
}

describe("groupCountries", () => {
  it("lists countries from the threshold, largest first, and sums the rest", () => {
    const rows = [{ country: "CN", count: 3 }, { country: "FR", count: 12 }, { country: "DE", count: 10 }, { country: "IS", count: 9 }];
    expect(groupCountries(rows, 10)).toEqual({ countsByCountry: [{ country: "FR", count: 12 }, { country: "DE", count: 10 }], otherCountries: 12 });
    expect(groupCountries(rows, 1).otherCountries).toBe(0);
  });
});

describe("public counts of a case", () => {
  it("shows FR 12 and no CN row for 3 supporters from CN and 12 from FR, the CN three as other countries", () => {
    const theCase = createTestCase({ targets: 1 });
    for (let i = 0; i < 3; i++) confirmed({ caseId: theCase.id, country: "CN" });
    for (let i = 0; i < 12; i++) confirmed({ caseId: theCase.id, country: "FR" });

    const page = getPublicCaseBySlug({ slug: theCase.slug })!;
    expect(page.countsByCountry).toEqual([{ country: "FR", count: 12 }]);
    expect(page.otherCountries).toBe(3);
    expect(page.signatureCount).toBe(15);
    const api = getApiCase({ slug: theCase.slug })!;
    expect(api).toMatchObject({ signatureCount: 15, countsByCountry: [{ country: "FR", count: 12 }], otherCountries: 3 });
    expect(JSON.stringify(api.countsByCountry)).not.toContain("CN");
    expect(listApiCases().find((c) => c.slug === theCase.slug)).toMatchObject({ countsByCountry: [{ country: "FR", count: 12 }], otherCountries: 3 });
  });

  it("takes the threshold from COUNTRY_COUNT_THRESHOLD", () => {
    const theCase = createTestCase({ targets: 1 });
    for (let i = 0; i < 3; i++) confirmed({ caseId: theCase.id, country: "CN" });
    for (let i = 0; i < 12; i++) confirmed({ caseId: theCase.id, country: "FR" });
    const restore = setEnv({ APP_URL: "https://appeals.example.org", COUNTRY_COUNT_THRESHOLD: "3" });
    try {
      expect(getPublicCounts({ caseId: theCase.id })).toMatchObject({ countsByCountry: [{ country: "FR", count: 12 }, { country: "CN", count: 3 }], otherCountries: 0 });
    } finally {
      restore();
    }
    const restore2 = setEnv({ APP_URL: "https://appeals.example.org", COUNTRY_COUNT_THRESHOLD: "13" });
    try {
      expect(getPublicCounts({ caseId: theCase.id })).toMatchObject({ total: 15, countsByCountry: [], otherCountries: 15 });
    } finally {
      restore2();
    }
  });
});

describe("small counts move in steps", () => {
  const step = PUBLIC_COUNT_STEP_MS;
  const base = Math.floor(Date.now() / step) * step - 50 * step;

  it("places each step's moment 0 to one step before the step starts, deterministically, and never backwards", () => {
    const caseId = crypto.randomUUID();
    let previous = 0;
    const offsets = new Set<number>();
    for (let k = 0; k < 200; k++) {
      const start = base + k * step;
      const cutoff = publicCountCutoff({ caseId, now: new Date(start) }).getTime();
      expect(publicCountCutoff({ caseId, now: new Date(start + step - 1) }).getTime()).toBe(cutoff);
      expect(cutoff).toBeLessThanOrEqual(start);
      expect(cutoff).toBeGreaterThan(start - step);
      expect(cutoff).toBeGreaterThan(previous);
      previous = cutoff;
      offsets.add(start - cutoff);
    }
    // jittered: not one fixed offset
    expect(offsets.size).toBeGreaterThan(150);
  });

  it("shows the same figures all through a step, never more than the true count, and every signature within two steps", () => {
    const theCase = createTestCase({ targets: 1 });
    confirmed({ caseId: theCase.id, country: "FR", at: new Date(base - 3 * step) });
    const times: number[] = [];
    for (let i = 0; i < 30; i++) times.push(base + Math.floor((i * step) / 3) + 17_000);
    for (const t of times) confirmed({ caseId: theCase.id, country: "FR", at: new Date(t) });
    const truth = (now: number) => 1 + times.filter((t) => t < now).length;

    let shownBefore = 0;
    for (let k = 0; k < 14; k++) {
      const start = base + k * step;
      const seen = [0, 1, step / 2, step - 1].map((d) => getPublicCounts({ caseId: theCase.id, now: new Date(start + d) }));
      // deterministic per step: the same total at every moment of it, though signatures arrive meanwhile
      expect(new Set(seen.map((s) => s.total)).size).toBe(1);
      const shown = seen[0]!.total;
      expect(shown).toBeLessThanOrEqual(truth(start));
      expect(shown).toBeGreaterThanOrEqual(truth(start - step));
      expect(shown).toBeGreaterThanOrEqual(shownBefore);
      expect(seen[0]!.asOf).not.toBeNull();
      shownBefore = shown;
    }
    // the staff figure is exact
    expect(getSignatureCount({ caseId: theCase.id })).toBe(31);
  });

  it("steps the case list and the delivery counts with it, and is live from PUBLIC_COUNT_EXACT_FROM", () => {
    const theCase = createTestCase({ targets: 1 });
    for (let i = 0; i < 4; i++) confirmed({ caseId: theCase.id, country: "GB" });
    // just now: inside the current step, so not shown yet
    confirmed({ caseId: theCase.id, country: "GB", at: new Date() });
    expect(getPublicCounts({ caseId: theCase.id }).total).toBe(4);
    expect(listPublicCases().find((c) => c.id === theCase.id)?.signatureCount).toBe(4);
    const asOf = getPublicCounts({ caseId: theCase.id }).asOf;
    expect(getDeliveryCounts({ caseId: theCase.id, asOf }).confirmed).toBe(4);
    expect(getDeliveryCounts({ caseId: theCase.id }).confirmed).toBe(5);

    const restore = setEnv({ APP_URL: "https://appeals.example.org", PUBLIC_COUNT_EXACT_FROM: "5" });
    try {
      expect(getPublicCounts({ caseId: theCase.id })).toMatchObject({ total: 5, asOf: null });
      expect(listPublicCases().find((c) => c.id === theCase.id)?.signatureCount).toBe(5);
    } finally {
      restore();
    }
  });
});
