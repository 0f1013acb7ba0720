import { draftMode } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { requireCampaigner } from "@/lib/auth/guards";
import { guardPage } from "../../../_lib/page-guard";
import { getCaseForEditor } from "@/lib/cases/admin-queries";

export const dynamic = "force-dynamic";

/**
 * Opens the case at its real URL in preview mode. Draft mode only tells the case page to skip its cache and
 * look further; the page still checks the staff session itself before showing an unpublished case.
 * ?exit=1 turns preview mode off again and goes back to the editor.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage(requireCampaigner);
  const { id } = await params;
  const found = getCaseForEditor({ id, user });
  if (!found) notFound();
  const draft = await draftMode();
  if (new URL(request.url).searchParams.get("exit") === "1") {
    draft.disable();
    redirect(`/admin/cases/${found.id}`);
  }
  draft.enable();
  redirect(`/cases/${found.slug}`);
}
