// One person, one count (issue 8 item 8): the canonical address and the temporary-mail refusal as rules, then
// through the sign form's parser and command against a real SQLite file.
import * as orm from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as schema from "@/db/schema";
import { createTestCase } from "@/tests/support/factories";
import { setEnv, useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { getSignatureCount } from "../cases/queries";
import { canonicalEmail, DISPOSABLE_EMAIL_MESSAGE, isDisposableAddress } from "./canonical-email";
import { confirmSignature } from "./confirm-signature";
import { parseSignForm } from "./schemas";
import { submitSignature } from "./submit-signature";

const APP_URL = "https://appeals.example.org";
let database: TestDatabase;

beforeAll(async () => {
  database = await useTestDatabase({ APP_URL });
});
afterAll(() => database?.close());

describe("canonicalEmail", () => {
  it.each([
    ["Gmail's dots, +tag and googlemail.com", "f.o.o+x@googlemail.com", "foo@gmail.com"],
    ["Gmail in capitals", "F.OO@GMAIL.COM", "foo@gmail.com"],
    ["an Outlook.com +tag (dots kept: Outlook does not ignore them)", "First.Last+news@outlook.com", "first.last@outlook.com"],
    ["a Hotmail +tag", "sam+x@hotmail.co.uk", "sam@hotmail.co.uk"],
    ["a Yahoo -keyword", "amira-petitions@yahoo.com", "amira@yahoo.com"],
    ["an iCloud +tag", "li+vigil@icloud.com", "li@icloud.com"],
    ["a Yandex domain", "Ivan@yandex.com", "ivan@yandex.ru"],
    ["another domain: only lower-cased, dots and tags kept", "First.Last+tag@Example.ORG", "first.last+tag@example.org"],
    ["an international domain, as punycode", "x@Mu\u0308ller.example", "x@xn--mller-kva.example"],
    ["a +tag with nothing before it", "+x@gmail.com", "+x@gmail.com"],
  ])("%s", (_, address, canonical) => {
    expect(canonicalEmail(address)).toBe(canonical);
  });
});

describe("isDisposableAddress", () => {
  it("finds temporary-mail domains on mailchecker's list, and subdomains of them", () => {
    expect(isDisposableAddress("someone@mailinator.com")).toBe(true);
    expect(isDisposableAddress("someone@MAILINATOR.COM")).toBe(true);
    expect(isDisposableAddress("someone@inbox.mailinator.com")).toBe(true);
  });

  it("passes ordinary and international addresses, which MailChecker.isValid alone would refuse", () => {
    const addresses = ["amira@example.org", "foo@gmail.com", "ali@مثال.مصر", "x@例子.中国", "李@例子.中国", "x@müller.example"];
    expect(addresses.filter(isDisposableAddress)).toEqual([]);
  });
});

let n = 0;
const client = () => `198.51.100.${++n % 250}-${crypto.randomUUID()}`;
/** a fresh local-part suffix, so each test's mailboxes are its own */
const uid = () => crypto.randomUUID().slice(0, 8);

function sign({ slug, email, country = "GB" }: { slug: string; email: string; country?: string }) {
  const parsed = parseSignForm([["fullName", "Amira Haddad"], ["email", email], ["country", country], ["message", ""]]);
  if (!parsed.ok) throw new Error(`the test's form was refused: ${JSON.stringify(parsed.errors)}`);
  return submitSignature({ slug, input: parsed.data, clientAddress: client() });
}

const { outbox, rateLimits, signatures, signatureOffers } = schema;
const signaturesOf = (caseId: string) => getDb().select().from(signatures).where(orm.eq(signatures.caseId, caseId)).all();
const outboxTo = (address: string) => getDb().select().from(outbox).where(orm.eq(outbox.toAddress, address)).all();
const rowCount = (table: typeof outbox | typeof rateLimits | typeof signatures | typeof signatureOffers) =>
  getDb().select({ n: orm.sql<number>`count(*)` }).from(table).get()?.n ?? 0;

function tokenFor(address: string): string {
  const mail = outboxTo(address).filter((m) => m.kind === "confirmation").at(-1);
  const token = new RegExp(`${APP_URL}/en/confirm/([A-Za-z0-9_-]+)`).exec(mail?.textBody ?? "")?.[1];
  if (!token) throw new Error(`no confirmation queued for ${address}`);
  return token;
}

describe("signing: one person, one count", () => {
  it("counts f.o.o+x@googlemail.com and foo@gmail.com as one signature for a case", () => {
    const theCase = createTestCase({ targets: 1 });
    const id = uid();
    const local = `f.o.o${id}`;
    const plain = `foo${id}@gmail.com`;
    expect(sign({ slug: theCase.slug, email: `${local}+x@googlemail.com` })).toEqual({ ok: true });
    expect(signaturesOf(theCase.id)).toHaveLength(1);
    expect(signaturesOf(theCase.id)[0]).toMatchObject({ email: `${local}+x@googlemail.com`, emailNormalized: plain });
    expect(confirmSignature({ token: tokenFor(`${local}+x@googlemail.com`) }).state).toBe("confirmed");

    // the other spelling of the same mailbox: the "already signed" note, no second signature
    expect(sign({ slug: theCase.slug, email: plain })).toEqual({ ok: true });
    expect(signaturesOf(theCase.id)).toHaveLength(1);
    expect(outboxTo(plain).map((m) => m.kind)).toEqual(["already_signed"]);
    expect(getSignatureCount({ caseId: theCase.id })).toBe(1);
  });

  it("makes a second spelling of a pending signature an offer under its own link, never a second signature", () => {
    const theCase = createTestCase({ targets: 1 });
    const id = uid();
    sign({ slug: theCase.slug, email: `amira.h${id}@gmail.com` });
    sign({ slug: theCase.slug, email: `AmiraH${id}+petitions@googlemail.com` });
    const rows = signaturesOf(theCase.id);
    expect(rows).toHaveLength(1);
    const offers = getDb().select().from(signatureOffers).where(orm.eq(signatureOffers.signatureId, rows[0]!.id)).all();
    expect(offers).toHaveLength(1);
    expect(confirmSignature({ token: tokenFor(`AmiraH${id}+petitions@googlemail.com`) }).state).toBe("confirmed");
    expect(getSignatureCount({ caseId: theCase.id })).toBe(1);
  });

  it("keys the per-address limits by the canonical address: new spellings do not buy more mail", () => {
    const restore = setEnv({ APP_URL, RATE_LIMIT_PER_EMAIL: "2" });
    try {
      const theCase = createTestCase({ targets: 1 });
      const id = uid();
      const spellings = [`sam${id}@gmail.com`, `s.am${id}@gmail.com`, `sam${id}+1@googlemail.com`, `S.A.M${id}+2@gmail.com`];
      for (const email of spellings) expect(sign({ slug: theCase.slug, email })).toEqual({ ok: true });
      const mailed = spellings.map((e) => outboxTo(e).length);
      // two within the limit (the signature and one offer), then silence whatever the spelling
      expect(mailed).toEqual([1, 1, 0, 0]);
      // and across cases: the overall limit (4 × 2) counts the mailbox, not the spelling
      const more = Array.from({ length: 4 }, () => createTestCase({ targets: 1 }));
      const across = more.flatMap((c, i) => [sign({ slug: c.slug, email: `sa.m${id}+c${i}@gmail.com` }), sign({ slug: c.slug, email: `sam${id}+d${i}@googlemail.com` })]);
      expect(across.every((r) => r.ok)).toBe(true);
      const acrossMailed = more.map((_, i) => outboxTo(`sa.m${id}+c${i}@gmail.com`).length + outboxTo(`sam${id}+d${i}@googlemail.com`).length);
      // 8 hits allowed in all: the first case's four spellings used four, so four of these eight are mailed
      expect(acrossMailed).toEqual([2, 2, 0, 0]);
    } finally {
      restore();
    }
  });

  it("refuses a temporary-mail address with the message, and writes nothing", () => {
    const theCase = createTestCase({ targets: 1 });
    const before = [rowCount(signatures), rowCount(signatureOffers), rowCount(outbox), rowCount(rateLimits)];
    const result = sign({ slug: theCase.slug, email: `someone${uid()}@mailinator.com` });
    expect(result).toEqual({ ok: false, code: "disposable_email", field: "email", message: DISPOSABLE_EMAIL_MESSAGE });
    expect(DISPOSABLE_EMAIL_MESSAGE).toBe(
      "We can't accept addresses from temporary-mail services, because each appeal must come from a person we can reach.",
    );
    expect([rowCount(signatures), rowCount(signatureOffers), rowCount(outbox), rowCount(rateLimits)]).toEqual(before);
  });

  it("accepts addresses at international domains", () => {
    const theCase = createTestCase({ targets: 1 });
    const id = uid();
    const emails = [`ali${id}@مثال.مصر`, `li${id}@例子.中国`, `x${id}@bücher.example`];
    expect(emails.map((email) => sign({ slug: theCase.slug, email }))).toEqual(emails.map(() => ({ ok: true })));
    expect(signaturesOf(theCase.id).map((s) => s.emailNormalized).sort()).toEqual(
      [`ali${id}@xn--mgbh0fb.xn--wgbh1c`, `li${id}@xn--fsqu00a.xn--fiqs8s`, `x${id}@xn--bcher-kva.example`].sort(),
    );
  });
});
