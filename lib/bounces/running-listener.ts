// The bounce listener running in this process, kept on globalThis like the outbox worker (see
// lib/outbox/running-worker.ts): no `import "server-only"`, so scripts/serve.mjs can stop it on shutdown.

export type BounceListener = { port: number; close(): Promise<void> };

const KEY = Symbol.for("vigil.bounces.listener");
const store = globalThis as unknown as { [KEY]?: BounceListener };

export function getRunningBounceListener(): BounceListener | undefined {
  return store[KEY];
}

export function setRunningBounceListener(listener: BounceListener | undefined): void {
  if (listener) store[KEY] = listener;
  else delete store[KEY];
}
