// Which way a letter to an official goes, and the words for it. Pure and free of run-time imports, so the
// public target list (rendered anywhere) and the server that writes the appeal rows agree.
import type { APPEAL_CHANNELS } from "@/db/schema";
import type { Target } from "./types";

export type AppealChannel = (typeof APPEAL_CHANNELS)[number];

/** Email where the official has an address, else fax, else post: the one rule every letter follows. */
export function channelFor(target: Pick<Target, "email" | "fax">): AppealChannel {
  if (target.email) return "email";
  if (target.fax) return "fax";
  return "post";
}

/** How the public page tells a supporter their letter will travel. */
export const CHANNEL_LABELS: Record<AppealChannel, string> = {
  email: "Sent by email",
  fax: "Faxed by Vigil",
  post: "Printed and posted by Vigil",
};

/** The channels whose letters leave outside the outbox, for the campaign team to send by hand. */
export const OFFLINE_CHANNELS = ["fax", "post"] as const satisfies readonly AppealChannel[];
export type OfflineChannel = (typeof OFFLINE_CHANNELS)[number];
