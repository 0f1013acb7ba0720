// Issue 8 item 1, the supporter's side: the letter a supporter previewed is the one that goes. Rendered and stored
// when they sign; confirming sends exactly that while the case is unchanged, and nothing (but the new letter to
// read) when an approved change came in between. Real SQLite file, the outbox, a real SMTP server.
import crypto from "node:crypto";
import * as orm from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as schema from "@/db/schema";
import { createTestCase } from "@/tests/support/factories";
import { startSmtpCapture, type SmtpCapture } from "@/tests/support/smtp-capture";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { caseContentVersion } from "../cases/content-version";
import { getSignatureCount } from "../cases/queries";
import { deliverDue } from "../outbox/deliver-outbox";
import { confirmSignature, getConfirmationByToken } from "./confirm-signature";
import { parseSignForm } from "./schemas";
import { readSignedLetters } from "./signed-letters";
import { submitSignature } from "./submit-signature";

const APP_URL = "https://appeals.example.org";
const { appeals, letterTemplates, outbox, signatureOffers, signatures, targets } = schema;

let capture: SmtpCapture;
let database: TestDatabase;

beforeAll(async () => {
  capture = await startSmtpCapture();
  database = await useTestDatabase({ SMTP_URL: capture.url, APP_URL, MAIL_FROM: "appeals@vigil.example.org", MAIL_FROM_NAME: "Vigil" });
});

afterAll(async () => {
  await database?.close();
  await capture?.close();
});

const uniqueEmail = () => `signed-${crypto.randomUUID().slice(0, 12)}@supporters.example.net`;
const DAY = 86_400_000;

/** Signs as the form would and returns the token from the confirmation queued for `email`. */
function sign({ slug, email, fullName = "Amira Haddad", now = new Date(), caseVersion }: { slug: string; email: string; fullName?: string; now?: Date; caseVersion?: string }): string {
  const fields: [string, string][] = [["fullName", fullName], ["email", email], ["country", "GB"], ["message", "Free her now."]];
  if (caseVersion) fields.push(["caseVersion", caseVersion]);
  const parsed = parseSignForm(fields);
  if (!parsed.ok) throw new Error("the test's form was refused");
  const input = { slug, input: parsed.data, clientAddress: `203.0.113.${crypto.randomUUID()}`, seenVersion: parsed.seenVersion, now };
  expect(submitSignature(input)).toEqual({ ok: true });
  const mails = getDb().select().from(outbox).where(orm.and(orm.eq(outbox.toAddress, email), orm.eq(outbox.kind, "confirmation"))).orderBy(orm.asc(outbox.createdAt)).all();
  const token = new RegExp(`${APP_URL}/en/confirm/([A-Za-z0-9_-]+)`).exec(mails.at(-1)?.textBody ?? "")?.[1];
  if (!token) throw new Error("no confirmation queued");
  return token;
}

const appealsOf = (caseId: string) => getDb().select().from(appeals).where(orm.eq(appeals.caseId, caseId)).all();
const signatureOf = (caseId: string) => getDb().select().from(signatures).where(orm.eq(signatures.caseId, caseId)).get()!;
const appealMailsTo = (address: string) => getDb().select().from(outbox).where(orm.and(orm.eq(outbox.toAddress, address), orm.eq(outbox.kind, "appeal"))).all();

/** An admin approved a change to the letter: the template row as a revision would leave it. */
function changeLetter(caseId: string, body: string) {
  getDb().update(letterTemplates).set({ body, updatedAt: new Date() }).where(orm.eq(letterTemplates.caseId, caseId)).run();
}

async function deliverAll() {
  for (let pass = 0; pass < 20; pass++) {
    const tally = await deliverDue();
    if (tally.sent + tally.retry + tally.failed + tally["lost-lease"] === 0) return;
  }
  throw new Error("the outbox did not drain");
}

describe("the letter a supporter signed", () => {
  it("is stored at signing with the case's version, shown on the confirmation page, and cleared once the appeals carry it", () => {
    const testCase = createTestCase({ targets: 2 });
    const token = sign({ slug: testCase.slug, email: uniqueEmail() });
    const row = signatureOf(testCase.id);
    expect(row.contentVersion).toBe(caseContentVersion({ db: getDb(), caseId: testCase.id }));
    const stored = readSignedLetters(row.letters);
    expect(stored?.letters.map((l) => l.targetId)).toEqual(testCase.targets.map((t) => t.id));
    expect(stored?.letters[0]).toMatchObject({ recipient: "Official 1, Minister 1", subject: `Release Li Qiaochu (${testCase.reference})` });
    expect(stored?.letters[0]?.body).toContain("Free her now.");

    const shown = getConfirmationByToken({ token });
    expect(shown.state).toBe("ready");
    expect(shown.letter?.letters.map((l) => l.body)).toEqual(stored?.letters.map((l) => l.body));

    expect(confirmSignature({ token })).toMatchObject({ state: "confirmed", appealsQueued: 2 });
    const confirmed = signatureOf(testCase.id);
    expect(confirmed.letters).toBeNull();
    expect(confirmed.contentVersion).toBe(row.contentVersion);
  });

  it("is rendered from the case as it is at each signing: the next signature after an approved change carries it", () => {
    // decision 028: the sign POST's queries are prepared once per connection; nothing read is kept between two
    const testCase = createTestCase({ targets: 1 });
    const firstEmail = uniqueEmail();
    sign({ slug: testCase.slug, email: firstEmail });
    const before = signatureOf(testCase.id);
    expect(readSignedLetters(before.letters)?.letters[0]?.recipient).toBe("Official 1, Minister 1");

    // an admin approved a new letter and a new official in that post (the rows as approveRevision leaves them)
    changeLetter(testCase.id, "Dear {{target.salutation}},\n\nThe new words. {{supporter.message}}\n\n{{supporter.name}}");
    getDb().update(targets).set({ name: "Official Renamed", email: "renamed@gov.example.org" }).where(orm.eq(targets.id, testCase.targets[0]!.id)).run();

    const email = uniqueEmail();
    sign({ slug: testCase.slug, email });
    const after = getDb().select().from(signatures).where(orm.eq(signatures.email, email)).get()!;
    expect(after.contentVersion).toBe(caseContentVersion({ db: getDb(), caseId: testCase.id }));
    expect(after.contentVersion).not.toBe(before.contentVersion);
    const letter = readSignedLetters(after.letters)?.letters[0];
    expect(letter?.recipient).toBe("Official Renamed, Minister 1");
    expect(letter?.body).toContain("The new words.");
    // and the confirmation email names the official as they are now
    const mail = getDb().select().from(outbox).where(orm.and(orm.eq(outbox.toAddress, email), orm.eq(outbox.kind, "confirmation"))).get()!;
    expect(mail.textBody).toContain("Official Renamed");
    const firstMail = getDb().select().from(outbox).where(orm.and(orm.eq(outbox.toAddress, firstEmail), orm.eq(outbox.kind, "confirmation"))).get()!;
    expect(firstMail.textBody).not.toContain("Official Renamed");
  });

  it("sends byte for byte what was stored at signing, dated the day they signed, even when confirmed the next day", async () => {
    const testCase = createTestCase({ targets: 1 });
    const official = testCase.targets[0]!.email!;
    const day1 = new Date(Date.now() - DAY);
    const token = sign({ slug: testCase.slug, email: uniqueEmail(), now: day1 });
    const stored = readSignedLetters(signatureOf(testCase.id).letters)!;
    const day1Text = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" }).format(day1);
    expect(stored.letters[0]?.body.endsWith(day1Text)).toBe(true);

    expect(confirmSignature({ token, now: new Date() })).toMatchObject({ state: "confirmed", appealsQueued: 1 });
    const [appeal] = appealsOf(testCase.id);
    expect(appeal?.subject).toBe(stored.letters[0]?.subject);
    expect(appeal?.body).toBe(stored.letters[0]?.body);
    // the paper copy is dated as the letter is
    expect(signatureOf(testCase.id).letterDate).toBe(day1.toISOString().slice(0, 10));
    const [queued] = appealMailsTo(official);
    expect(queued?.textBody).toBe(stored.letters[0]?.body);

    await deliverAll();
    const received = capture.messages.filter((m) => m.envelope.rcptTo.includes(official));
    expect(received).toHaveLength(1);
    expect(received[0]?.text.trimEnd()).toBe(stored.letters[0]?.body);
  });

  it("sends nothing when the case changed after signing, shows the letter as it reads now, and sends that once confirmed", async () => {
    const testCase = createTestCase({ targets: 2 });
    const email = uniqueEmail();
    const token = sign({ slug: testCase.slug, email });
    changeLetter(testCase.id, "{{target.salutation}},\n\nThe approved new wording for {{case.personName}}.\n\n{{supporter.name}}");

    const changed = getConfirmationByToken({ token });
    expect(changed.state).toBe("changed");
    expect(changed.changed).toEqual({ version: caseContentVersion({ db: getDb(), caseId: testCase.id }), reason: "changed" });
    expect(changed.letter?.letters.map((l) => l.body)).toEqual([
      "Dear Minister,\n\nThe approved new wording for Li Qiaochu.\n\nAmira Haddad",
      "Dear Minister,\n\nThe approved new wording for Li Qiaochu.\n\nAmira Haddad",
    ]);

    // the old link, confirmed as before: nothing queued, nothing counted
    expect(confirmSignature({ token }).state).toBe("changed");
    // a version the supporter was never shown is not accepted either
    expect(confirmSignature({ token, acceptedVersion: signatureOf(testCase.id).contentVersion! }).state).toBe("changed");
    expect(appealsOf(testCase.id)).toHaveLength(0);
    for (const t of testCase.targets) expect(appealMailsTo(t.email!)).toHaveLength(0);
    expect(getSignatureCount({ caseId: testCase.id })).toBe(0);
    expect(signatureOf(testCase.id).status).toBe("pending");

    expect(confirmSignature({ token, acceptedVersion: changed.changed!.version })).toMatchObject({ state: "confirmed", appealsQueued: 2 });
    expect(appealsOf(testCase.id).map((a) => a.body)).toEqual(changed.letter!.letters.map((l) => l.body));
    expect(signatureOf(testCase.id)).toMatchObject({ status: "confirmed", contentVersion: changed.changed!.version, letters: null });
    expect(getSignatureCount({ caseId: testCase.id })).toBe(1);
    await deliverAll();
    for (const t of testCase.targets) {
      const received = capture.messages.filter((m) => m.envelope.rcptTo.includes(t.email!));
      expect(received.map((m) => m.text.trimEnd())).toEqual(["Dear Minister,\n\nThe approved new wording for Li Qiaochu.\n\nAmira Haddad"]);
    }

    // the link used again: already confirmed, nothing more sent
    expect(getConfirmationByToken({ token }).state).toBe("confirmed");
    expect(confirmSignature({ token, acceptedVersion: changed.changed!.version }).state).toBe("confirmed");
    expect(appealsOf(testCase.id)).toHaveLength(2);
  });

  it("refuses the version the page showed when the case changed again before the button was pressed", () => {
    const testCase = createTestCase({ targets: 1 });
    const token = sign({ slug: testCase.slug, email: uniqueEmail() });
    changeLetter(testCase.id, "{{target.salutation}},\n\nSecond wording.\n\n{{supporter.name}}");
    const shown = getConfirmationByToken({ token });
    // an official's address changed too, after the page was shown
    getDb().update(targets).set({ email: "elsewhere@example.org" }).where(orm.eq(targets.caseId, testCase.id)).run();
    const again = confirmSignature({ token, acceptedVersion: shown.changed!.version });
    expect(again.state).toBe("changed");
    expect(again.changed?.version).not.toBe(shown.changed?.version);
    expect(appealsOf(testCase.id)).toHaveLength(0);
    expect(appealMailsTo("elsewhere@example.org")).toHaveLength(0);
  });

  it("does the same for an offer (a second sign-up for a pending address), whose letters are its own", () => {
    const testCase = createTestCase({ targets: 1 });
    const email = uniqueEmail();
    sign({ slug: testCase.slug, email });
    const offerToken = sign({ slug: testCase.slug, email, fullName: "Amira H." });
    const offer = getDb().select().from(signatureOffers).where(orm.eq(signatureOffers.signatureId, signatureOf(testCase.id).id)).get()!;
    expect(readSignedLetters(offer.letters)?.letters[0]?.body).toContain("\nAmira H.\n");

    changeLetter(testCase.id, "{{target.salutation}},\n\nNew wording.\n\n{{supporter.name}}");
    const shown = getConfirmationByToken({ token: offerToken });
    expect(shown.state).toBe("changed");
    expect(confirmSignature({ token: offerToken }).state).toBe("changed");
    // refusing left the pending signature as it was: the offer has not taken its place
    expect(signatureOf(testCase.id)).toMatchObject({ status: "pending", fullName: "Amira Haddad" });
    expect(confirmSignature({ token: offerToken, acceptedVersion: shown.changed!.version })).toMatchObject({ state: "confirmed", appealsQueued: 1 });
    expect(appealsOf(testCase.id).map((a) => a.body)).toEqual(["Dear Minister,\n\nNew wording.\n\nAmira H."]);
  });

  it("stores no letter when the page the supporter previewed was older than the case: confirming shows the new one first", () => {
    const testCase = createTestCase({ targets: 1 });
    const seen = caseContentVersion({ db: getDb(), caseId: testCase.id })!;
    // the page the form came from was rendered from `seen`; the case changed while they typed
    changeLetter(testCase.id, "{{target.salutation}},\n\nWording approved while they typed.\n\n{{supporter.name}}");
    const token = sign({ slug: testCase.slug, email: uniqueEmail(), caseVersion: seen });
    expect(signatureOf(testCase.id)).toMatchObject({ contentVersion: seen, letters: null });
    const shown = getConfirmationByToken({ token });
    expect(shown).toMatchObject({ state: "changed", changed: { reason: "changed" } });
    expect(shown.letter?.letters.map((l) => l.body)).toEqual(["Dear Minister,\n\nWording approved while they typed.\n\nAmira Haddad"]);
    expect(confirmSignature({ token }).state).toBe("changed");
    expect(appealsOf(testCase.id)).toHaveLength(0);

    // the page's version, when it is the case's: stored and sent as signed
    const current = createTestCase({ targets: 1 });
    const ok = sign({ slug: current.slug, email: uniqueEmail(), caseVersion: caseContentVersion({ db: getDb(), caseId: current.id })! });
    expect(getConfirmationByToken({ token: ok }).state).toBe("ready");
    expect(confirmSignature({ token: ok })).toMatchObject({ state: "confirmed", appealsQueued: 1 });
  });

  it("is deleted with its signature (and an offer's with the offer)", () => {
    const testCase = createTestCase({ targets: 1 });
    const email = uniqueEmail();
    sign({ slug: testCase.slug, email });
    sign({ slug: testCase.slug, email, fullName: "Amira H." });
    // the model letter's own words are in a signed letter and nowhere else a supporter's row is kept
    const letterWords = /I am writing to urge you to release Li Qiaochu/g;
    const rows = () =>
      JSON.stringify([
        ...getDb().select().from(signatures).where(orm.eq(signatures.caseId, testCase.id)).all(),
        ...getDb().select().from(signatureOffers).where(orm.eq(signatureOffers.email, email)).all(),
      ]);
    expect(rows().match(letterWords)).toHaveLength(2);

    getDb().delete(signatures).where(orm.eq(signatures.caseId, testCase.id)).run();
    expect(rows().match(letterWords)).toBeNull();
  });
});
