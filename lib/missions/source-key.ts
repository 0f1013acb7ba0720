// What identifies a mission across imports. Pure (no "server-only"): the import and the tests' fixture loader
// must key rows the same way, or a test's missions would be added again by an import instead of updated.
import type { ParsedMission } from "./parse-missions-csv";

/** Its Wikidata item, else its fields: the dataset has no other id. */
export function missionSourceKey(mission: Pick<ParsedMission, "wikidataId" | "operatorCountry" | "hostCountry" | "type" | "city" | "name">): string {
  if (mission.wikidataId) return mission.wikidataId;
  return ["row", mission.operatorCountry, mission.hostCountry, mission.type, mission.city ?? "", mission.name].join("|");
}
