// Issue 8, item 5: a replaced or removed photo leaves the server, and the public sees only the photos of
// published or closed cases. Real SQLite, real files in the test database's photos folder, real images.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cases } from "@/db/schema";
import { createTestCase } from "@/tests/support/factories";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import type { CurrentUser } from "../auth/queries";
import { inviteUser } from "../auth/commands/invite-user";
import { approveRevision } from "../revisions/approve-revision";
import { rejectRevision } from "../revisions/reject-revision";
import { withdrawRevision } from "../revisions/withdraw-revision";
import { isPublicPhoto, photosDirectory, releaseCasePhotos, saveCasePhoto, sweepUnusedPhotos, UNSAVED_PHOTO_GRACE_MS } from "./photos";
import { withUploadedPhoto } from "@/app/admin/cases/_lib/uploaded-photo";
import { uploadedPhotoKey } from "./uploaded-photo-key";
import { updateCase } from "./update-case";

let database: TestDatabase;
let campaigner: CurrentUser;
let admin: CurrentUser;
beforeAll(async () => {
  database = await useTestDatabase();
  const c = inviteUser({ email: `photo-campaigner-${Date.now()}@staff.example.org`, role: "campaigner" });
  const a = inviteUser({ email: `photo-admin-${Date.now()}@staff.example.org`, role: "admin" });
  campaigner = { id: c.userId, email: c.email, role: "campaigner" };
  admin = { id: a.userId, email: a.email, role: "admin" };
});
afterAll(() => database.close());

async function upload(): Promise<string> {
  const png = await sharp({ create: { width: 24, height: 30, channels: 3, background: "teal" } }).png().toBuffer();
  const saved = await saveCasePhoto({ file: new Blob([new Uint8Array(png)]) });
  if (!saved.ok) throw new Error(saved.error);
  return saved.photoPath;
}
const fileOf = (photoPath: string) => path.join(photosDirectory(), photoPath.slice("/photos/".length));
const onDisk = (photoPath: string) => fs.existsSync(fileOf(photoPath));
const nameOf = (photoPath: string) => photoPath.slice("/photos/".length);
const row = (id: string) => getDb().select().from(cases).where(eq(cases.id, id)).get()!;

/** The editor's fields for a stored case, with some replaced. */
function editorInput(id: string, fields: Record<string, string>) {
  const c = row(id);
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
    tags: c.tags,
    riskStatus: c.riskStatus,
    summary: c.summary,
    story: c.story,
    actBefore: c.actBefore,
    languages: c.languages,
    goal: String(c.goal),
    ...fields,
  };
}

function withPhoto(state: "draft" | "published", photoPath: string) {
  const theCase = createTestCase({ targets: 1, state });
  getDb().update(cases).set({ photoPath, photoAlt: "A portrait" }).where(eq(cases.id, theCase.id)).run();
  return theCase;
}

describe("a photo nothing uses any more", () => {
  it("is deleted when the editor replaces it, and when the editor removes it", async () => {
    const first = await upload();
    const theCase = withPhoto("draft", first);
    const second = await upload();
    expect(updateCase({ id: theCase.id, input: editorInput(theCase.id, { photoPath: second }), user: campaigner })).toMatchObject({ ok: true, changed: ["photoPath"] });
    expect(onDisk(first)).toBe(false);
    expect(onDisk(second)).toBe(true);

    expect(updateCase({ id: theCase.id, input: editorInput(theCase.id, { removePhoto: "on" }), user: campaigner })).toMatchObject({ ok: true });
    expect(row(theCase.id).photoPath).toBeNull();
    expect(onDisk(second)).toBe(false);
  });

  it("stays while a pending change on a live case proposes it; goes when the change is rejected or withdrawn", async () => {
    const live = await upload();
    const theCase = withPhoto("published", live);
    const proposed = await upload();
    const result = updateCase({ id: theCase.id, input: editorInput(theCase.id, { photoPath: proposed }), user: campaigner });
    if (!result.ok || !result.revisionId) throw new Error("expected a revision");
    // the hourly sweep, even long after the upload, keeps both: one is shown, one is proposed
    sweepUnusedPhotos({ now: new Date(Date.now() + 2 * UNSAVED_PHOTO_GRACE_MS) });
    expect([onDisk(live), onDisk(proposed)]).toEqual([true, true]);
    // the public sees the live one only
    expect([isPublicPhoto({ name: nameOf(live) }), isPublicPhoto({ name: nameOf(proposed) })]).toEqual([true, false]);

    expect(rejectRevision({ revisionId: result.revisionId, user: admin }).ok).toBe(true);
    expect([onDisk(live), onDisk(proposed)]).toEqual([true, false]);

    const again = await upload();
    const second = updateCase({ id: theCase.id, input: editorInput(theCase.id, { photoPath: again }), user: campaigner });
    if (!second.ok || !second.revisionId) throw new Error("expected a revision");
    expect(withdrawRevision({ revisionId: second.revisionId, user: campaigner }).ok).toBe(true);
    expect(onDisk(again)).toBe(false);
  });

  it("is the old one once an admin approves the new one", async () => {
    const live = await upload();
    const theCase = withPhoto("published", live);
    const proposed = await upload();
    const result = updateCase({ id: theCase.id, input: editorInput(theCase.id, { photoPath: proposed }), user: campaigner });
    if (!result.ok || !result.revisionId) throw new Error("expected a revision");
    expect(approveRevision({ revisionId: result.revisionId, user: admin }).ok).toBe(true);
    expect(row(theCase.id).photoPath).toBe(proposed);
    expect([onDisk(live), onDisk(proposed)]).toEqual([false, true]);
  });

  it("is swept once the grace for an unsaved upload has passed; a photo in use never is", async () => {
    const unsaved = await upload();
    const used = await upload();
    withPhoto("draft", used);
    sweepUnusedPhotos({ now: new Date() });
    expect(onDisk(unsaved), "an upload the editor has not saved yet").toBe(true);
    sweepUnusedPhotos({ now: new Date(Date.now() + UNSAVED_PHOTO_GRACE_MS + 1000) });
    expect([onDisk(unsaved), onDisk(used)]).toEqual([false, true]);
  });

  it("is released only when no other case shows it", async () => {
    const shared = await upload();
    withPhoto("draft", shared);
    expect(releaseCasePhotos({ photoPaths: [shared, "/photos/../../vigil.db", "https://evil.example/x.webp"] })).toBe(0);
    expect(onDisk(shared)).toBe(true);
  });
});

describe("the public and a photo", () => {
  it("sees the photo of a published or closed case, never a draft's or one in review", async () => {
    const photo = await upload();
    const theCase = withPhoto("draft", photo);
    expect(isPublicPhoto({ name: nameOf(photo) })).toBe(false);
    getDb().update(cases).set({ state: "in_review" }).where(eq(cases.id, theCase.id)).run();
    expect(isPublicPhoto({ name: nameOf(photo) })).toBe(false);
    getDb().update(cases).set({ state: "published" }).where(eq(cases.id, theCase.id)).run();
    expect(isPublicPhoto({ name: nameOf(photo) })).toBe(true);
    getDb().update(cases).set({ state: "closed" }).where(eq(cases.id, theCase.id)).run();
    expect(isPublicPhoto({ name: nameOf(photo) })).toBe(true);
  });
});

describe("a photo that is not this editor's own upload", () => {
  it("is refused when a case is pointed at another case's photo, so a take-down there takes it down", async () => {
    const published = await upload();
    withPhoto("published", published);
    const draft = createTestCase({ targets: 1, state: "closed" });
    const result = updateCase({ id: draft.id, input: editorInput(draft.id, { photoPath: published, photoAlt: "Borrowed" }), user: campaigner });
    expect(result).toMatchObject({ ok: false, errors: { photo: ["This photo is used by another case. Upload the file again for this case."] } });
    expect(row(draft.id).photoPath).toBeNull();
  });

  it("is not put in the editor by a link carrying someone else's upload", async () => {
    const photoPath = await upload();
    const name = nameOf(photoPath);
    const initial = { values: { photoPath: "" } };
    const mine = withUploadedPhoto(initial, { photo: name, key: uploadedPhotoKey({ userId: campaigner.id, name }) }, campaigner.id);
    expect(mine.values.photoPath).toBe(photoPath);
    // the campaigner's link opened by an admin: ignored
    expect(withUploadedPhoto(initial, { photo: name, key: uploadedPhotoKey({ userId: campaigner.id, name }) }, admin.id)).toBe(initial);
    expect(withUploadedPhoto(initial, { photo: name }, campaigner.id)).toBe(initial);
  });
});
