// The rule that the demo never mails a real embassy: the seed keeps the real postal addresses (post goes only
// into a print run someone has to carry to a post office), but replaces every email with an example.org
// address (RFC 2606: reserved, deliverable nowhere). A mission with no email keeps none, so the demo shows the
// same channels (email or post) as the real data would.
import anyAscii from "any-ascii";
import type { ParsedMission } from "./parse-missions-csv";

export const DEMO_EMAIL_DOMAIN = "example.org";

type DemoMissionFields = Pick<ParsedMission, "type" | "operatorCountry" | "hostCountry" | "city" | "wikidataId" | "email">;

function slug(text: string): string {
  return anyAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

/** e.g. embassy-cn-no.demo@example.org, consulate-cn-us-houston.demo@example.org; null when the mission has no
 * email. Consulates carry their city (or Wikidata id) so two in one country get two addresses. */
export function demoSafeEmail(mission: DemoMissionFields): string | null {
  if (!mission.email) return null;
  const parts = [mission.type, mission.operatorCountry.toLowerCase(), mission.hostCountry.toLowerCase()];
  if (mission.type !== "embassy") {
    const where = (mission.city && slug(mission.city)) || mission.wikidataId?.toLowerCase();
    if (where) parts.push(where);
  }
  return `${parts.join("-")}.demo@${DEMO_EMAIL_DOMAIN}`;
}

/** The mission as the demo seed stores it: everything real except the email. */
export function toDemoMission<M extends DemoMissionFields>(mission: M): M {
  return { ...mission, email: demoSafeEmail(mission) };
}
