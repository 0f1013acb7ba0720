import "server-only";
import { and, eq } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { cases, targets } from "@/db/schema";
import { countryName, type CountryCode } from "../countries";
import { createTarget } from "./create-target";
import { routedCopyInput } from "./schemas";

export type AddRoutedCopyResult =
  | { result: "added"; targetId: string }
  /** a campaigner's copy on a live case: waiting for an admin's approval */
  | { result: "proposed"; targetId: string }
  | { result: "exists"; targetId: string }
  | { result: "too_many"; max: number }
  | { result: "gone" };

/** Adds "the embassy of <missionOf> in your country" to a case's copies, once per state: a second one would
 * send every supporter's mission the same letter twice. */
export function addRoutedCopy({
  caseId,
  missionOf,
  actorId,
  now = new Date(),
}: {
  caseId: string;
  missionOf: CountryCode;
  actorId: string;
  now?: Date;
}): AddRoutedCopyResult {
  return writeTransaction((tx) => {
    const theCase = tx.select({ languages: cases.languages }).from(cases).where(eq(cases.id, caseId)).get();
    if (!theCase) return { result: "gone" };
    const existing = tx
      .select({ id: targets.id })
      .from(targets)
      .where(and(eq(targets.caseId, caseId), eq(targets.routing, "mission"), eq(targets.missionOf, missionOf)))
      .get();
    if (existing) return { result: "exists", targetId: existing.id };
    const language = theCase.languages.split(",")[0]?.trim() || "en";
    // createTarget's transaction nests as a savepoint: the check above and the insert commit together
    const created = createTarget({ caseId, input: routedCopyInput({ missionOf, countryName: countryName(missionOf), language }), actorId, now });
    if (!created) return { result: "gone" };
    if (created.result === "too_many") return created;
    return { result: created.result, targetId: created.targetId };
  });
}
