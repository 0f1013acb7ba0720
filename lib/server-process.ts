import "server-only";
import { databaseFile, pendingMigrationCount } from "@/db/client";
import { EnvError, loadEnv } from "./env";
import { sweepUnusedPhotos } from "./cases/photos";
import { logFailure } from "./logging/log-failure";
import { publishDueCases } from "./cases/publish-due-cases";
import { runDigests } from "./digests/run-digests";
import { startBounceListener } from "./bounces/listener";
import { describeTransport } from "./mail/transport";
import { isMailboxEnabled, mailboxAccessCode } from "./mailbox/access";
import { mailboxStartNotice, mailboxStartProblem } from "./mailbox/start-up";
import { startOutboxWorker } from "./outbox/start-worker";
import { runRetention } from "./retention/apply-retention";
import { purgeExpiredRows } from "./security/purge-expired-rows";
import { appSecret } from "./security/secret";

export function startServerProcess(): void {
  let config;
  try {
    config = loadEnv();
    // a kept data/auth-secret shorter than 32 characters stops the server here, with how to make one
    appSecret();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // no migration here: scripts/prepare.ts migrates before every start; a server started without it stops
  // with the remedy named instead of failing query by query
  const behind = pendingMigrationCount();
  if (behind > 0) {
    console.error(`The database ${databaseFile()} lacks ${behind} migration(s): run npm start, npm run dev or npm run db:migrate.`);
    process.exit(1);
  }
  const mailboxProblem = mailboxStartProblem({ smtpUrl: config.SMTP_URL, appUrl: config.appUrl, demo: config.MAILBOX_DEMO });
  if (mailboxProblem) {
    console.error(mailboxProblem);
    process.exit(1);
  }
  startOutboxWorker();
  // Vigil's own bounce receiver (BOUNCE_SMTP_PORT; off when unset), stopped with the worker (lib/outbox/stop-worker.ts)
  startBounceListener().then(
    (listener) => {
      if (listener) console.log(`Bounces for ${config.bounceDomain} are received on port ${listener.port}`);
    },
    (error: unknown) => {
      console.error(`The bounce listener could not start on port ${config.BOUNCE_SMTP_PORT}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).name}`);
      process.exit(1);
    },
  );
  // scheduled publishing (lib/cases/publish-due-cases.ts): a case goes live within 30 s of its time; the
  // purge and the retention job (lib/retention: what /about promises is deleted) on the same beat
  let retentionRunning = false;
  setInterval(() => {
    try {
      publishDueCases();
      purgeExpiredRows();
    } catch (error) {
      // the next tick retries; a thrown timer callback would otherwise take the whole server down
      logFailure("scheduled publishing or purge", error);
    }
    try {
      // officials' daily digests (lib/digests): prepared up to 15 minutes ahead of their hour, queued at it
      runDigests();
    } catch (error) {
      logFailure("digests", error);
    }
    // a long backlog runs in batches across ticks; never two runs at once
    if (retentionRunning) return;
    retentionRunning = true;
    runRetention()
      .catch((error: unknown) => logFailure("retention job", error))
      .finally(() => {
        retentionRunning = false;
      });
  }, 30_000).unref();
  // photos uploaded and never saved, or missed when a change dropped them (lib/cases/photos.ts)
  setInterval(() => {
    try {
      sweepUnusedPhotos();
    } catch (error) {
      logFailure("photo sweep", error);
    }
  }, 60 * 60_000).unref();
  console.log(`Mail goes to ${describeTransport()}`);
  if (isMailboxEnabled()) console.warn(mailboxStartNotice({ appUrl: config.appUrl, code: mailboxAccessCode() }));
}
