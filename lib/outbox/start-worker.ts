import "server-only";
import crypto from "node:crypto";
import path from "node:path";
import * as threads from "node:worker_threads";
import type { Worker } from "node:worker_threads";
import { logFailure } from "../logging/log-failure";
import { onOutboxWake } from "./enqueue-message";
import { getRunningOutboxWorker, setRunningOutboxWorker, type OutboxWorker } from "./running-worker";

type FromThread = { type: "ready"; threadId: number } | { type: "stopped" };

/** The server's outbox worker: the delivery loop (lib/outbox/delivery-loop.ts) in a thread of its own
 * (scripts/outbox-thread.mjs, decision 026), woken by a message when mail is queued here. One per process;
 * calling it again returns the running one. A thread that dies is started again after a pause: its rows in
 * flight go again when their lease runs out, as after a crash. */
export function startOutboxWorker(): OutboxWorker {
  const running = getRunningOutboxWorker();
  if (running) return running;

  const owner = `${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
  // from the project root, as the server and the tests run. Built at run time, and the Worker made through
  // Reflect.construct: Turbopack otherwise bundles a `new Worker(path)` entry (and tsx with it), which fails
  const entry = [process.cwd(), "scripts", "outbox-thread.mjs"].join(path.sep);
  let stopping = false;
  let thread: Worker | undefined;
  let readyThreadId: ((id: number) => void) | undefined;
  const ready = new Promise<number>((resolve) => (readyThreadId = resolve));

  const spawn = () => {
    const current: Worker = Reflect.construct(threads.Worker, [
      entry,
      // the lib files `import "server-only"`: its empty build, as `npm run invite` loads them
      { execArgv: ["--conditions=react-server"], workerData: { owner } },
    ]);
    current.on("message", (message: FromThread) => {
      if (message.type === "ready") readyThreadId?.(message.threadId);
    });
    current.on("error", (error) => logFailure("outbox thread", error));
    current.on("exit", () => {
      if (thread !== current) return;
      thread = undefined;
      if (!stopping) setTimeout(() => stopping || spawn(), 1_000).unref();
    });
    thread = current;
  };
  spawn();

  // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread's port, not a window: no origin
  onOutboxWake(() => thread?.postMessage("wake"));

  const worker: OutboxWorker = {
    owner,
    ready,
    async stop() {
      stopping = true;
      onOutboxWake(undefined);
      const current = thread;
      if (current) {
        await new Promise<void>((resolve) => {
          current.on("exit", () => resolve());
          current.on("message", (message: FromThread) => {
            if (message.type === "stopped") void current.terminate().then(() => resolve());
          });
          // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread's port, not a window: no origin
          current.postMessage("stop");
        });
      }
      setRunningOutboxWorker({ worker: undefined });
    },
  };
  setRunningOutboxWorker({ worker });
  return worker;
}
