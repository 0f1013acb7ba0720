import { checkAccess, requireCampaigner } from "@/lib/auth/guards";
import { renderPrintRunPdf } from "@/lib/print-runs/render-print-run-pdf";
import { attachment, refuseDownload } from "../../_lib/download";

export const dynamic = "force-dynamic";

/** The run's letters as one PDF, made again on each download (a reprint claims no letter). */
export async function GET(_request: Request, { params }: { params: Promise<{ runId: string }> }): Promise<Response> {
  const access = await checkAccess(requireCampaigner);
  if (!access.ok) return refuseDownload(access.code === "unauthenticated" ? 404 : 403);
  const { runId } = await params;
  const result = await renderPrintRunPdf({ runId, userId: access.user.id });
  if (!result) return refuseDownload(404);
  return attachment(new Uint8Array(result.pdf), "application/pdf", result.filename);
}
