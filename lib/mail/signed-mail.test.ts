// What an official's mail server receives from Vigil, read off a real SMTP server: a DKIM signature that an
// independent verifier (mailauth) accepts against the published key, a VERP envelope sender that names the row,
// a Message-ID on the sending domain, and none of the bulk-mail headers a personal letter must not carry.
import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSmtpCapture, type SmtpCapture } from "@/tests/support/smtp-capture";
import { createTestCase } from "@/tests/support/factories";
import { signAndConfirm } from "@/tests/support/supporters";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { deliverDue } from "../outbox/deliver-outbox";
import { checkBounceAddress } from "./verp";

// mailauth 4.9.5 (CommonJS, no types): the verifier of record for DKIM
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { authenticate } = require("mailauth") as {
  authenticate(raw: string, options: { resolver: (name: string, type: string) => Promise<string[][]>; trustReceived?: boolean; sender?: string; ip?: string; helo?: string; mta?: string }): Promise<{
    dkim: { results: { signingDomain: string; selector: string; status: { result: string; comment?: string } }[] };
  }>;
};

const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const PRIVATE_PEM = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const PUBLIC_DER = publicKey.export({ type: "spki", format: "der" }).toString("base64");

// the DNS the verifier sees: our selector's TXT record and nothing else
const resolver = async (name: string, type: string): Promise<string[][]> => {
  if (type === "TXT" && name === "vigil2026._domainkey.vigil.example.org") return [[`v=DKIM1; k=rsa; p=${PUBLIC_DER}`]];
  throw Object.assign(new Error(`no ${type} record for ${name}`), { code: "ENOTFOUND" });
};

const verify = (raw: string) => authenticate(raw, { resolver, sender: "x@vigil.example.org", ip: "127.0.0.1", helo: "localhost", mta: "mx.example.org" });

let capture: SmtpCapture;
let database: TestDatabase;

beforeAll(async () => {
  capture = await startSmtpCapture();
});
afterAll(async () => {
  await capture?.close();
});
afterEach(async () => {
  await database?.close();
  capture.messages.length = 0;
});

describe("with DKIM configured", () => {
  beforeEach(async () => {
    database = await useTestDatabase({
      SMTP_URL: capture.url,
      APP_URL: "http://localhost:3999",
      MAIL_FROM: "appeals@vigil.example.org",
      DKIM_DOMAIN: "vigil.example.org",
      DKIM_SELECTOR: "vigil2026",
      DKIM_PRIVATE_KEY: PRIVATE_PEM.replace(/\n/g, "\\n"),
    });
  });

  it("signs the confirmation and the appeal; the verifier passes both, and fails a message changed on the way", async () => {
    const theCase = createTestCase({ targets: 1 });
    signAndConfirm({ slug: theCase.slug });
    await deliverDue();
    await deliverDue();
    const received = await capture.waitFor((m) => m.length >= 2);
    const appeal = received.find((m) => m.to[0]?.endsWith("@example.org"))!;
    const confirmation = received.find((m) => m.to[0]?.endsWith("@supporters.example.net"))!;
    for (const mail of [appeal, confirmation]) {
      const { dkim } = await verify(mail.raw);
      expect(dkim.results).toHaveLength(1);
      expect(dkim.results[0]).toMatchObject({ signingDomain: "vigil.example.org", selector: "vigil2026", status: { result: "pass" } });
    }
    const tampered = appeal.raw.replace(/Dear /, "Dear Sir ");
    expect(tampered).not.toBe(appeal.raw);
    // mailauth reports a body that no longer matches its hash as "neutral" (RFC 6376 6.1.3): anything but a pass
    expect((await verify(tampered)).dkim.results[0]!.status).toMatchObject({ result: "neutral", comment: expect.stringContaining("body hash") });
  });
});

describe("an appeal as received", () => {
  beforeEach(async () => {
    database = await useTestDatabase({ SMTP_URL: capture.url, APP_URL: "http://localhost:3999", MAIL_FROM: "appeals@vigil.example.org", BOUNCE_DOMAIN: "bounces.vigil.example.org" });
  });

  it("goes out with a VERP envelope naming its row, a Message-ID on the sending domain, no bulk headers, and unsigned without DKIM_*", async () => {
    const theCase = createTestCase({ targets: 1 });
    signAndConfirm({ slug: theCase.slug });
    await deliverDue();
    await deliverDue();
    const received = await capture.waitFor((m) => m.some((x) => x.to[0]?.endsWith("@example.org")));
    const appeal = received.find((m) => m.to[0]?.endsWith("@example.org"))!;
    expect(appeal.envelope.mailFrom).toMatch(/^bounce\+[0-9a-f-]{36}-[0-9a-f]{20}@bounces\.vigil\.example\.org$/);
    const named = checkBounceAddress(appeal.envelope.mailFrom);
    expect(named.ok).toBe(true);
    // the From: header is unchanged: the organisation's address, not the bounce address
    expect(appeal.fromAddress).toBe("appeals@vigil.example.org");
    expect(appeal.messageId).toMatch(/^<[0-9a-f-]{36}@vigil\.example\.org>$/);
    expect(appeal.messageId).toBe(`<${named.ok ? named.outboxId : ""}@vigil.example.org>`);
    const names = Object.keys(appeal.headers);
    for (const bulk of ["list-unsubscribe", "list-unsubscribe-post", "precedence", "list-id", "auto-submitted", "dkim-signature"]) expect(names).not.toContain(bulk);
  });

  it("refuses a bounce address that was not made here: another row's signature, a shortened one, another domain", async () => {
    const { bounceAddress } = await import("./verp");
    const a = bounceAddress("11111111-1111-4111-8111-111111111111");
    const b = bounceAddress("22222222-2222-4222-8222-222222222222");
    expect(checkBounceAddress(a)).toEqual({ ok: true, outboxId: "11111111-1111-4111-8111-111111111111" });
    expect(checkBounceAddress(a.toUpperCase())).toEqual({ ok: true, outboxId: "11111111-1111-4111-8111-111111111111" });
    const forged = `${a.split("-").slice(0, 5).join("-")}-${b.split("@")[0]!.split("-").at(-1)}@bounces.vigil.example.org`;
    expect(checkBounceAddress(forged)).toEqual({ ok: false, reason: "bad signature" });
    expect(checkBounceAddress(a.replace(/[0-9a-f]@/, "@"))).toEqual({ ok: false, reason: "bad signature" });
    expect(checkBounceAddress(a.replace("bounces.vigil.example.org", "example.net"))).toMatchObject({ ok: false, reason: expect.stringContaining("not the bounce domain") });
    expect(checkBounceAddress("postmaster@bounces.vigil.example.org")).toEqual({ ok: false, reason: "not a bounce address" });
  });
});
