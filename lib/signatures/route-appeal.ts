import "server-only";
import type { Db } from "@/db/client";
import { isBouncing } from "../bounces/email-health";
import { countryName } from "../countries";
import { getMissionsFor } from "../missions/queries";
import { pickMission } from "../missions/pick-mission";
import { channelFor, type AppealChannel, type ChannelConfig } from "../targets/channel";
import { recipientLines } from "../targets/naming";
import type { Target } from "../targets/types";
import type { LetterTarget } from "../letters/render";

/** How a routed copy greets a mission when the campaigner left the salutation empty. */
export const MISSION_SALUTATION = "Your Excellency";

export type AppealRoute = {
  channel: AppealChannel;
  /** whom the letter names and greets: the official, or for a routed copy the mission chosen */
  letterTarget: LetterTarget;
  /** envelope lines, fixed on the appeal */
  recipient: string[];
  /** the email address or E.164 fax number the letter goes to; null for post */
  deliveryAddress: string | null;
  missionId: string | null;
};

/**
 * Where one supporter's letter to one target goes, decided when they confirm. A fixed target follows the one
 * channel rule (channelFor). A routed copy goes to the mission of `missionOf` (else the case's country) in the
 * supporter's country, chosen by pickMission; null when there is none to write to.
 */
export function routeAppeal({
  tx,
  target,
  caseCountry,
  supporterCountry,
  channelConfig,
}: {
  tx: Db;
  target: Target;
  caseCountry: string;
  supporterCountry: string;
  channelConfig: ChannelConfig;
}): AppealRoute | null {
  if (target.routing === "fixed") {
    // an address that bounced hard BOUNCE_SWITCH_AFTER times in a row is passed over: post or fax instead
    const email = isBouncing(tx, target.email) ? null : target.email;
    const channel = channelFor({ email, fax: target.fax }, channelConfig);
    return {
      channel,
      letterTarget: target,
      recipient: recipientLines(target),
      deliveryAddress: channel === "email" ? email : channel === "fax" ? target.fax : null,
      missionId: null,
    };
  }

  const operatorCountry = target.missionOf ?? caseCountry;
  const pick = pickMission(getMissionsFor({ operatorCountry, hostCountry: supporterCountry, db: tx }), {
    operatorCountry,
    hostCountry: supporterCountry,
  });
  if (!pick.mission) return null;
  const { mission } = pick;
  const host = countryName(mission.hostCountry);
  // the dataset's address is one line, "Tuengen allé 2B, 0374 Oslo": one envelope line per part, then the country
  const addressLines = (mission.address ?? mission.city ?? "").split(",").map((l) => l.trim()).filter(Boolean);
  if (addressLines.at(-1) !== host) addressLines.push(host);
  return {
    channel: pick.channel,
    letterTarget: { title: mission.name, name: null, office: null, salutation: target.salutation.trim() || MISSION_SALUTATION },
    recipient: [mission.name, ...addressLines],
    deliveryAddress: pick.channel === "email" ? mission.email : null,
    missionId: mission.id,
  };
}
