"use server";

import { revalidatePath } from "next/cache";
import { revalidatePublicPath } from "@/lib/i18n/revalidate-public";
import { redirect } from "next/navigation";
import { defineAction, readNothing } from "@/lib/actions/define-action";
import { requireAdmin, requireCampaigner, type CurrentUser } from "@/lib/auth/guards";
import { approveRevision } from "@/lib/revisions/approve-revision";
import { rejectRevision } from "@/lib/revisions/reject-revision";
import { withdrawRevision } from "@/lib/revisions/withdraw-revision";

const ID = /^[A-Za-z0-9-]{1,64}$/;
const pagePath = (caseId: string) => `/admin/cases/${caseId}/changes`;

/** A refusal of the guard becomes the sign-in page, or the workspace, as for a page. */
const refusedToPage = ({ code }: { code: "unauthenticated" | "forbidden" }): never => redirect(code === "unauthenticated" ? "/admin/sign-in" : "/admin");

/** Everything a decision touches: the workspace pages of the case and the public page (which caches). */
function refresh(caseId: string, slug: string) {
  revalidatePath(`/admin/cases/${caseId}`, "layout");
  revalidatePath("/admin");
  if (slug) revalidatePublicPath(`/cases/${slug}`);
  revalidatePublicPath("/");
}

/** An admin approves a pending change; bound by the page to the case and the revision. approveRevision checks
 * the role again and that the rows still match what the change saw. */
export const approveRevisionAction = defineAction<[caseId: string, revisionId: string], Record<string, never>, CurrentUser>({
  name: "approveRevisionAction",
  form: "plain",
  read: readNothing,
  guard: requireAdmin,
  refused: refusedToPage,
  async work({ args: [caseId, revisionId], user }) {
    if (typeof caseId !== "string" || !ID.test(caseId) || typeof revisionId !== "string" || !ID.test(revisionId)) redirect("/admin");
    const result = approveRevision({ revisionId, user });
    if (!result.ok) redirect(`${pagePath(result.caseId ?? caseId)}?error=${result.code}#change-${revisionId}`);
    refresh(result.caseId, result.caseSlug);
    redirect(`${pagePath(result.caseId)}?done=approved`);
  },
});

export const rejectRevisionAction = defineAction<[caseId: string, revisionId: string], Record<string, never>, CurrentUser>({
  name: "rejectRevisionAction",
  form: "plain",
  read: readNothing,
  guard: requireAdmin,
  refused: refusedToPage,
  async work({ args: [caseId, revisionId], user }) {
    if (typeof caseId !== "string" || !ID.test(caseId) || typeof revisionId !== "string" || !ID.test(revisionId)) redirect("/admin");
    const result = rejectRevision({ revisionId, user });
    if (!result.ok) redirect(`${pagePath(result.caseId ?? caseId)}?error=${result.code}#change-${revisionId}`);
    refresh(result.caseId, "");
    redirect(`${pagePath(result.caseId)}?done=rejected`);
  },
});

/** The author takes back their own pending change; withdrawRevision checks that it is theirs. */
export const withdrawRevisionAction = defineAction<[caseId: string, revisionId: string], Record<string, never>, CurrentUser>({
  name: "withdrawRevisionAction",
  form: "plain",
  read: readNothing,
  guard: requireCampaigner,
  refused: refusedToPage,
  async work({ args: [caseId, revisionId], user }) {
    if (typeof caseId !== "string" || !ID.test(caseId) || typeof revisionId !== "string" || !ID.test(revisionId)) redirect("/admin");
    const result = withdrawRevision({ revisionId, user });
    if (!result.ok) redirect(`${pagePath(result.caseId ?? caseId)}?error=${result.code}#change-${revisionId}`);
    refresh(result.caseId, "");
    redirect(`${pagePath(result.caseId)}?done=withdrawn`);
  },
});
