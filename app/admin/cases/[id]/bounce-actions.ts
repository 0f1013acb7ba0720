"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction, readNothing } from "@/lib/actions/define-action";
import { requireCampaigner } from "@/lib/auth/guards";
import { resetEmailHealth } from "@/lib/bounces/queries";
import { getCaseForEditor } from "@/lib/cases/admin-queries";

const ID = /^[A-Za-z0-9-]{1,64}$/;

/** "This address works again": the banner's button. A plain form; the answer is the case page again. */
export const resetEmailHealthAction = defineAction<[caseId: string, address: string], Record<string, never>, Awaited<ReturnType<typeof requireCampaigner>>>({
  name: "resetEmailHealthAction",
  form: "plain",
  read: readNothing,
  guard: requireCampaigner,
  refused: ({ code }): never => redirect(code === "unauthenticated" ? "/admin/sign-in" : "/admin"),
  async work({ args: [caseId, address], user }) {
    const theCase = typeof caseId === "string" && ID.test(caseId) ? getCaseForEditor({ id: caseId, user }) : null;
    if (!theCase) redirect("/admin");
    const done = typeof address === "string" && address.length <= 320 && resetEmailHealth({ caseId: theCase.id, address, actorId: user.id });
    revalidatePath(`/admin/cases/${theCase.id}`);
    redirect(`/admin/cases/${theCase.id}?${done ? "done=email-reset" : "error=email-reset"}#email-problems`);
  },
});
