// After the retention period the database files hold no pending supporter's name, byte for byte: what
// `strings data/vigil.db | grep NAME` would find. A real file, the real sign form's command, the built-in mailbox.
import fs from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseFile, getDb } from "@/db/client";
import { createTestCase } from "@/tests/support/factories";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { deliverDue } from "../outbox/deliver-outbox";
import { parseSignForm } from "../signatures/schemas";
import { submitSignature } from "../signatures/submit-signature";
import { runRetention } from "./apply-retention";

let database: TestDatabase;
beforeAll(async () => {
  // no SMTP_URL: the confirmation lands in the built-in mailbox, one more copy of the name to get rid of
  database = await useTestDatabase({ APP_URL: "https://appeals.example.org" });
});
afterAll(() => database.close());

const NAME = "Zephyrine Quillfeather-Okonkwo";
const EMAIL = "zephyrine.quillfeather@supporters.example.net";
const MESSAGE = "Marmalade lighthouse umbrella";

function fileBytes(): Buffer {
  getDb().all(sql`pragma wal_checkpoint(TRUNCATE)`);
  const file = databaseFile();
  const parts = [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f));
  return Buffer.concat(parts);
}

describe("the database file after the retention period", () => {
  it("holds no trace of a pending supporter's name, address or message", async () => {
    const theCase = createTestCase();
    const parsed = parseSignForm([["fullName", NAME], ["email", EMAIL], ["country", "GB"], ["message", MESSAGE]]);
    if (!parsed.ok) throw new Error("the test's form was refused");
    expect(submitSignature({ slug: theCase.slug, input: parsed.data, clientAddress: "198.51.100.7" })).toEqual({ ok: true });
    // a second submission for the same address: an offer, another copy of what was typed
    expect(submitSignature({ slug: theCase.slug, input: parsed.data, clientAddress: "198.51.100.8" })).toEqual({ ok: true });
    await deliverDue();

    // the test can fail: before the period every copy is there
    const before = fileBytes();
    expect(before.includes(NAME)).toBe(true);
    expect(before.includes(EMAIL)).toBe(true);

    // the link (72 h) expired more than 7 days ago
    const later = new Date(Date.now() + (72 + 7 * 24 + 1) * 3_600_000);
    const done = await runRetention({ now: later });
    expect(done.pendingSignatures).toBe(1);

    const after = fileBytes();
    expect(after.includes(NAME)).toBe(false);
    expect(after.includes(EMAIL)).toBe(false);
    expect(after.includes(MESSAGE)).toBe(false);
    expect(after.includes("Zephyrine")).toBe(false);
  });
});
