import "server-only";
// What the public sees of a case's count (docs/decisions/014-public-counts.md). Staff pages read the exact
// figures from lib/dashboard instead.
import { and, eq, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signatures } from "@/db/schema";
import { env } from "../env";
import { keyedHash } from "../security/secret";

/** Small counts move in steps of this length: who signed is not visible to the minute. */
export const PUBLIC_COUNT_STEP_MS = 10 * 60_000;

export type CountryCount = { country: string; count: number };

export type PublicCounts = {
  /** confirmed signatures as shown; never more than the true count */
  total: number;
  /** countries with at least COUNTRY_COUNT_THRESHOLD, largest first */
  countsByCountry: CountryCount[];
  /** every other supporter, so the rows always add up to the total */
  otherCountries: number;
  /** the moment the figures describe when they are stepped (small counts); null when live */
  asOf: Date | null;
};

/**
 * The moment the stepped figures describe, for the step `now` is in: the step's start moved back by a secret,
 * per case and per step amount (0 to one step), so an observer cannot tell which 10 to 20 minutes a change
 * covers. Deterministic: every request in one step sees the same figures. It never goes backwards: the next
 * step's moment is at least one millisecond later.
 */
export function publicCountCutoff({ caseId, now = new Date() }: { caseId: string; now?: Date }): Date {
  const step = Math.floor(now.getTime() / PUBLIC_COUNT_STEP_MS);
  const digest = Buffer.from(keyedHash("public-count", `${caseId}:${step}`), "base64url");
  const back = digest.readUInt32BE(0) % PUBLIC_COUNT_STEP_MS;
  return new Date(step * PUBLIC_COUNT_STEP_MS - back);
}

/** Countries under the threshold are grouped, so a country's first supporters cannot be told apart. */
export function groupCountries(rows: readonly CountryCount[], threshold: number): { countsByCountry: CountryCount[]; otherCountries: number } {
  const shown = rows.filter((r) => r.count >= threshold).sort((a, b) => b.count - a.count || a.country.localeCompare(b.country));
  const otherCountries = rows.reduce((sum, r) => sum + (r.count >= threshold ? 0 : r.count), 0);
  return { countsByCountry: shown, otherCountries };
}

function countsBefore(caseId: string, cutoff: Date | null): CountryCount[] {
  const filters = [eq(signatures.caseId, caseId), eq(signatures.status, "confirmed")];
  if (cutoff) filters.push(lt(signatures.confirmedAt, cutoff));
  return getDb()
    .select({ country: signatures.country, count: sql<number>`count(*)` })
    .from(signatures)
    .where(and(...filters))
    .groupBy(signatures.country)
    .all();
}

/** The public figures of one case: live from PUBLIC_COUNT_EXACT_FROM confirmed signatures, stepped below it. */
export function getPublicCounts({ caseId, now = new Date() }: { caseId: string; now?: Date }): PublicCounts {
  const config = env();
  const live = countsBefore(caseId, null);
  const liveTotal = live.reduce((sum, r) => sum + r.count, 0);
  const stepped = liveTotal < config.PUBLIC_COUNT_EXACT_FROM;
  const asOf = stepped ? publicCountCutoff({ caseId, now }) : null;
  const rows = asOf ? countsBefore(caseId, asOf) : live;
  return {
    total: rows.reduce((sum, r) => sum + r.count, 0),
    ...groupCountries(rows, config.COUNTRY_COUNT_THRESHOLD),
    asOf,
  };
}
