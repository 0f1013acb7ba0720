import { formatNumber, plural } from "@/components/format";
import type { MissionCoverage } from "@/lib/missions/queries";

/** "86 missions in 61 countries; 12 with email, 1 with only an address": how many supporters' countries a
 * routed copy can reach, and how. Countries, not missions, after the semicolon: each supporter gets one copy. */
export function coverageSentence(c: Pick<MissionCoverage, "missions" | "hostCountries" | "withEmail" | "postOnly">): string {
  return `${plural(c.missions, "mission", "missions")} in ${plural(c.hostCountries, "country", "countries")}; ${formatNumber(c.withEmail)} with email, ${formatNumber(c.postOnly)} with only an address`;
}

export type { MissionCoverage };
