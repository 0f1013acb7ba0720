import { checkAccess, requireCampaigner } from "@/lib/auth/guards";
import { printRunLabelsCsv } from "@/lib/print-runs/print-run-labels-csv";
import { attachment, refuseDownload } from "../../_lib/download";

export const dynamic = "force-dynamic";

/** One address label per letter of the run, as CSV for a label printer's mail merge. */
export async function GET(_request: Request, { params }: { params: Promise<{ runId: string }> }): Promise<Response> {
  const access = await checkAccess(requireCampaigner);
  if (!access.ok) return refuseDownload(access.code === "unauthenticated" ? 404 : 403);
  const { runId } = await params;
  const result = printRunLabelsCsv({ runId });
  if (!result) return refuseDownload(404);
  return attachment(result.csv, "text/csv; charset=utf-8", result.filename);
}
