import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { databaseFile } from "@/db/client";
import { PHOTO_PATH_PATTERN } from "./case-schemas";

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const PHOTO_MAX_EDGE = 1200;
// A small file can still decode to a huge bitmap (a "decompression bomb"): refuse beyond 50 megapixels.
const PHOTO_MAX_INPUT_PIXELS = 50_000_000;
const ACCEPTED_FORMATS = new Set(["png", "jpeg", "webp"]);
const NAME_PATTERN = /^[a-f0-9]{32}\.webp$/;

export const NOT_AN_IMAGE = "This file is not a PNG, JPEG or WebP image. Choose a photo in one of those formats.";
export const TOO_LARGE = "This photo is larger than 5 MB. Choose a smaller file.";

/** Photos live beside the SQLite file, so a backup of the data folder holds both. */
export function photosDirectory(): string {
  return path.join(path.dirname(databaseFile()), "photos");
}

export type SavePhotoResult = { ok: true; photoPath: string } | { ok: false; error: string };

/**
 * Stores an uploaded portrait: the type is decided by decoding the content (never the name or the browser's
 * MIME type), then the image is re-encoded as WebP, at most 1200 px, upright, with all metadata dropped: EXIF
 * GPS location, camera serials and XMP can identify where a photo of a person at risk was taken, and by whom.
 */
export async function saveCasePhoto({ file }: { file: Blob }): Promise<SavePhotoResult> {
  if (file.size > PHOTO_MAX_BYTES) return { ok: false, error: TOO_LARGE };
  if (file.size === 0) return { ok: false, error: NOT_AN_IMAGE };
  const input = Buffer.from(await file.arrayBuffer());
  let output: Buffer;
  try {
    const meta = await sharp(input, { limitInputPixels: PHOTO_MAX_INPUT_PIXELS }).metadata();
    if (!meta.format || !ACCEPTED_FORMATS.has(meta.format)) return { ok: false, error: NOT_AN_IMAGE };
    // sharp writes no metadata unless asked (withMetadata/keepExif): .rotate() applies the EXIF orientation first
    output = await sharp(input, { limitInputPixels: PHOTO_MAX_INPUT_PIXELS, pages: 1 })
      .rotate()
      .resize({ width: PHOTO_MAX_EDGE, height: PHOTO_MAX_EDGE, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    return { ok: false, error: NOT_AN_IMAGE };
  }
  const name = `${crypto.randomBytes(16).toString("hex")}.webp`;
  const dir = photosDirectory();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), output, { flag: "wx", mode: 0o644 });
  return { ok: true, photoPath: `/photos/${name}` };
}

/** The bytes of a stored photo, or null for a name that is not one of ours or no longer exists. */
export function readCasePhoto({ name }: { name: string }): Buffer | null {
  if (!NAME_PATTERN.test(name)) return null;
  try {
    return fs.readFileSync(path.join(photosDirectory(), name));
  } catch {
    return null;
  }
}

/** True when photoPath names a photo this app stored and still has. */
export function casePhotoExists({ photoPath }: { photoPath: string }): boolean {
  if (!PHOTO_PATH_PATTERN.test(photoPath)) return false;
  return fs.existsSync(path.join(photosDirectory(), photoPath.slice("/photos/".length)));
}
