// The server's outbox worker as the server runs it: a thread of its own (decision 026) with its own connection
// to the same SQLite file, against the built-in mailbox and a real SMTP server.
import { threadId } from "node:worker_threads";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb, writeTransaction } from "@/db/client";
import { outbox } from "@/db/schema";
import { startSmtpCapture, type SmtpCapture } from "@/tests/support/smtp-capture";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { enqueueMessage, wakeOutbox } from "./enqueue-message";
import { startOutboxWorker } from "./start-worker";
import { stopOutboxWorker } from "./stop-worker";

let database: TestDatabase | undefined;
let capture: SmtpCapture | undefined;

afterEach(async () => {
  await stopOutboxWorker({ timeoutMs: 10_000 });
  await database?.close();
  await capture?.close();
  database = capture = undefined;
});

function queue(count: number, kind: "confirmation" | "appeal" = "confirmation"): string[] {
  return writeTransaction((tx) =>
    Array.from({ length: count }, (_, i) => enqueueMessage(tx, { kind, to: `supporter-${i}@example.net`, subject: `Please confirm (${i})`, text: `Message ${i}` })),
  );
}

const rows = () => getDb().select({ id: outbox.id, status: outbox.status, messageId: outbox.messageId }).from(outbox).all();
const sentCount = () => getDb().select({ id: outbox.id }).from(outbox).where(eq(outbox.status, "sent")).all().length;

describe("the server's outbox worker", () => {
  it("delivers from its own thread: mail leaves while the main thread is busy", async () => {
    database = await useTestDatabase(); // the built-in mailbox: the thread records each message in the database
    const worker = startOutboxWorker();
    const deliveryThread = await worker.ready;
    expect(deliveryThread).toBeGreaterThan(0);
    expect(deliveryThread).not.toBe(threadId);

    queue(20);
    wakeOutbox();
    // the main thread never yields from here on: no timer, no I/O callback, no promise of it runs
    const deadline = Date.now() + 20_000;
    while (sentCount() < 20 && Date.now() < deadline) {
      /* busy, as under a burst of page renders */
    }
    expect(sentCount()).toBe(20);
  });

  it("stops after the messages in flight are sent, claiming no more", async () => {
    // each message takes the SMTP server 400 ms: stop lands while some are in flight
    capture = await startSmtpCapture({ delayMs: 400 });
    database = await useTestDatabase({ SMTP_URL: capture.url, OUTBOX_CONCURRENCY: "4" });
    queue(16, "appeal");
    const worker = startOutboxWorker();
    await worker.ready;
    await capture.waitFor((messages) => messages.length >= 1, 20_000);
    expect(await stopOutboxWorker({ timeoutMs: 10_000 })).toBe("stopped");

    const after = rows();
    // nothing is left half-done: every message the SMTP server took is recorded as sent, and only those
    expect(after.filter((row) => row.status === "sending")).toEqual([]);
    const received = capture.messages.map((m) => m.messageId);
    expect(new Set(received).size).toBe(received.length);
    expect(new Set(after.filter((row) => row.status === "sent").map((row) => row.messageId))).toEqual(new Set(received));
    expect(received.length).toBeGreaterThanOrEqual(1);
    // and it claimed nothing after the stop: the rest wait, queued, for the next start
    expect(after.filter((row) => row.status === "queued").length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(capture.messages.length).toBe(received.length);
  });
});
