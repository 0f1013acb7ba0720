import type { CaseFormValues } from "@/lib/cases/case-schemas";
import type { EditorCase } from "@/lib/cases/admin-queries";

/** The stored case as the editor's field values. */
export function editorValues(c: EditorCase): CaseFormValues {
  return {
    slug: c.slug,
    reference: c.reference,
    title: c.title,
    personName: c.personName,
    personNameLocal: c.personNameLocal ?? "",
    pronouns: c.pronouns ?? "",
    photoPath: c.photoPath ?? "",
    photoAlt: c.photoAlt ?? "",
    photoCredit: c.photoCredit ?? "",
    removePhoto: "",
    country: c.country,
    tags: c.tags.split(",").filter(Boolean).join(", "),
    riskStatus: c.riskStatus,
    summary: c.summary,
    story: c.story,
    actBefore: c.actBefore,
    languages: c.languages.split(",").filter(Boolean).join(", "),
    goal: String(c.goal),
  };
}

/** A new case starts with the common defaults filled in. */
export function newCaseValues(today: string): CaseFormValues {
  const deadline = new Date(`${today}T00:00:00Z`);
  deadline.setUTCDate(deadline.getUTCDate() + 42);
  return { languages: "en", goal: "5000", actBefore: deadline.toISOString().slice(0, 10) };
}
