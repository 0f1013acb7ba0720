// The outbox against a real SQLite file and real SMTP servers (down, refusing, slow to come back): every
// message is delivered, none twice by the worker's own doing, and a failure is kept on its row.
import crypto from "node:crypto";
import * as orm from "drizzle-orm";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, writeTransaction } from "@/db/client";
import * as schema from "@/db/schema";
import { raceInProcesses } from "@/tests/support/race";
import { freePort, startSmtpCapture, type SmtpCapture } from "@/tests/support/smtp-capture";
import { setEnv, sleep, useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { env } from "../env";
import { closeTransport } from "../mail/transport";
import { claimDue, deliverDue, deliverRow, isPermanentFailure } from "./deliver-outbox";
import { enqueueMessage } from "./enqueue-message";

let database: TestDatabase;
// One server for most tests. Recipients choose its answer: `reject-*` gets a permanent 550, `tempfail-*` a
// temporary 451 every time, `flaky-*` a 451 the first time only; anyone else is accepted.
let capture: SmtpCapture;
const seenFlaky = new Set<string>();

beforeAll(async () => {
  capture = await startSmtpCapture({
    rejectWith(rcpt) {
      if (rcpt.startsWith("reject-")) return { code: 550, message: "5.1.1 No such mailbox here" };
      if (rcpt.startsWith("tempfail-")) return { code: 451, message: "4.3.0 Try again later" };
      if (rcpt.startsWith("flaky-") && !seenFlaky.has(rcpt)) {
        seenFlaky.add(rcpt);
        return { code: 451, message: "4.3.0 Busy, try again" };
      }
      return null;
    },
  });
});

// A database file per test: claims take every due row, so rows one test left behind (say, after it failed)
// must not be there for the next one to claim.
beforeEach(async () => {
  database = await useTestDatabase({ SMTP_URL: capture.url, OUTBOX_RETRY_BASE_MS: "50", OUTBOX_RETRY_MAX_MS: "200" });
});

afterEach(async () => {
  await database?.close();
});

afterAll(async () => {
  await capture?.close();
});

/** Queues one appeal per address, in one transaction, as a confirmation would. */
function queueTo(addresses: string[]): string[] {
  return writeTransaction((tx) =>
    addresses.map((to, i) =>
      enqueueMessage(tx, { kind: "appeal", to, fromName: "Amira Haddad via Vigil", subject: `Release Li Qiaochu (${i})`, text: `Dear Minister,\n\nLetter ${i}.` }),
    ),
  );
}

/** Queues `count` appeals to `${prefix}-N-RANDOM@example.org`; the prefix picks the test server's answer. */
function queue(count: number, prefix = "official"): string[] {
  const tag = crypto.randomUUID().slice(0, 8);
  return queueTo(Array.from({ length: count }, (_, i) => `${prefix}-${i}-${tag}@example.org`));
}

function rows(ids: string[]) {
  const { outbox } = schema;
  const found = getDb().select().from(outbox).where(orm.inArray(outbox.id, ids)).all();
  return ids.map((id) => found.find((r) => r.id === id)!);
}

const row = (id: string) => rows([id])[0]!;

/** Runs delivery passes until `done()` holds, with short sleeps for the retry delays; fails after `timeoutMs`. */
async function deliverUntil(done: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`delivery did not finish within ${timeoutMs} ms`);
    await deliverDue();
    await sleep(25);
  }
}

/** Frames in the WAL since the last truncating checkpoint: every commit appends at least one. */
const walFrames = () => getDb().all<{ log: number }>(orm.sql`pragma wal_checkpoint(PASSIVE)`)[0]!.log;

const received = (messageId: string, server = capture) => server.messages.filter((m) => m.messageId === messageId);

describe("deliverDue", () => {
  it("keeps every message while the mail server is down and sends each exactly once when it is back", async () => {
    const port = await freePort();
    const restore = setEnv({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    let revived: SmtpCapture | undefined;
    try {
      const ids = queue(10);
      const startedAt = Date.now();
      expect(await deliverDue()).toEqual({ sent: 0, retry: 10, failed: 0, "lost-lease": 0 });
      const finishedAt = Date.now();
      for (const r of rows(ids)) {
        expect(r).toMatchObject({ status: "queued", attempts: 1, leaseOwner: null, leaseUntil: null, sentAt: null });
        expect(r.lastError).toContain("ECONNREFUSED");
        // retried after the base delay, ±20% jitter
        expect(r.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(startedAt + 40);
        expect(r.nextAttemptAt.getTime()).toBeLessThanOrEqual(finishedAt + 60);
      }

      revived = await startSmtpCapture({ port });
      await deliverUntil(() => rows(ids).every((r) => r.status === "sent"));
      for (const r of rows(ids)) {
        expect(r).toMatchObject({ status: "sent", lastError: null, leaseOwner: null });
        expect(r.attempts).toBeGreaterThanOrEqual(2);
        expect(r.sentAt).toBeInstanceOf(Date);
        expect(received(r.messageId, revived).map((m) => m.to)).toEqual([[r.toAddress]]);
      }
      // each Message-ID exactly once, and nothing else
      expect(revived.messages.map((m) => m.messageId).toSorted()).toEqual(rows(ids).map((r) => r.messageId).toSorted());
    } finally {
      restore();
      // the pooled transport must let go of the revived server before it closes
      closeTransport();
      await revived?.close();
    }
  });

  it("fails a message the receiving server refuses permanently, keeps the reason, and sends the rest", async () => {
    const refusedAddress = `reject-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const [good1, refused, good2] = queueTo([`a-${refusedAddress.slice(7)}`, refusedAddress, `b-${refusedAddress.slice(7)}`]);

    expect(await deliverDue()).toEqual({ sent: 2, retry: 0, failed: 1, "lost-lease": 0 });
    expect(row(refused!)).toMatchObject({ status: "failed", attempts: 1, leaseOwner: null });
    expect(row(refused!).lastError).toContain("550");
    expect(row(refused!).lastError).toContain("No such mailbox");
    for (const id of [good1!, good2!]) expect(row(id).status).toBe("sent");

    // later passes, after any retry delay, leave it failed and never ask the server again
    await sleep(250);
    await deliverDue();
    expect(row(refused!)).toMatchObject({ status: "failed", attempts: 1 });
    expect(capture.rejections.filter((r) => r.address === refusedAddress)).toEqual([{ address: refusedAddress, code: 550 }]);
    expect(received(row(refused!).messageId)).toHaveLength(0);
  });

  it("gives up after OUTBOX_MAX_ATTEMPTS temporary failures", async () => {
    const restore = setEnv({ OUTBOX_MAX_ATTEMPTS: "3" });
    try {
      const [id] = queue(1, "tempfail");
      const address = row(id!).toAddress;
      expect(await deliverDue()).toMatchObject({ retry: 1 });
      expect(row(id!)).toMatchObject({ status: "queued", attempts: 1 });
      expect(row(id!).lastError).toContain("451");
      await deliverUntil(() => row(id!).status === "failed");
      expect(row(id!)).toMatchObject({ status: "failed", attempts: 3 });
      expect(row(id!).lastError).toContain("451");
      expect(capture.rejections.filter((r) => r.address === address)).toHaveLength(3);
      await sleep(250);
      await deliverDue();
      expect(row(id!).attempts).toBe(3);
    } finally {
      restore();
    }
  });
});

describe("leases", () => {
  it("lets another worker take over a dead worker's row, and the dead worker's late result changes nothing", async () => {
    const { OUTBOX_LEASE_MS: lease } = env();
    const [id] = queue(1);
    const t0 = new Date();

    const [claimedByA, ...moreA] = claimDue({ owner: "worker-A", limit: 10, now: t0 });
    expect(moreA).toHaveLength(0);
    expect(claimedByA).toMatchObject({ id, status: "sending", leaseOwner: "worker-A", attempts: 1 });
    expect(claimedByA?.leaseUntil?.getTime()).toBe(t0.getTime() + lease);

    // within A's lease nobody else may take it
    expect(claimDue({ owner: "worker-B", limit: 10, now: new Date(t0.getTime() + lease - 1) })).toEqual([]);
    // A died: once the lease has run out, B takes the row over
    const [claimedByB] = claimDue({ owner: "worker-B", limit: 10, now: new Date(t0.getTime() + lease + 1) });
    expect(claimedByB).toMatchObject({ id, status: "sending", leaseOwner: "worker-B", attempts: 2 });

    // A was not dead after all, only slow: its send goes out, but it may not record anything
    expect(await deliverRow(claimedByA!, "worker-A")).toBe("lost-lease");
    expect(row(id!)).toMatchObject({ status: "sending", leaseOwner: "worker-B", sentAt: null, lastError: null, attempts: 2 });

    expect(await deliverRow(claimedByB!, "worker-B")).toBe("sent");
    expect(row(id!)).toMatchObject({ status: "sent", leaseOwner: null });
    // the one duplicate a takeover can cause carries the same Message-ID, so the receiver can tell
    expect(received(row(id!).messageId).map((m) => m.messageId)).toEqual([row(id!).messageId, row(id!).messageId]);
  });

  it("records the messages that finish together in one commit, each under its own guard: a lost lease is not marked", async () => {
    // the built-in mailbox: its sends finish together, and it keeps a copy of each message recorded as sent
    const restore = setEnv({ SMTP_URL: undefined });
    closeTransport();
    const { outbox, mailboxMessages } = schema;
    const copies = (id: string) => getDb().select().from(mailboxMessages).where(orm.eq(mailboxMessages.outboxId, id)).all();
    /** Six rows claimed by worker-A, two of them since taken over by worker-B (A's lease ran out). */
    const claimSix = () => {
      const claimed = claimDue({ owner: "worker-A", limit: 10, now: new Date() });
      expect(claimed).toHaveLength(6);
      const takenOver = claimed.slice(0, 2).map((r) => r.id);
      writeTransaction((tx) => tx.update(outbox).set({ leaseOwner: "worker-B" }).where(orm.inArray(outbox.id, takenOver)).run());
      getDb().all(orm.sql`pragma wal_checkpoint(TRUNCATE)`);
      return { claimed, takenOver };
    };
    const check = ({ claimed, takenOver }: ReturnType<typeof claimSix>, outcomes: string[]) => {
      expect(outcomes).toEqual(["lost-lease", "lost-lease", "sent", "sent", "sent", "sent"]);
      for (const id of takenOver) {
        expect(row(id)).toMatchObject({ status: "sending", leaseOwner: "worker-B", sentAt: null });
        expect(copies(id)).toHaveLength(0);
      }
      for (const { id } of claimed.slice(2)) {
        expect(row(id)).toMatchObject({ status: "sent", leaseOwner: null, leaseUntil: null });
        expect(copies(id)).toHaveLength(1);
      }
    };
    try {
      queue(6);
      const one = claimSix();
      // one after the other: a commit each
      const outcomesOne: string[] = [];
      for (const r of one.claimed) outcomesOne.push(await deliverRow(r, "worker-A"));
      const framesOneByOne = walFrames();
      check(one, outcomesOne);

      queue(6);
      const together = claimSix();
      check(together, await Promise.all(together.claimed.map((r) => deliverRow(r, "worker-A"))));
      // the same records, grouped: fewer frames than one commit per message
      expect(walFrames()).toBeLessThan(framesOneByOne);
    } finally {
      restore();
      closeTransport();
    }
  });

  it("does not let a dead worker's late failure overwrite the row either", async () => {
    const { OUTBOX_LEASE_MS: lease } = env();
    const [id] = queue(1, "flaky");
    const t0 = new Date();
    const [claimedByA] = claimDue({ owner: "worker-A", limit: 10, now: t0 });
    const [claimedByB] = claimDue({ owner: "worker-B", limit: 10, now: new Date(t0.getTime() + lease + 1) });
    expect(claimedByB?.id).toBe(id);

    // A's send is refused (451): it must not put B's row back in the queue
    expect(await deliverRow(claimedByA!, "worker-A")).toBe("lost-lease");
    expect(row(id!)).toMatchObject({ status: "sending", leaseOwner: "worker-B", lastError: null });
    expect(await deliverRow(claimedByB!, "worker-B")).toBe("sent");
    expect(row(id!)).toMatchObject({ status: "sent", lastError: null });
    expect(received(row(id!).messageId)).toHaveLength(1);
  });

  it("never gives the same row to two owners claiming at the same instant", async () => {
    const ids = queue(10);
    const now = new Date();
    const a = claimDue({ owner: "worker-A", limit: 6, now }).map((r) => r.id);
    const b = claimDue({ owner: "worker-B", limit: 6, now }).map((r) => r.id);
    expect(a).toHaveLength(6);
    expect(b).toHaveLength(4);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    expect([...a, ...b].toSorted()).toEqual(ids.toSorted());
    for (const r of rows(ids)) expect(r).toMatchObject({ status: "sending", attempts: 1, leaseOwner: a.includes(r.id) ? "worker-A" : "worker-B" });
    const outcomes = await Promise.all(rows(ids).map((r) => deliverRow(r, r.leaseOwner!)));
    expect(outcomes).toEqual(Array(10).fill("sent"));
  });

  it("never gives the same row to two processes claiming at the same instant", async () => {
    const ids = queue(24);
    const now = Date.now();
    const owners = ["proc-1", "proc-2", "proc-3", "proc-4"];
    // separate processes, separate connections: the only way to make claims truly overlap
    const claims = (await raceInProcesses(owners.map((owner) => ["claim", owner, "12", String(now)]))) as string[][];
    const all = claims.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((id) => ids.includes(id))).toBe(true);
    // a row claimed twice would show attempts: 2, or the wrong owner
    const ownerOf = (id: string) => owners[claims.findIndex((claim) => claim.includes(id))];
    expect(rows(ids).map((r) => ({ id: r.id, status: r.status, leaseOwner: r.leaseOwner, attempts: r.attempts }))).toEqual(
      ids.map((id) =>
        ownerOf(id) ? { id, status: "sending", leaseOwner: ownerOf(id), attempts: 1 } : { id, status: "queued", leaseOwner: null, attempts: 0 },
      ),
    );
    expect(all.length).toBeGreaterThanOrEqual(12);

    const claimed = rows(ids).filter((r) => r.status === "sending");
    expect(await Promise.all(claimed.map((r) => deliverRow(r, r.leaseOwner!)))).toEqual(claimed.map(() => "sent"));
    await deliverUntil(() => rows(ids).every((r) => r.status === "sent"));
    const messageIds = rows(ids).map((r) => r.messageId);
    expect(capture.messages.filter((m) => messageIds.includes(m.messageId)).map((m) => m.messageId).toSorted()).toEqual(messageIds.toSorted());
  });
});

describe("the built-in mailbox", () => {
  it("stores each message once as raw RFC 822 that parses back to what was queued", async () => {
    const restore = setEnv({ SMTP_URL: undefined });
    try {
      const ids = queue(3);
      const { mailboxMessages, outbox } = schema;
      getDb().update(outbox).set({ subject: "Libérez Li Qiaochu — 李桥楚" }).where(orm.eq(outbox.id, ids[0]!)).run();
      expect(await deliverDue()).toEqual({ sent: 3, retry: 0, failed: 0, "lost-lease": 0 });
      expect(await deliverDue()).toEqual({ sent: 0, retry: 0, failed: 0, "lost-lease": 0 });

      for (const r of rows(ids)) {
        expect(r.status).toBe("sent");
        const stored = getDb().select().from(mailboxMessages).where(orm.eq(mailboxMessages.outboxId, r.id)).all();
        expect(stored).toHaveLength(1);
        expect(stored[0]).toMatchObject({ messageId: r.messageId, toAddress: r.toAddress, subject: r.subject });
        const parsed = await simpleParser(stored[0]!.raw);
        expect(parsed.subject).toBe(r.subject);
        expect(parsed.messageId).toBe(r.messageId);
        const to = Array.isArray(parsed.to) ? parsed.to : [parsed.to];
        expect(to.flatMap((a) => a?.value ?? []).map((a) => a.address)).toEqual([r.toAddress]);
        expect(parsed.from?.value[0]).toMatchObject({ name: "Amira Haddad via Vigil", address: "appeals@vigil.example.org" });
        expect(parsed.text?.trimEnd()).toBe(r.textBody);
      }
    } finally {
      restore();
    }
  });

  it("keeps only the owner's copy when a worker loses its lease", async () => {
    const restore = setEnv({ SMTP_URL: undefined });
    try {
      const { OUTBOX_LEASE_MS: lease } = env();
      const [id] = queue(1);
        const t0 = new Date();
      const [claimedByA] = claimDue({ owner: "worker-A", limit: 10, now: t0 });
      const [claimedByB] = claimDue({ owner: "worker-B", limit: 10, now: new Date(t0.getTime() + lease + 1) });
      expect(await deliverRow(claimedByA!, "worker-A")).toBe("lost-lease");
      expect(await deliverRow(claimedByB!, "worker-B")).toBe("sent");
      const { mailboxMessages } = schema;
      expect(getDb().select().from(mailboxMessages).where(orm.eq(mailboxMessages.outboxId, id!)).all()).toHaveLength(1);
    } finally {
      restore();
    }
  });
});

const failed = (responseCode: number, command: string) => Object.assign(new Error("x"), { responseCode, command });

describe("isPermanentFailure", () => {
  it("gives up only on a 5xx about the recipient or the message", () => {
    expect(isPermanentFailure(failed(550, "RCPT TO"))).toBe(true);
    expect(isPermanentFailure(failed(554, "DATA"))).toBe(true);
    // about us, not the message: fixed by fixing the configuration, so the queue must wait, not burn
    expect(isPermanentFailure(failed(535, "AUTH PLAIN"))).toBe(false);
    expect(isPermanentFailure(failed(550, "MAIL FROM"))).toBe(false);
    expect(isPermanentFailure(failed(451, "RCPT TO"))).toBe(false);
    expect(isPermanentFailure(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }))).toBe(false);
  });

  it("keeps every row queued when the server refuses our login", async () => {
    // a real SMTP server that demands a login and answers 535 to every attempt
    const strict = new SMTPServer({
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      onAuth: (_auth, _session, callback) => callback(new Error("5.7.8 Authentication credentials invalid")),
    });
    const port = await freePort();
    await new Promise<void>((resolve) => strict.listen(port, "127.0.0.1", resolve));
    await database.close();
    database = await useTestDatabase({ SMTP_URL: `smtp://nobody:wrong@127.0.0.1:${port}`, OUTBOX_RETRY_BASE_MS: "50" });
    try {
      writeTransaction((tx) => {
        for (let i = 0; i < 3; i++) enqueueMessage(tx, { kind: "appeal", to: `official-${i}@example.org`, subject: "s", text: "t" });
      });
      const tally = await deliverDue();
      expect(tally.failed).toBe(0);
      const statuses = getDb().select().from(schema.outbox).all().map((r) => r.status);
      expect(statuses).toEqual(["queued", "queued", "queued"]);
    } finally {
      await new Promise<void>((resolve) => strict.close(() => resolve()));
    }
  });
});
