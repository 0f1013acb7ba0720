import "server-only";
import crypto from "node:crypto";
import { env } from "../env";
import { logFailure } from "../logging/log-failure";
import { deliverDue } from "./deliver-outbox";
import { onOutboxWake } from "./enqueue-message";
import { getRunningOutboxWorker, setRunningOutboxWorker, type OutboxWorker } from "./running-worker";

/** The in-process worker: drains the outbox, then sleeps until woken by a new message or the poll interval.
 * One per process; calling it again returns the running one. */
export function startOutboxWorker(): OutboxWorker {
  const running = getRunningOutboxWorker();
  if (running) return running;

  const owner = `${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let loop: Promise<void> = Promise.resolve();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  onOutboxWake(() => wake?.());

  loop = (async () => {
    let failures = 0;
    while (!stopped) {
      try {
        const tally = await deliverDue({ owner, limit: env().OUTBOX_CONCURRENCY });
        failures = 0;
        const handled = tally.sent + tally.retry + tally.failed + tally["lost-lease"];
        if (tally.failed > 0 || tally.retry > 0) {
          // counts only: never an address or a subject in the log
          console.warn(`[outbox] sent ${tally.sent}, will retry ${tally.retry}, failed ${tally.failed}`);
        }
        if (handled > 0) continue;
      } catch (error) {
        failures++;
        // retried after a backoff; a message's own failure is kept on its row, never in the log
        logFailure("outbox delivery pass", error);
      }
      await sleep(failures > 0 ? Math.min(30_000, env().OUTBOX_POLL_MS * 2 ** failures) : env().OUTBOX_POLL_MS);
    }
  })();

  const worker: OutboxWorker = {
    owner,
    async stop() {
      stopped = true;
      wake?.();
      onOutboxWake(undefined);
      await loop;
      setRunningOutboxWorker({ worker: undefined });
    },
  };
  setRunningOutboxWorker({ worker });
  return worker;
}
