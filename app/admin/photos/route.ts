import { writeTransaction } from "@/db/client";
import { checkAccess, requireCampaigner } from "@/lib/auth/guards";
import { readLimitedBody } from "@/lib/http/limited-body";
import { env } from "@/lib/env";
import { isSameOriginPost } from "@/lib/security/same-origin";
import { PHOTO_MAX_BYTES, PHOTO_UPLOAD_ERRORS, TOO_LARGE, type PhotoUploadError } from "@/lib/cases/photo-upload";
import { saveCasePhoto } from "@/lib/cases/photos";
import { uploadedPhotoKey } from "@/lib/cases/uploaded-photo-key";
import { consumeRateLimit } from "@/lib/security/rate-limits";

export const dynamic = "force-dynamic";

// the file plus the multipart envelope (boundaries, the part's headers, the case id)
const MAX_BODY_BYTES = PHOTO_MAX_BYTES + 64 * 1024;
const CASE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Stores a case photo for the editor (lib/cases/photos.ts). Server actions keep Next's 1 MB body limit, the
 * public sign form's among them; only this route, for signed-in staff and from this site's own pages, takes a
 * body of up to 5 MB, and it stops reading as soon as a body grows past that.
 *
 * With JavaScript the editor posts here as soon as a file is chosen and asks for JSON; without it, the upload
 * form posts here and is sent back to the editor with the stored photo's name (or the reason it was refused) in
 * the address, where Save then uses it like any other field.
 */
export async function POST(request: Request): Promise<Response> {
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const refuse = (status: number, message: string) =>
    wantsJson ? Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } }) : plain(status, `${message}\n`);
  if (!isSameOriginPost({ headers: request.headers, appUrl: env().appUrl })) return refuse(403, "This upload did not come from this site’s own editor. Open the editor at this site’s address and try again.");
  const access = await checkAccess(requireCampaigner);
  if (!access.ok) return refuse(access.code === "unauthenticated" ? 401 : 403, "You are signed out: sign in again in another tab, then choose the photo again.");
  const limit = writeTransaction((tx) => consumeRateLimit(tx, { name: "photoUpload", subject: access.user.id }));
  if (!limit.allowed) return refuse(429, limit.message);

  const body = await readLimitedBody(request, MAX_BODY_BYTES);
  let caseId = "";
  let outcome: { ok: true; photoPath: string } | { ok: false; error: PhotoUploadError };
  if (!body.ok) outcome = { ok: false, error: "too-large" };
  else {
    let form: FormData | null = null;
    try {
      form = await new Response(body.bytes, { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
    } catch {
      form = null;
    }
    const id = form?.get("caseId");
    if (typeof id === "string" && CASE_ID.test(id)) caseId = id;
    const file = form?.get("photo");
    if (!(file instanceof Blob) || file.size === 0) outcome = { ok: false, error: "missing" };
    else {
      const saved = await saveCasePhoto({ file });
      outcome = saved.ok ? saved : { ok: false, error: saved.error === TOO_LARGE ? "too-large" : "not-an-image" };
    }
  }

  if (wantsJson) {
    return Response.json(outcome.ok ? { photoPath: outcome.photoPath } : { error: PHOTO_UPLOAD_ERRORS[outcome.error] }, {
      status: outcome.ok ? 201 : outcome.error === "too-large" ? 413 : 400,
      headers: { "Cache-Control": "no-store" },
    });
  }
  const back = new URL(caseId ? `/admin/cases/${caseId}` : "/admin/cases/new", request.url);
  if (outcome.ok) {
    const name = outcome.photoPath.slice("/photos/".length);
    back.searchParams.set("photo", name);
    // only the person who uploaded it gets it in their editor: a link with someone else's upload is ignored
    back.searchParams.set("key", uploadedPhotoKey({ userId: access.user.id, name }));
  }
  else back.searchParams.set("photoError", outcome.error);
  return new Response(null, { status: 303, headers: { Location: back.pathname + back.search, "Cache-Control": "no-store" } });
}

export function GET(): Response {
  return new Response("Upload photos from the case editor.\n", { status: 405, headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" } });
}

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
