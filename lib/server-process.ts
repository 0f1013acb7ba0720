import "server-only";
import { EnvError, loadEnv } from "./env";
import { publishDueCases } from "./cases/publish-due-cases";
import { describeTransport } from "./mail/transport";
import { startOutboxWorker } from "./outbox/start-worker";

export function startServerProcess(): void {
  try {
    loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // no migration here: scripts/prepare.ts applied them before this process started (once per start)
  startOutboxWorker();
  // scheduled publishing (lib/cases/publish-due-cases.ts): a case goes live within 30 s of its time
  setInterval(() => {
    try {
      publishDueCases();
    } catch (error) {
      // the next tick retries; a thrown timer callback would otherwise take the whole server down
      console.error("Scheduled publishing failed:", error instanceof Error ? error.message : error);
    }
  }, 30_000).unref();
  console.log(`Mail goes to ${describeTransport()}`);
}
