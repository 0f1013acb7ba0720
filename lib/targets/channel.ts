// Which way a letter to an official goes, and the words for it. Pure and free of server imports, so the public
// target list (rendered anywhere) and the server that writes the appeal rows agree. The configuration comes in
// as an argument: the server reads it (lib/targets/channel-config.ts) and hands it to pages as a prop.
import type { APPEAL_CHANNELS } from "@/db/schema";
import { isE164 } from "../fax/gateway";
import type { Target } from "./types";

export type AppealChannel = (typeof APPEAL_CHANNELS)[number];

/** What the installation can send: fax only when FAX_GATEWAY is set. */
export type ChannelConfig = { faxGateway: boolean };

/** Email where the official has an address, else fax when a fax gateway is configured and the number is E.164,
 * else post (the print run): the one rule every letter follows. Nothing is dropped: a fax-only official without
 * a gateway gets the letter on paper. */
export function channelFor(target: Pick<Target, "email" | "fax">, config: ChannelConfig): AppealChannel {
  if (target.email) return "email";
  if (config.faxGateway && isE164(target.fax)) return "fax";
  return "post";
}

/** How the public page tells a supporter their letter will travel: what Vigil does, never a past tense, since no
 * page may say a letter was faxed or posted before it was (the delivery counts say what happened). */
export const CHANNEL_LABELS: Record<AppealChannel, string> = {
  email: "Vigil emails it",
  fax: "Vigil faxes it",
  post: "Vigil prints and posts it",
};

/** The channels whose letters leave outside the outbox, for the campaign team to send by hand. */
export const OFFLINE_CHANNELS = ["fax", "post"] as const satisfies readonly AppealChannel[];
export type OfflineChannel = (typeof OFFLINE_CHANNELS)[number];
