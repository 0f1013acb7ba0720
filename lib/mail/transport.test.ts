// The SMTP transport against a real SMTP server (smtp-server): a pool of at most OUTBOX_CONCURRENCY connections
// reused message after message, no ~40 ms wait per message on a delayed ACK, and no clear text off this machine.
import type { AddressInfo } from "node:net";
import os from "node:os";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { closeTransport, getTransport } from "./transport";

let database: TestDatabase | undefined;
let server: SMTPServer | undefined;

afterEach(async () => {
  closeTransport();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await database?.close();
  database = server = undefined;
});

/** A plain SMTP server (no STARTTLS) that counts the connections it is given and the messages it accepts. */
async function startServer(host = "127.0.0.1") {
  const seen = { connections: 0, messages: 0 };
  server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    closeTimeout: 200,
    onConnect(_session, callback) {
      seen.connections++;
      callback();
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () => {
        seen.messages++;
        callback();
      });
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve) => server!.listen(0, host, resolve));
  return { seen, port: (server.server.address() as AddressInfo).port };
}

const message = (i: number) => ({
  from: "appeals@vigil.example.org",
  to: `supporter-${i}@example.net`,
  subject: `Please confirm (${i})`,
  text: "Please confirm your appeal. ".repeat(120),
  html: `<p>${"Please confirm your appeal. ".repeat(120)}</p>`,
});

describe("the SMTP transport", () => {
  it("keeps a pool of at most OUTBOX_CONCURRENCY connections and sends message after message on them", async () => {
    const { seen, port } = await startServer();
    database = await useTestDatabase({ SMTP_URL: `smtp://127.0.0.1:${port}`, OUTBOX_CONCURRENCY: "4" });
    const transport = getTransport();
    let next = 0;
    // four at a time, as the delivery loop sends
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (next < 40) await transport.send(message(next++));
    }));
    expect(seen.messages).toBe(40);
    expect(seen.connections).toBeGreaterThanOrEqual(1);
    expect(seen.connections).toBeLessThanOrEqual(4);
  });

  it("does not wait on the server's delayed ACK after each message (Nagle's algorithm is off)", async () => {
    const { seen, port } = await startServer();
    database = await useTestDatabase({ SMTP_URL: `smtp://127.0.0.1:${port}`, OUTBOX_CONCURRENCY: "1" });
    const transport = getTransport();
    await transport.send(message(0)); // the connection and its greeting are not what is measured
    const started = performance.now();
    for (let i = 1; i <= 40; i++) await transport.send(message(i));
    const elapsed = performance.now() - started;
    expect(seen.messages).toBe(41);
    // with Nagle on, every message waits ≥ 40 ms for the delayed ACK (≥ 1,600 ms here); without, a few ms each
    expect(elapsed).toBeLessThan(1_200);
  });

  it("refuses to send in clear text to a server off this machine that offers no STARTTLS", async () => {
    const address = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
    if (!address) return; // no address but loopback: nothing is off this machine
    const { seen, port } = await startServer(address);
    database = await useTestDatabase({ SMTP_URL: `smtp://${address}:${port}` });
    await expect(getTransport().send(message(0))).rejects.toThrow(/STARTTLS|TLS/i);
    expect(seen.messages).toBe(0);
  });
});
