// saveCasePhoto with real images made by sharp: type by content, size limit, re-encoding that drops EXIF GPS.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { casePhotoExists, NOT_AN_IMAGE, photosDirectory, readCasePhoto, saveCasePhoto, TOO_LARGE } from "./photos";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.close());

const GPS = { IFD0: { Make: "PhoneMaker", Model: "Traceable 1" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" } };

async function jpegWithGps(width = 40, height = 30): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "red" } }).withExif(GPS).jpeg().toBuffer();
}

const stored = (photoPath: string) => fs.readFileSync(path.join(photosDirectory(), photoPath.slice("/photos/".length)));

describe("saveCasePhoto", () => {
  it("re-encodes a JPEG carrying GPS EXIF as WebP with no metadata at all", async () => {
    const input = await jpegWithGps();
    const before = await sharp(input).metadata();
    expect(before.exif, "the test image must carry EXIF to prove anything").toBeDefined();
    expect(before.exif!.includes(Buffer.from("Traceable 1"))).toBe(true);

    const result = await saveCasePhoto({ file: new File([new Uint8Array(input)], "holiday.jpg", { type: "image/jpeg" }) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.photoPath).toMatch(/^\/photos\/[a-f0-9]{32}\.webp$/);
    const bytes = stored(result.photoPath);
    const after = await sharp(bytes).metadata();
    expect(after).toMatchObject({ format: "webp", width: 40, height: 30 });
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(bytes.includes(Buffer.from("Traceable 1"))).toBe(false);
    expect(casePhotoExists({ photoPath: result.photoPath })).toBe(true);
  });

  it("accepts a PNG with EXIF too, and shrinks a large image to 1200 px on its longest side", async () => {
    const png = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: "blue" } }).withExif(GPS).png().toBuffer();
    const result = await saveCasePhoto({ file: new Blob([new Uint8Array(png)]) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const after = await sharp(stored(result.photoPath)).metadata();
    expect(after).toMatchObject({ format: "webp", width: 1200, height: 800 });
    expect(after.exif).toBeUndefined();
  });

  it("applies the EXIF orientation before dropping it, so a phone photo stays upright", async () => {
    const rotated = await sharp({ create: { width: 40, height: 20, channels: 3, background: "green" } }).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const result = await saveCasePhoto({ file: new Blob([new Uint8Array(rotated)]) });
    if (!result.ok) throw new Error(result.error);
    expect(await sharp(stored(result.photoPath)).metadata()).toMatchObject({ width: 20, height: 40 });
  });

  it("refuses a text file named .png, an SVG, a GIF and an empty file, by their content", async () => {
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: "red" } }).gif().toBuffer();
    const files = [
      new File(["this is not an image\n"], "photo.png", { type: "image/png" }),
      new File([`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>`], "photo.jpg", { type: "image/jpeg" }),
      new File([new Uint8Array(gif)], "photo.webp", { type: "image/webp" }),
      new File([], "empty.png", { type: "image/png" }),
    ];
    const countBefore = fs.existsSync(photosDirectory()) ? fs.readdirSync(photosDirectory()).length : 0;
    for (const file of files) {
      expect(await saveCasePhoto({ file })).toEqual({ ok: false, error: NOT_AN_IMAGE });
    }
    expect(NOT_AN_IMAGE).toContain("This file is not a PNG, JPEG or WebP image");
    expect(fs.existsSync(photosDirectory()) ? fs.readdirSync(photosDirectory()).length : 0).toBe(countBefore);
  });

  it("refuses a file over 5 MB before decoding it", async () => {
    const big = new Blob([new Uint8Array(5 * 1024 * 1024 + 1)]);
    expect(await saveCasePhoto({ file: big })).toEqual({ ok: false, error: TOO_LARGE });
  });
});

describe("readCasePhoto", () => {
  it("serves only names of the stored shape", async () => {
    const result = await saveCasePhoto({ file: new Blob([new Uint8Array(await jpegWithGps())]) });
    if (!result.ok) throw new Error(result.error);
    const name = result.photoPath.slice("/photos/".length);
    expect(readCasePhoto({ name })).toBeInstanceOf(Buffer);
    for (const bad of ["../test.db", "..%2Ftest.db", `${name}/..`, "ABC.webp", `${"a".repeat(32)}.png`, `${"a".repeat(32)}.webp`]) {
      expect(readCasePhoto({ name: bad })).toBeNull();
    }
  });
});
