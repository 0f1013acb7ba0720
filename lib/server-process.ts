import "server-only";
import { migrateDatabase } from "@/db/client";
import { EnvError, loadEnv } from "./env";
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
  migrateDatabase();
  startOutboxWorker();
  console.log(`Mail goes to ${describeTransport()}`);
}
