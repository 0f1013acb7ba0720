import "server-only";
import { env } from "../env";
import type { ChannelConfig } from "./channel";

/** The channel rule's configuration, read on the server; pages pass it to components as a prop. */
export function getChannelConfig(): ChannelConfig {
  return { faxGateway: env().FAX_GATEWAY !== undefined };
}
