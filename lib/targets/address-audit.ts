// What the audit log keeps of a change to an official: the old and new value of every field that says where a
// letter goes or to whom, so a redirect (an official's email pointed elsewhere, then back) can be seen later.
// Officials' addresses are public office details, not supporter data.
import type { Target } from "./types";

export const ADDRESS_FIELDS = ["title", "name", "office", "postalAddress", "country", "email", "fax", "routing", "missionOf"] as const satisfies readonly (keyof Target)[];

type AddressSide = Partial<Pick<Target, (typeof ADDRESS_FIELDS)[number]>> | null;

/** Flat audit details: `before.email`, `after.email`, … for a create (before null), update or delete (after null). */
export function addressAuditDetails(before: AddressSide, after: AddressSide): Record<string, string | null> {
  const details: Record<string, string | null> = {};
  for (const field of ADDRESS_FIELDS) {
    if (before) details[`before.${field}`] = before[field] ?? null;
    if (after) details[`after.${field}`] = after[field] ?? null;
  }
  return details;
}
