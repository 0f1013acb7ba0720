"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction, readNothing } from "@/lib/actions/define-action";
import { requireCampaigner } from "@/lib/auth/guards";
import { getCaseForEditor } from "@/lib/cases/admin-queries";
import { prepareCaseDigestsNow } from "@/lib/digests/prepare-digests";
import { sendDigestNow } from "@/lib/digests/send-digests";

const ID = /^[A-Za-z0-9-]{1,64}$/;
type User = Awaited<ReturnType<typeof requireCampaigner>>;

const page = (caseId: string) => `/admin/cases/${caseId}/digests`;

/** "Prepare now": every official of the case with letters waiting gets a digest, to preview before it goes. */
export const prepareDigestsNowAction = defineAction<[caseId: string], Record<string, never>, User>({
  name: "prepareDigestsNowAction",
  form: "plain",
  read: readNothing,
  guard: requireCampaigner,
  refused: ({ code }): never => redirect(code === "unauthenticated" ? "/admin/sign-in" : "/admin"),
  async work({ args: [caseId], user }) {
    const theCase = typeof caseId === "string" && ID.test(caseId) ? getCaseForEditor({ id: caseId, user }) : null;
    if (!theCase) redirect("/admin");
    const made = prepareCaseDigestsNow({ caseId: theCase.id, actorId: user.id });
    revalidatePath(page(theCase.id));
    redirect(made.length > 0 ? `${page(theCase.id)}?done=prepared&preview=${made[0]}#preview` : `${page(theCase.id)}?error=nothing-waiting`);
  },
});

/** "Send now" on one prepared digest: it goes to the outbox at once instead of at the official's hour. */
export const sendDigestNowAction = defineAction<[caseId: string, digestId: string], Record<string, never>, User>({
  name: "sendDigestNowAction",
  form: "plain",
  read: readNothing,
  guard: requireCampaigner,
  refused: ({ code }): never => redirect(code === "unauthenticated" ? "/admin/sign-in" : "/admin"),
  async work({ args: [caseId, digestId], user }) {
    const theCase = typeof caseId === "string" && ID.test(caseId) ? getCaseForEditor({ id: caseId, user }) : null;
    if (!theCase) redirect("/admin");
    const result = typeof digestId === "string" && ID.test(digestId) ? sendDigestNow({ caseId: theCase.id, digestId }) : "not-prepared";
    revalidatePath(page(theCase.id));
    redirect(`${page(theCase.id)}?${result === "queued" ? "done=queued" : result === "empty" ? "error=empty" : "error=not-prepared"}#digest-${digestId}`);
  },
});
