// The photo upload's limits and answers (app/admin/photos/route.ts), shared by the server and the editor that
// shows them: no server-only imports here.

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const NOT_AN_IMAGE = "This file is not a PNG, JPEG or WebP image. Choose a photo in one of those formats.";
export const TOO_LARGE = "This photo is larger than 5 MB. Choose a smaller file.";

export type PhotoUploadError = "too-large" | "not-an-image" | "missing";

export const PHOTO_UPLOAD_ERRORS: Record<PhotoUploadError, string> = {
  "too-large": TOO_LARGE,
  "not-an-image": NOT_AN_IMAGE,
  missing: "Choose a photo to upload.",
};

export function isPhotoUploadError(code: unknown): code is PhotoUploadError {
  return typeof code === "string" && Object.hasOwn(PHOTO_UPLOAD_ERRORS, code);
}
