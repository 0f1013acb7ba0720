// The outbox worker running in this process, kept on globalThis: Next bundles instrumentation apart from the
// routes, and scripts/serve.mjs loads this file outside any bundle, so each holds its own copy of this module.
// No `import "server-only"` for that reason: serve.mjs imports it in plain Node to stop the worker on shutdown.

export type OutboxWorker = {
  stop(): Promise<void>;
  owner: string;
  /** The delivery thread's id once it runs (decision 026: never the main thread's 0) */
  ready?: Promise<number>;
};

const KEY = Symbol.for("vigil.outbox.worker");
const store = globalThis as unknown as { [KEY]?: OutboxWorker };

export function getRunningOutboxWorker(): OutboxWorker | undefined {
  return store[KEY];
}

/** Records the worker a process runs (one per process), or that none runs any more. */
export function setRunningOutboxWorker({ worker }: { worker: OutboxWorker | undefined }): void {
  if (worker) store[KEY] = worker;
  else delete store[KEY];
}
