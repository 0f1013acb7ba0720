// Called by scripts/serve.mjs on SIGTERM/SIGINT, outside Next's bundles: no `import "server-only"`, and nothing
// imported here may need it (see running-worker.ts).
import { getRunningBounceListener } from "../bounces/running-listener";
import { getRunningOutboxWorker } from "./running-worker";

export type StopOutcome = "stopped" | "timed-out" | "not-running";

/** Stops this process's outbox worker once the messages in flight are sent (or have failed and are kept on their
 * rows), waiting at most timeoutMs: a row still "sending" after that is picked up again when its lease runs out. */
export async function stopOutboxWorker({ timeoutMs }: { timeoutMs: number }): Promise<StopOutcome> {
  // the bounce listener (lib/bounces) started beside the worker stops with it; a report it was reading is
  // answered first, and an MTA retries one it had not finished sending
  await getRunningBounceListener()?.close();
  const worker = getRunningOutboxWorker();
  if (!worker) return "not-running";
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<StopOutcome>((resolve) => {
    timer = setTimeout(() => resolve("timed-out"), timeoutMs);
  });
  try {
    return await Promise.race([worker.stop().then((): StopOutcome => "stopped"), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
