import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray, like } from "drizzle-orm";
import sharp from "sharp";
import { databaseFile, getDb, type Db } from "@/db/client";
import { caseRevisions, cases } from "@/db/schema";
import { PHOTO_PATH_PATTERN } from "./case-schemas";
import { NOT_AN_IMAGE, PHOTO_MAX_BYTES, TOO_LARGE } from "./photo-upload";

const PHOTO_MAX_EDGE = 1200;
// A small file can still decode to a huge bitmap (a "decompression bomb"): refuse beyond 50 megapixels.
const PHOTO_MAX_INPUT_PIXELS = 50_000_000;
const ACCEPTED_FORMATS = new Set(["png", "jpeg", "webp"]);
const NAME_PATTERN = /^[a-f0-9]{32}\.webp$/;

export { NOT_AN_IMAGE, PHOTO_MAX_BYTES, TOO_LARGE } from "./photo-upload";

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

const pathOf = (name: string) => `/photos/${name}`;

/** Whether a case shows this photo, or a pending revision proposes it (lib/revisions stores the proposed fields as
 * JSON, `"photoPath":"/photos/<name>.webp"`; the name is hex, so it needs no escaping in LIKE). */
export function photoInUse({ db = getDb(), photoPath }: { db?: Db; photoPath: string }): boolean {
  if (db.select({ id: cases.id }).from(cases).where(eq(cases.photoPath, photoPath)).get()) return true;
  return Boolean(
    db
      .select({ id: caseRevisions.id })
      .from(caseRevisions)
      .where(and(eq(caseRevisions.status, "pending"), eq(caseRevisions.kind, "case"), like(caseRevisions.after, `%"photoPath":"${photoPath}"%`)))
      .get(),
  );
}

/** Whether the public may see this photo: a published or closed case shows it. Drafts, cases in review and
 * proposed photos are for signed-in staff only. */
export function isPublicPhoto({ db = getDb(), name }: { db?: Db; name: string }): boolean {
  if (!NAME_PATTERN.test(name)) return false;
  return Boolean(
    db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.photoPath, pathOf(name)), inArray(cases.state, ["published", "closed"])))
      .get(),
  );
}

/**
 * Deletes the files of these photos that nothing uses any more: a replaced or removed portrait must not stay
 * online (a person's face, once the campaign decided to take it down for their safety). Called after the write
 * that stopped using them has committed; the hourly sweep below catches anything missed.
 */
export function releaseCasePhotos({ db = getDb(), photoPaths }: { db?: Db; photoPaths: (string | null | undefined)[] }): number {
  let deleted = 0;
  for (const photoPath of new Set(photoPaths)) {
    if (!photoPath || !PHOTO_PATH_PATTERN.test(photoPath) || photoInUse({ db, photoPath })) continue;
    if (unlinkPhoto(photoPath.slice("/photos/".length))) deleted++;
  }
  return deleted;
}

const photoOf = (json: string | null) => (json ? ((JSON.parse(json) as { photoPath?: string | null }).photoPath ?? null) : null);

/** After a revision of a case's fields is decided: the photo it replaced (approved) or proposed (rejected,
 * withdrawn) goes when nothing else uses it. */
export function releaseRevisionPhotos({ db = getDb(), revisionId }: { db?: Db; revisionId: string }): number {
  const revision = db.select({ kind: caseRevisions.kind, before: caseRevisions.before, after: caseRevisions.after }).from(caseRevisions).where(eq(caseRevisions.id, revisionId)).get();
  if (!revision || revision.kind !== "case") return 0;
  return releaseCasePhotos({ db, photoPaths: [photoOf(revision.before), photoOf(revision.after)] });
}

/** An upload waits this long for the editor to save it before the sweep may take it. */
export const UNSAVED_PHOTO_GRACE_MS = 24 * 60 * 60 * 1000;

/** Removes every stored photo that no case and no pending change uses and that is older than the grace period
 * (uploaded, then the editor was never saved). Returns how many files went. */
export function sweepUnusedPhotos({ db = getDb(), now = new Date(), graceMs = UNSAVED_PHOTO_GRACE_MS }: { db?: Db; now?: Date; graceMs?: number } = {}): number {
  const dir = photosDirectory();
  if (!fs.existsSync(dir)) return 0;
  let deleted = 0;
  for (const name of fs.readdirSync(dir)) {
    if (!NAME_PATTERN.test(name)) continue;
    let mtime: number;
    try {
      mtime = fs.statSync(path.join(dir, name)).mtimeMs;
    } catch {
      continue;
    }
    if (now.getTime() - mtime < graceMs || photoInUse({ db, photoPath: pathOf(name) })) continue;
    if (unlinkPhoto(name)) deleted++;
  }
  return deleted;
}

function unlinkPhoto(name: string): boolean {
  try {
    fs.unlinkSync(path.join(photosDirectory(), name));
    return true;
  } catch {
    return false;
  }
}
