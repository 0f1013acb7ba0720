// How a revision reads to staff: what it changes and old → new, field by field, every address field in full.
// Pure and free of server imports, so the workspace pages and the admin's changes page say the same.
import type { RevisionKind, RevisionStatus } from "@/db/schema";

/** What a campaigner's form says when their change to a live case became a revision. */
export const PROPOSED_MESSAGE = "Saved as a change waiting for an admin’s approval. Supporters and officials see the current version until then.";

export type RevisionChange = { label: string; before: string | null; after: string | null; changed: boolean };

export type RevisionView = {
  id: string;
  kind: RevisionKind;
  status: RevisionStatus;
  /** "Edit the official “Minister of Public Security”" */
  what: string;
  author: string;
  /** who may withdraw it */
  authorId: string | null;
  createdAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  changes: RevisionChange[];
};

const TARGET_LABELS: [string, string][] = [
  ["role", "Role"],
  ["title", "Title"],
  ["name", "Name"],
  ["office", "Office"],
  ["postalAddress", "Postal address"],
  ["country", "Country"],
  ["email", "Email"],
  ["fax", "Fax"],
  ["salutation", "Salutation"],
  ["language", "Language"],
  ["deliveryMode", "Delivery"],
  ["digestHour", "Digest hour"],
  ["digestFormat", "Digest format"],
  ["pacePerHour", "Most letters an hour"],
  ["officeHoursStart", "Office opens (hour)"],
  ["officeHoursEnd", "Office closes (hour)"],
  ["officeDays", "Working days"],
  ["timeZone", "Time zone"],
  ["routing", "Routing"],
  ["missionOf", "Embassies of"],
];
// the fields that say where a letter goes: shown on both sides whether or not they change
const ADDRESS = new Set(["title", "name", "office", "postalAddress", "country", "email", "fax", "routing", "missionOf"]);

const CASE_LABELS: Record<string, string> = {
  personName: "Name",
  personNameLocal: "Name in their own script",
  pronouns: "Pronouns",
  photoPath: "Photo",
  photoAlt: "Photo description",
  photoCredit: "Photo credit",
  title: "Headline",
  reference: "Reference",
  slug: "Web address",
  country: "Country",
  riskStatus: "Situation",
  tags: "Tags",
  summary: "Summary",
  story: "Story",
  actBefore: "Take action before",
  goal: "Signature goal",
  languages: "Preferred languages",
};

const UPDATE_LABELS: [string, string][] = [
  ["kind", "Kind"],
  ["title", "Title"],
  ["happenedOn", "Happened on"],
  ["riskStatus", "New situation"],
  ["body", "Text"],
];

type Fields = Record<string, unknown> | null;
const text = (v: unknown): string | null => (v === null || v === undefined || v === "" ? null : String(v));
// stored choices in the words of the target form (decision 022)
const CHOICE_WORDS: Record<string, Record<string, string>> = {
  deliveryMode: { each: "One email per supporter", digest: "One digest a day" },
  digestFormat: { inline: "Every letter in full in the email", pdf: "One attached PDF of the letters" },
};
const shown = (key: string, v: unknown): string | null => {
  const t = text(v);
  if (t === null) return null;
  if (key === "digestHour") return `${t.padStart(2, "0")}:00`;
  return CHOICE_WORDS[key]?.[t] ?? t;
};

function rows(labels: [string, string][], before: Fields, after: Fields, always: (key: string) => boolean): RevisionChange[] {
  return labels
    .map(([key, label]) => ({ key, label, before: before ? shown(key, before[key]) : null, after: after ? shown(key, after[key]) : null }))
    .map(({ key, label, before: b, after: a }) => ({ key, label, before: b, after: a, changed: b !== a }))
    .filter((r) => r.changed || always(r.key))
    .map(({ label, before: b, after: a, changed }) => ({ label, before: b, after: a, changed }));
}

/** A stored revision (its JSON still as text) in words. `titles` names targets by id, for a reorder. */
export function describeRevision(
  revision: { kind: RevisionKind; subjectId: string | null; before: string | null; after: string },
  titles: Record<string, string> = {},
): { what: string; changes: RevisionChange[] } {
  const before = revision.before === null ? null : (JSON.parse(revision.before) as unknown);
  const after = JSON.parse(revision.after) as unknown;
  const b = before as Fields;
  const a = after as Fields;
  switch (revision.kind) {
    case "case":
      return { what: "Edit the case’s details", changes: rows(Object.keys(a ?? {}).map((k) => [k, CASE_LABELS[k] ?? k]), b, a, () => true) };
    case "target_create":
      return { what: `Add the official “${text(a?.title) ?? ""}”`, changes: rows(TARGET_LABELS, null, a, (k) => ADDRESS.has(k)) };
    case "target_update": {
      const merged = { ...b, ...a };
      return { what: `Edit the official “${text(b?.title) ?? ""}”`, changes: rows(TARGET_LABELS, b, merged, (k) => ADDRESS.has(k)) };
    }
    case "target_delete":
      return { what: `Remove the official “${text(b?.title) ?? ""}”`, changes: rows(TARGET_LABELS, b, null, (k) => ADDRESS.has(k)) };
    case "target_reorder": {
      const list = (ids: unknown) => (Array.isArray(ids) ? ids.map((id, i) => `${i + 1}. ${titles[String(id)] ?? "(removed)"}`).join("\n") : null);
      return { what: "Change the order of the officials", changes: [{ label: "Order", before: list(before), after: list(after), changed: true }] };
    }
    case "letter":
      return {
        what: `${b ? "Replace" : "Add"} the model letter (${text(a?.language) ?? ""})`,
        changes: rows([["subject", "Subject"], ["body", "Letter"]], b, a, () => true),
      };
    case "update":
      return { what: `Post the update “${text(a?.title) ?? ""}” (emails the supporters who follow the case)`, changes: rows(UPDATE_LABELS, null, a, () => true) };
  }
}
