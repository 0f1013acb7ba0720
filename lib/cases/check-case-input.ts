import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases, type CaseState } from "@/db/schema";
import { caseFieldErrors, CaseInputSchema, hasErrors, mergeErrors, readCaseFields, type CaseFieldErrors, type CaseInput } from "./case-schemas";
import { casePhotoExists, photoInUse } from "./photos";
import { todayIso } from "./queries";
import { uniqueCaseSlug } from "./unique-case-slug";

export type CaseData = Omit<CaseInput, "removePhoto" | "tags" | "languages"> & { tags: string; languages: string };

export type CheckedCaseInput = { ok: true; data: CaseData } | { ok: false; errors: CaseFieldErrors };

type Existing = { id: string; slug: string; state: CaseState; actBefore: string; photoPath: string | null };

/**
 * Parses the editor's fields and applies the rules that need the database or the case as it stands: a unique
 * slug (made from the person's name when left empty), a deadline not already past, a stored photo, alt text for
 * it. Returns every problem at once.
 */
export function checkCaseInput({
  db,
  input,
  existing,
  photoError,
  now = new Date(),
}: {
  db: Db;
  input: FormData | Record<string, unknown>;
  existing: Existing | null;
  photoError?: string;
  now?: Date;
}): CheckedCaseInput {
  const raw = readCaseFields(input);
  const parsed = CaseInputSchema.safeParse(raw);
  const errors: CaseFieldErrors = parsed.success ? {} : caseFieldErrors(parsed.error);
  const extra: CaseFieldErrors = {};
  const add = (field: keyof CaseFieldErrors, message: string) => (extra[field] ??= []).push(message);

  let slug = raw.slug.trim().toLowerCase();
  const isPublic = existing?.state === "published" || existing?.state === "closed";
  const addressFixed = `This case is public at /cases/${existing?.slug}: its address cannot change, links to it are already shared.`;
  // Left empty: made from the name, unique by construction. Never for a public case, whose address must not
  // change by itself.
  if (!slug && isPublic) add("slug", addressFixed);
  else if (!slug && !errors.personName) slug = uniqueCaseSlug({ db, name: raw.personName.trim(), exceptId: existing?.id });
  else if (!errors.slug && slug) {
    const taken = db
      .select({ id: cases.id })
      .from(cases)
      .where(existing ? and(eq(cases.slug, slug), ne(cases.id, existing.id)) : eq(cases.slug, slug))
      .get();
    if (taken) add("slug", "Another case already uses this web address. Choose a different one.");
    else if (existing && existing.slug !== slug && isPublic) add("slug", addressFixed);
  }

  const actBefore = raw.actBefore.trim();
  if (!errors.actBefore && actBefore && actBefore < todayIso(now) && actBefore !== existing?.actBefore)
    add("actBefore", "Choose today or a later date: supporters cannot act on a deadline that has passed.");

  if (photoError) add("photo", photoError);
  const removePhoto = parsed.success ? parsed.data.removePhoto : false;
  const photoPath = removePhoto ? null : raw.photoPath.trim() || null;
  if (photoPath && !errors.photoPath && photoPath !== existing?.photoPath) {
    if (!casePhotoExists({ photoPath })) add("photo", "The uploaded photo was not found. Choose the file again.");
    // a new photo is a fresh upload: another case's (or another pending change's) photo would stay online when
    // that case takes it down, and a draft's would go public through a case already published
    else if (photoInUse({ db, photoPath })) add("photo", "This photo is used by another case. Upload the file again for this case.");
  }
  if (photoPath && !raw.photoAlt.trim() && !errors.photoAlt)
    add("photoAlt", "Describe the photo for people who cannot see it, e.g. “Li Qiaochu smiling, in a blue coat”.");

  const all = mergeErrors(errors, extra);
  if (!parsed.success || hasErrors(all)) return { ok: false, errors: all };
  const { removePhoto: _removed, tags, languages, ...rest } = parsed.data;
  return {
    ok: true,
    data: {
      ...rest,
      slug,
      photoPath,
      photoAlt: photoPath ? rest.photoAlt : null,
      photoCredit: photoPath ? rest.photoCredit : null,
      tags: tags.join(","),
      languages: languages.join(","),
    },
  };
}

/** The fields that differ, by name only: what the audit log records of an edit. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((k) => before[k] !== after[k]);
}
