import { checkAccess, requireAdmin } from "@/lib/auth/guards";
import { exportSignatures } from "@/lib/exports/export-signatures";

export const dynamic = "force-dynamic";

const refuse = (status: 403 | 404) =>
  new Response(status === 404 ? "Not found\n" : "Only admins can export signatures.\n", {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/** The case's confirmed signatures as CSV, for admins only. Supporters' data: never cached, anywhere. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
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
