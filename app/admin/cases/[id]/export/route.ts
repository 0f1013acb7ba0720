import { checkAccess, requireAdmin } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { exportSignatures } from "@/lib/exports/export-signatures";
import { isSameOriginPost } from "@/lib/security/same-origin";

export const dynamic = "force-dynamic";

const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers } });

const refuse = (status: 403 | 404) => plain(status, status === 404 ? "Not found\n" : "Only admins can export signatures.\n");

/** Taking the signatures writes the audit log, so it is a POST (the "Export CSV" button): a GET is what a link
 * preview, a prefetch or an <img> on another site makes, and it must change nothing. */
export function GET(): Response {
  return plain(405, "Export signatures with the Export CSV button on the case page.\n", { Allow: "POST" });
}

/** The case's confirmed signatures as CSV, for admins only, from this app's own page. Supporters' data: never
 * cached, anywhere. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  // another site's form would carry the admin's cookie (a top-level POST): refused before anything is read or logged
  if (!isSameOriginPost({ headers: request.headers, appUrl: env().appUrl })) return plain(403, "Export signatures from the case page.\n");
  const access = await checkAccess(requireAdmin);
  // nobody signed in learns whether the case exists; a campaigner is told plainly that it is not theirs to take
  if (!access.ok) return refuse(access.code === "unauthenticated" ? 404 : 403);
  const actorId = access.user.id;
  const { id } = await params;
  const result = exportSignatures({ caseId: id, actorId });
  if (!result) return refuse(404);
  return new Response(result.csv, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${result.caseSlug}-signatures.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
