// The server is killed with SIGKILL while the outbox drains, then restarted: every letter still arrives, and
// only a letter the SMTP server had accepted in the instant before the kill may arrive twice.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { productionServer } from "../scripts/lib/tasks.mjs";
import { startSmtpCapture } from "../tests/support/smtp-capture";

const LETTERS = 120;
const CONCURRENCY = 4;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

test("no letter is lost when the server is killed mid-delivery", async () => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-crash-"));
  const databaseUrl = `file:${path.join(dir, "vigil.db")}`;
  const capture = await startSmtpCapture({ delayMs: 40 });
  const port = await freePort();
  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    SMTP_URL: `smtp://127.0.0.1:${capture.port}`,
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    OUTBOX_LEASE_MS: "3000",
    OUTBOX_POLL_MS: "200",
    OUTBOX_CONCURRENCY: String(CONCURRENCY),
    // about crashes, not pacing: 120 officials who all share example.org would otherwise get one letter per 30 s
    PACE_DOMAIN_PER_HOUR: "0",
  };
  const prepared = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/prepare.ts", "--no-seed"], { env: serverEnv, encoding: "utf8" });
  expect(prepared.status, prepared.stderr).toBe(0);

  // Queue the letters directly in the outbox, as a burst of confirmations would.
  const Database = (await import("better-sqlite3")).default;
  const sqlite = new Database(path.join(dir, "vigil.db"));
  const insert = sqlite.prepare(
    `insert into outbox (id, kind, status, message_id, to_address, subject, text_body, attempts, next_attempt_at, created_at)
     values (?, 'appeal', 'queued', ?, ?, ?, ?, 0, ?, ?)`,
  );
  const messageIds: string[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < LETTERS; i++) {
      const id = crypto.randomUUID();
      const messageId = `<${id}@vigil.example.org>`;
      messageIds.push(messageId);
      insert.run(id, messageId, `official-${i}@example.org`, `Appeal ${i}`, `Letter ${i}`, Date.now(), Date.now());
    }
  })();

  const start = (): ChildProcess => spawn(process.execPath, productionServer.args, { env: { ...serverEnv, ...productionServer.env }, stdio: "ignore" });
  let server = start();
  try {
    await expect.poll(() => capture.messages.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(30);
    server.kill("SIGKILL");
    await new Promise((resolve) => server.once("exit", resolve));
    const receivedAtKill = capture.messages.length;
    expect(receivedAtKill, "the kill must land while letters are still queued").toBeLessThan(LETTERS);

    server = start();
    await expect
      .poll(() => new Set(capture.messages.map((m) => m.messageId)).size, { timeout: 60_000 })
      .toBe(LETTERS);

    const received = capture.messages.map((m) => m.messageId);
    expect(new Set(received)).toEqual(new Set(messageIds));
    const duplicates = received.length - new Set(received).size;
    expect(duplicates).toBeLessThanOrEqual(CONCURRENCY);
    await expect
      .poll(() => (sqlite.prepare(`select count(*) as n from outbox where status = 'sent'`).get() as { n: number }).n, { timeout: 10_000 })
      .toBe(LETTERS);
  } finally {
    server.kill("SIGKILL");
    sqlite.close();
    await capture.close();
  }
});
