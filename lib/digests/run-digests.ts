import "server-only";
import { prepareDueDigests } from "./prepare-digests";
import { sendDueDigests } from "./send-digests";

/** One tick of the server's timer: prepare what is due within PREPARE_AHEAD_MS, queue what is due now. Both
 * steps read only the database, so a restart (or a crash between them) picks up where it was. */
export function runDigests({ now = new Date() }: { now?: Date } = {}): { prepared: number; queued: number } {
  const prepared = prepareDueDigests({ now }).length;
  const queued = sendDueDigests({ now });
  return { prepared, queued };
}
