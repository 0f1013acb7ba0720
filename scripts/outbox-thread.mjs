// The server's outbox delivery thread (decision 026), started by lib/outbox/start-worker.ts with
// --conditions=react-server (the lib files `import "server-only"`). better-sqlite3 is synchronous: every claim,
// PDF render and status update here would otherwise hold up the page renders and sign POSTs of the main thread.
// It opens its own connection (db/client.ts: WAL, busy_timeout) and its own SMTP pool. Messages from the main
// thread: "wake" (a new message was queued), "stop" (finish what is in flight, then say "stopped").
import { parentPort, threadId, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const load = (file) => tsImport(file, import.meta.url);
const { startDeliveryLoop } = await load("../lib/outbox/delivery-loop.ts");
const { logFailure } = await load("../lib/logging/log-failure.ts");
const { closeTransport } = await load("../lib/mail/transport.ts");
const { closeDatabase } = await load("../db/client.ts");

const tally = { sent: 0, retry: 0, failed: 0, "lost-lease": 0 };
let reported = Date.now();
const loop = startDeliveryLoop({
  owner: workerData.owner,
  onTally(outcome) {
    tally[outcome]++;
    // counts only, at most every 10 s: never an address or a subject in the log
    if ((tally.failed > 0 || tally.retry > 0) && Date.now() - reported > 10_000) {
      console.warn(`[outbox] sent ${tally.sent}, will retry ${tally.retry}, failed ${tally.failed}`);
      reported = Date.now();
      for (const key of Object.keys(tally)) tally[key] = 0;
    }
  },
});

parentPort.on("message", (message) => {
  if (message === "wake") loop.wake();
  if (message === "stop") {
    loop
      .stop()
      .catch((error) => logFailure("outbox stop", error))
      .finally(() => {
        closeTransport();
        closeDatabase();
        // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread's port, not a window: no origin
        parentPort.postMessage({ type: "stopped" });
      });
  }
});
// oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread's port, not a window: no origin
parentPort.postMessage({ type: "ready", threadId });
