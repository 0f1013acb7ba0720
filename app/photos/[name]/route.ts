import { checkAccess, requireCampaigner } from "@/lib/auth/guards";
import { casePhotoExists, isPublicPhoto, readCasePhoto } from "@/lib/cases/photos";

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" } });

/**
 * Case portraits stored by the editor (lib/cases/photos.ts). The public sees only the photo of a published or
 * closed case; staff signed in also see drafts' and proposed photos. A file's content never changes under its
 * random name, but a photo can be taken down (replaced, removed, its case unpublished), so caches keep it five
 * minutes and then ask again (the ETag makes that a cheap 304); staff answers are never stored by shared caches.
 */
export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const isPublic = isPublicPhoto({ name });
  if (!isPublic && !(await checkAccess(requireCampaigner)).ok) return notFound();
  if (!casePhotoExists({ photoPath: `/photos/${name}` })) return notFound();
  const etag = `"${name.slice(0, 32)}"`;
  const headers = {
    "Cache-Control": isPublic ? "public, max-age=300, must-revalidate" : "private, no-cache",
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": "inline",
  };
  if (request.headers.get("if-none-match")?.split(/\s*,\s*/).includes(etag)) return new Response(null, { status: 304, headers });
  const bytes = readCasePhoto({ name });
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), { headers: { ...headers, "Content-Type": "image/webp", "Content-Length": String(bytes.length) } });
}
