// Letters vary (issue 9): the version a supporter's preview shows is the one stored at signing and the one sent,
// by email (through a real SMTP server) and by post (the appeal row the print run and the thank-you page's own
// channels read). Real SQLite file, the outbox, a real SMTP server.
import crypto from "node:crypto";
import * as orm from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as schema from "@/db/schema";
import { createTestCase } from "@/tests/support/factories";
import { startSmtpCapture, type SmtpCapture } from "@/tests/support/smtp-capture";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { getPublicCaseBySlug, pickTemplate } from "../cases/queries";
import { renderLetter } from "../letters/render";
import { letterVariantSeed } from "../letters/variants";
import { deliverDue } from "../outbox/deliver-outbox";
import { confirmSignature } from "./confirm-signature";
import { parseSignForm } from "./schemas";
import { readSignedLetters } from "./signed-letters";
import { submitSignature } from "./submit-signature";

const APP_URL = "https://appeals.example.org";
const { appeals, outbox, signatures } = schema;

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

const SUBJECT = "Release {{case.personName}}\nFree {{case.personName}} now\nJustice for {{case.personName}}\nDrop the charges against {{case.personName}}";
const BODY = `{{target.salutation}},

[[variants]]
I am writing to urge you to release {{case.personName}} immediately.
--- or ---
I ask you to free {{case.personName}} without delay.
--- or ---
{{case.personName}} must be released now.
[[/variants]]

[[variants]]
She has done nothing but speak peacefully.
--- or ---
Peaceful speech is not a crime.
[[/variants]]

{{supporter.message}}

Yours sincerely,
{{supporter.name}}`;

/** The letters as the sign form's live preview renders them for what was typed: the page's templates, the
 * address in the email field, the same renderer (components/sign-form.tsx). */
function previewAsTheFormShows(slug: string, email: string) {
  const found = getPublicCaseBySlug({ slug })!;
  return found.targets.map((t) => {
    const template = pickTemplate(found.templates, t.language, found.languages)!;
    return renderLetter({
      template,
      supporter: { fullName: "Amira Haddad", initialsOnly: false, country: "GB", message: "Free her now." },
      target: t,
      caseInfo: { personName: found.personName, reference: found.reference },
      date: new Date(),
      variantSeed: letterVariantSeed({ email, caseId: found.id, templateId: template.id }),
    });
  });
}

function sign(slug: string, email: string): string {
  const parsed = parseSignForm([["fullName", "Amira Haddad"], ["email", email], ["country", "GB"], ["message", "Free her now."]]);
  if (!parsed.ok) throw new Error("the test's form was refused");
  expect(submitSignature({ slug, input: parsed.data, clientAddress: `203.0.113.${crypto.randomUUID()}` })).toEqual({ ok: true });
  const mail = getDb().select().from(outbox).where(orm.and(orm.eq(outbox.toAddress, email.trim().toLowerCase()), orm.eq(outbox.kind, "confirmation"))).get();
  const token = new RegExp(`${APP_URL}/en/confirm/([A-Za-z0-9_-]+)`).exec(mail?.textBody ?? "")?.[1];
  if (!token) throw new Error("no confirmation queued");
  return token;
}

async function deliverAll() {
  for (let pass = 0; pass < 20; pass++) {
    const tally = await deliverDue();
    if (tally.sent + tally.retry + tally.failed + tally["lost-lease"] === 0) return;
  }
  throw new Error("the outbox did not drain");
}

describe("a letter with versions", () => {
  it("sends each supporter the version their preview showed: preview == stored == sent, by email and by post", async () => {
    const testCase = createTestCase({ targets: [{}, { email: null }], template: { subject: SUBJECT, body: BODY } });
    const official = testCase.targets[0]!.email!;
    const sent = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const email = `variant-${i}-${crypto.randomUUID().slice(0, 8)}@supporters.example.net`;
      const preview = previewAsTheFormShows(testCase.slug, email);
      const token = sign(testCase.slug, email);
      const signature = getDb().select().from(signatures).where(orm.eq(signatures.email, email)).get()!;
      const stored = readSignedLetters(signature.letters)!;
      expect(stored.letters.map(({ subject, body }) => ({ subject, body }))).toEqual(preview);

      expect(confirmSignature({ token }).state).toBe("confirmed");
      const rows = getDb().select().from(appeals).where(orm.eq(appeals.signatureId, signature.id)).all();
      const byTarget = (id: string) => rows.find((r) => r.targetId === id)!;
      // the post letter (print run, own channels) carries the same version as the preview
      expect(byTarget(testCase.targets[1]!.id)).toMatchObject({ channel: "post", subject: preview[1]!.subject, body: preview[1]!.body });

      const before = capture.messages.filter((m) => m.envelope.rcptTo.includes(official)).length;
      await deliverAll();
      const received = await capture.waitFor((ms) => ms.filter((m) => m.envelope.rcptTo.includes(official)).length === before + 1);
      const mine = received.filter((m) => m.envelope.rcptTo.includes(official)).at(-1)!;
      expect(mine.subject).toBe(preview[0]!.subject);
      expect(mine.text.trim()).toBe(preview[0]!.body);
      sent.add(`${mine.subject}\n${mine.text}`);
    }
    // six supporters, 24 combinations: the official did not get six identical letters
    expect(sent.size).toBeGreaterThan(1);
  });
});
