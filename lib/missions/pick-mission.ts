// Which diplomatic mission gets the copy of a supporter's appeal: the one rule, called by the confirmation (to
// queue the copy) and by the campaigner's overview (to show which supporters' countries have no usable mission).
// Pure: it takes the missions already loaded, so it works on parsed CSV rows and on table rows alike.

export type PickableMission = {
  operatorCountry: string;
  hostCountry: string;
  type: "embassy" | "consulate" | "other";
  email: string | null;
  address: string | null;
  /** A mission the dataset records as defunct is never picked. */
  closed?: boolean;
};

export type MissionChannel = "email" | "post";
export type NoMissionReason = "no_mission" | "no_usable_contact" | "same_country";
export type MissionPick<M> = { mission: M; channel: MissionChannel } | { mission: null; reason: NoMissionReason };

const TYPE_RANK = { embassy: 0, consulate: 1, other: 2 } as const;

function channelOf(mission: PickableMission): MissionChannel | null {
  if (mission.email) return "email";
  if (mission.address) return "post";
  return null;
}

/**
 * The mission of `operatorCountry` (the state the case is about) in `hostCountry` (the supporter's country):
 * an embassy before a consulate before anything else, then one with an email before one with only a postal
 * address. A supporter in the case's own country gets no copy: the letter already goes to that government.
 */
export function pickMission<M extends PickableMission>(
  missions: readonly M[],
  where: { operatorCountry: string; hostCountry: string },
): MissionPick<M> {
  if (where.operatorCountry === where.hostCountry) return { mission: null, reason: "same_country" };
  const here = missions.filter(
    (m) => m.operatorCountry === where.operatorCountry && m.hostCountry === where.hostCountry && !m.closed,
  );
  if (here.length === 0) return { mission: null, reason: "no_mission" };
  let best: { mission: M; channel: MissionChannel } | null = null;
  for (const mission of here) {
    const channel = channelOf(mission);
    if (!channel) continue;
    // Strictly better only, so among equals the first in the list wins and the choice is stable.
    if (
      !best ||
      TYPE_RANK[mission.type] < TYPE_RANK[best.mission.type] ||
      (TYPE_RANK[mission.type] === TYPE_RANK[best.mission.type] && channel === "email" && best.channel === "post")
    )
      best = { mission, channel };
  }
  return best ?? { mission: null, reason: "no_usable_contact" };
}

/** The supporters' countries where no copy can go, with the reason, for the campaigner's overview. */
export function findMissionGaps(input: {
  missions: readonly PickableMission[];
  operatorCountry: string;
  hostCountries: readonly string[];
}): { hostCountry: string; reason: Exclude<NoMissionReason, "same_country"> }[] {
  const gaps: { hostCountry: string; reason: Exclude<NoMissionReason, "same_country"> }[] = [];
  for (const hostCountry of new Set(input.hostCountries)) {
    const pick = pickMission(input.missions, { operatorCountry: input.operatorCountry, hostCountry });
    if (pick.mission === null && pick.reason !== "same_country") gaps.push({ hostCountry, reason: pick.reason });
  }
  return gaps;
}
