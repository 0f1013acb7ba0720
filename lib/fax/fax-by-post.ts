import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appeals } from "@/db/schema";

/** A fax that failed for good (the gateway refused it, it ran out of attempts, or its PDF cannot be drawn) goes
 * by post instead: its appeal joins the letters waiting for the next print run, where a reason that still holds
 * is shown to staff. Nothing is dropped, and nothing is counted as faxed. Call in the transaction that fails it. */
export function sendFailedFaxByPost(tx: Db, { outboxId }: { outboxId: string }): void {
  tx.update(appeals).set({ channel: "post", printRunId: null }).where(eq(appeals.outboxId, outboxId)).run();
}
