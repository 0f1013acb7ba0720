import type { CaseEditorState } from "@/lib/cases/case-schemas";
import { isPhotoUploadError, PHOTO_UPLOAD_ERRORS } from "@/lib/cases/photo-upload";
import { casePhotoExists } from "@/lib/cases/photos";
import { uploadedPhotoKey } from "@/lib/cases/uploaded-photo-key";

type SearchParams = Record<string, string | string[] | undefined>;

/** The editor after an upload without JavaScript (app/admin/photos/route.ts sends it back here): the stored
 * photo in the hidden field, waiting for Save, or the reason the file was refused next to the file field. */
export function withUploadedPhoto(initial: CaseEditorState, searchParams: SearchParams, userId: string): CaseEditorState {
  const { photo, photoError, key } = searchParams;
  if (isPhotoUploadError(photoError)) return { ...initial, fieldErrors: { photo: [PHOTO_UPLOAD_ERRORS[photoError]] } };
  if (typeof photo !== "string" || typeof key !== "string" || key !== uploadedPhotoKey({ userId, name: photo })) return initial;
  const photoPath = `/photos/${photo}`;
  if (!casePhotoExists({ photoPath })) return initial;
  return {
    ...initial,
    values: { ...initial.values, photoPath, removePhoto: "" },
    done: "The photo is uploaded. Describe it, then save to use it.",
  };
}
