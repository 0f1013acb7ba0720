import "server-only";
import { env } from "../env";
import { logFailure } from "../logging/log-failure";
import { claimDue, deliverRow, type DeliveryOutcome } from "./deliver-outbox";

export type DeliveryLoop = {
  /** There is new mail: claim now rather than at the next poll. */
  wake(): void;
  /** Claims nothing more and resolves once every message in flight is sent or kept on its row. */
  stop(): Promise<void>;
};

/** The outbox drain of a server, run in its delivery thread (scripts/outbox-thread.mjs, decision 026): a pipeline
 * that keeps up to `concurrency` messages in flight continuously. Rows are claimed as places free up (in batches of
 * at least half the places, so a claim's commit is shared by several rows), never more than are sent at once: a
 * claimed row is always being sent, well within its lease. Claims keep their order (confirmations first) and their
 * gates (lib/outbox/deliver-outbox.ts claimDue); every outcome is recorded by deliverRow's guarded update. */
export function startDeliveryLoop({
  owner,
  concurrency = env().OUTBOX_CONCURRENCY,
  pollMs = env().OUTBOX_POLL_MS,
  onTally,
}: {
  owner: string;
  concurrency?: number;
  pollMs?: number;
  /** Counts only (never an address): for the log and the tests */
  onTally?: (outcome: DeliveryOutcome) => void;
}): DeliveryLoop {
  let stopped = false;
  let woken = false;
  let nudge: (() => void) | undefined;
  const inFlight = new Set<Promise<void>>();
  const batch = Math.max(1, Math.ceil(concurrency / 2));

  /** Resolves on a wake, a message finishing, or after ms. */
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        nudge = undefined;
        resolve();
      }
      nudge = done;
    });

  const send = (row: Parameters<typeof deliverRow>[0]) => {
    const sending: Promise<void> = deliverRow(row, owner)
      .then((outcome) => onTally?.(outcome))
      // a message's own failure is kept on its row; this is the database failing to record it (its lease then runs out)
      .catch((error: unknown) => logFailure("outbox delivery", error))
      .finally(() => {
        inFlight.delete(sending);
        nudge?.();
      });
    inFlight.add(sending);
  };

  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      const free = concurrency - inFlight.size;
      // claim when a batch of places is free, or when nothing is in flight (the queue's tail, a wake, a poll)
      if (free >= batch || (free > 0 && (inFlight.size === 0 || woken))) {
        woken = false;
        try {
          const rows = claimDue({ owner, limit: free });
          failures = 0;
          for (const row of rows) send(row);
          if (rows.length > 0 && inFlight.size < concurrency) continue;
        } catch (error) {
          failures++;
          logFailure("outbox claim", error);
        }
      }
      if (stopped) break;
      // until a place frees up, a wake or the poll; after a failed claim, a backoff
      await pause(failures > 0 ? Math.min(30_000, pollMs * 2 ** failures) : pollMs);
    }
    await Promise.allSettled(inFlight);
  })();

  return {
    wake() {
      woken = true;
      nudge?.();
    },
    async stop() {
      stopped = true;
      nudge?.();
      await loop;
    },
  };
}
