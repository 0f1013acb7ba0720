// The supporter's own channels against a real SQLite file: who may see their letters (the thank-you token), what
// the mail links carry, the "I sent it" record (once per supporter, official and channel, even from racing
// processes), and the printable PDF read back with poppler.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { selfReports } from "@/db/schema";
import { createTestCase } from "@/tests/support/factories";
import { raceInProcesses } from "@/tests/support/race";
import { insertFixtureMissions } from "@/tests/support/missions";
import { createPendingSignature } from "@/tests/support/supporter-factories";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { caseContentVersion } from "../cases/content-version";
import { MAILTO_MAX_LENGTH } from "../letters/mailto";
import { confirmSignature } from "../signatures/confirm-signature";
import { getSupporterLetters, listSelfReports, supporterMails } from "./queries";
import { recordSelfReport } from "./record-self-report";
import { renderOwnLettersPdf } from "./render-own-letters-pdf";
import { isValidThanksToken, thanksPath, thanksToken } from "./thanks-token";

let database: TestDatabase;

beforeAll(async () => {
  database = await useTestDatabase({ APP_URL: "https://appeals.example.org" });
  insertFixtureMissions();
});

/** A supporter who signed and confirmed through the real confirmation, which writes their appeals. */
function createConfirmedSupporter({ caseId, country = "NO", message = null }: { caseId: string; country?: string; message?: string | null }) {
  const pending = createPendingSignature({ caseId, country, message });
  // the factory stores no letters (as if signed before letters were stored): confirmed as the page offers it,
  // accepting the letter as it reads now
  const acceptedVersion = caseContentVersion({ db: getDb(), caseId }) ?? undefined;
  expect(confirmSignature({ token: pending.token, acceptedVersion }).state).toBe("confirmed");
  return pending;
}

afterAll(async () => {
  await database?.close();
});

/** A case with a primary official by email, a primary by post only, and a copy target by email. */
function setUp() {
  const theCase = createTestCase({
    targets: [{ title: "President" }, { title: "Prison Director", email: null }, { title: "Ambassador", role: "copy" }],
  });
  const supporter = createConfirmedSupporter({ caseId: theCase.id });
  const token = thanksToken({ signatureId: supporter.signatureId });
  const [president, director, ambassador] = theCase.targets as [(typeof theCase.targets)[0], (typeof theCase.targets)[0], (typeof theCase.targets)[0]];
  return { theCase, supporter, token, president, director, ambassador, caseSlug: theCase.slug, signatureId: supporter.signatureId };
}

const rowsOf = (signatureId: string) => getDb().select().from(selfReports).where(eq(selfReports.signatureId, signatureId)).all();

describe("the thank-you token", () => {
  it("opens the supporter's own letters, and nothing for a wrong token, another case or a pending signature", () => {
    const { theCase, supporter, token, caseSlug, signatureId } = setUp();
    const found = getSupporterLetters({ caseSlug, signatureId, token });
    expect(found?.letters.map((l) => l.official)).toEqual(theCase.targets.map((t) => `${t.name}, ${t.title}`));
    expect(found?.letters[0]?.body).toContain("I am writing to urge you to release Li Qiaochu");

    const other = createConfirmedSupporter({ caseId: theCase.id });
    const otherCase = createTestCase();
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const attempt of [
      { caseSlug, signatureId, token: tampered },
      { caseSlug, signatureId, token: "" },
      { caseSlug, signatureId, token: thanksToken({ signatureId: other.signatureId }) },
      { caseSlug, signatureId: other.signatureId, token },
      { caseSlug: otherCase.slug, signatureId, token },
    ]) {
      expect(getSupporterLetters(attempt)).toBeUndefined();
    }
    const pending = createPendingSignature({ caseId: theCase.id });
    expect(getSupporterLetters({ caseSlug, signatureId: pending.signatureId, token: thanksToken({ signatureId: pending.signatureId }) })).toBeUndefined();
    expect(isValidThanksToken({ signatureId, token })).toBe(true);
    expect(isValidThanksToken({ signatureId: supporter.signatureId, token: "x".repeat(43) })).toBe(false);
  });

  it("is not the unsubscribe token: one link never stands in for the other", async () => {
    const { unsubscribeToken } = await import("../updates/unsubscribe-token");
    const { signatureId } = setUp();
    expect(thanksToken({ signatureId })).not.toBe(unsubscribeToken({ signatureId }));
    expect(thanksPath({ caseSlug: "a-case", signatureId })).toBe(`/en/cases/a-case/thanks?s=${signatureId}&k=${thanksToken({ signatureId })}`);
    expect(thanksPath({ caseSlug: "a-case", signatureId, locale: "ar" })).toMatch(/^\/ar\/cases\/a-case\/thanks\?/);
  });
});

describe("the supporter's own emails", () => {
  it("go to each primary official with an email, copy targets in Cc, the letter as body with CRLF", () => {
    const { caseSlug, signatureId, token, president, ambassador } = setUp();
    const mails = supporterMails(getSupporterLetters({ caseSlug, signatureId, token })!);
    expect(mails.map((m) => m.targetId)).toEqual([president.id]);
    const [mail] = mails;
    expect(mail?.to).toBe(president.email);
    expect(mail?.cc).toEqual([ambassador.email]);
    if (!mail?.links?.fits) throw new Error("expected a link");
    const url = new URL(mail.links.mailto);
    expect(decodeURIComponent(url.pathname)).toBe(president.email);
    expect(url.searchParams.get("cc")).toBe(ambassador.email);
    const letter = getSupporterLetters({ caseSlug, signatureId, token })!.letters[0]!;
    expect(url.searchParams.get("body")).toBe(letter.body.replaceAll("\n", "\r\n"));
    expect(url.searchParams.get("body")).toMatch(/^Dear Minister,\r\n\r\nI am writing to urge you[^\n]*\r\n\r\nYours sincerely,\r\nAmira Haddad\r\nNorway\r\n/);
    expect(url.searchParams.get("subject")).toMatch(/^Release Li Qiaochu/);
    expect(mail.links.gmail).toMatch(/^https:\/\/mail\.google\.com\/mail\/\?view=cm/);
    expect(mail.links.outlook).toMatch(/^https:\/\/outlook\.office\.com\/mail\/deeplink\/compose\?/);
  });

  it("offer the letter to copy, not a link that would break, above 2,000 characters", () => {
    const body = "为刘晓波写信。".repeat(60);
    // a subject of one merge field that is empty for this official (no office on record) comes out blank
    const theCase = createTestCase({ targets: 1, template: { subject: "{{target.office}}", body } });
    const supporter = createConfirmedSupporter({ caseId: theCase.id });
    const found = getSupporterLetters({ caseSlug: theCase.slug, signatureId: supporter.signatureId, token: thanksToken({ signatureId: supporter.signatureId }) })!;
    const [mail] = supporterMails(found);
    expect(mail?.links?.fits).toBe(false);
    expect(mail?.links?.length).toBeGreaterThan(MAILTO_MAX_LENGTH);
    if (mail?.links?.fits !== false) throw new Error("expected the copy fallback");
    expect(mail.links.body).toBe(body);
    // a blank subject never goes out empty
    expect(mail.links.subject).toBe(`${theCase.personName} (${theCase.reference})`);
  });
});

describe("a routed copy to the embassy in the supporter's country", () => {
  it("is never in the supporter's own email (that would give their address to the mission), only on paper", () => {
    const theCase = createTestCase({ targets: [{ title: "President" }, { title: "Embassy", role: "copy", routing: "mission", email: null }] });
    const [president, embassy] = theCase.targets;
    const cambodia = createConfirmedSupporter({ caseId: theCase.id, country: "KH" });
    const inCambodia = getSupporterLetters({ caseSlug: theCase.slug, signatureId: cambodia.signatureId, token: thanksToken({ signatureId: cambodia.signatureId }) })!;
    const [mail, ...more] = supporterMails(inCambodia);
    expect(more).toHaveLength(0);
    expect(mail?.to).toBe(president!.email);
    // Vigil emails the mission in Phnom Penh from the organisation's address; the supporter's own mail leaves it out
    expect(inCambodia.letters.find((l) => l.targetId === embassy!.id)?.channel).toBe("email");
    expect(mail?.cc).toEqual([]);

    const norway = createConfirmedSupporter({ caseId: theCase.id, country: "NO" });
    const inNorway = getSupporterLetters({ caseSlug: theCase.slug, signatureId: norway.signatureId, token: thanksToken({ signatureId: norway.signatureId }) })!;
    expect(supporterMails(inNorway).map((m) => m.cc)).toEqual([[]]);
    const copy = inNorway.letters.find((l) => l.targetId === embassy!.id);
    expect(copy?.channel).toBe("post");
    expect(copy?.recipientLines.join("\n")).toMatch(/Oslo/);
  });
});

describe("I sent it / I posted it", () => {
  it("records once per supporter, official and channel, an email also for its Cc targets", () => {
    const { caseSlug, signatureId, token, president, director, ambassador } = setUp();
    expect(recordSelfReport({ caseSlug, signatureId, token, targetId: president.id, channel: "email" })).toEqual({ state: "recorded", targetIds: [president.id, ambassador.id] });
    expect(recordSelfReport({ caseSlug, signatureId, token, targetId: president.id, channel: "email" }).state).toBe("recorded");
    recordSelfReport({ caseSlug, signatureId, token, targetId: director.id, channel: "post" });
    recordSelfReport({ caseSlug, signatureId, token, targetId: director.id, channel: "post" });
    const rows = rowsOf(signatureId);
    expect(rows.map((r) => `${r.channel}:${r.targetId}`).sort()).toEqual([`email:${president.id}`, `email:${ambassador.id}`, `post:${director.id}`].sort());
    expect(listSelfReports({ signatureId }).has(`post:${director.id}`)).toBe(true);
  });

  it("refuses a wrong token, an official who is not theirs, and an email to an official without one", () => {
    const { caseSlug, signatureId, token, director } = setUp();
    const elsewhere = createTestCase({ targets: 1 });
    expect(recordSelfReport({ caseSlug, signatureId, token: token.replace(/.$/, (c) => (c === "A" ? "B" : "A")), targetId: director.id, channel: "post" }).state).toBe("invalid");
    expect(recordSelfReport({ caseSlug, signatureId, token, targetId: elsewhere.targets[0]!.id, channel: "post" }).state).toBe("invalid");
    expect(recordSelfReport({ caseSlug, signatureId, token, targetId: director.id, channel: "email" }).state).toBe("invalid");
    expect(rowsOf(signatureId)).toHaveLength(0);
  });

  it("stays one row when separate processes record the same report at the same instant", async () => {
    const { caseSlug, signatureId, token, director } = setUp();
    const results = await raceInProcesses(Array.from({ length: 4 }, () => ["self-report", caseSlug, signatureId, token, director.id, "post"]));
    expect(results).toEqual(["recorded", "recorded", "recorded", "recorded"]);
    expect(rowsOf(signatureId)).toHaveLength(1);
  });
});

describe("print and post it yourself", () => {
  it("renders the supporter's letters, one official's alone on request, with the address for the envelope", async () => {
    const { caseSlug, signatureId, token, director, theCase } = setUp();
    const all = await renderOwnLettersPdf({ caseSlug, signatureId, token });
    expect(all?.failures).toEqual([]);
    expect(all?.rendered).toHaveLength(theCase.targets.length);
    const one = await renderOwnLettersPdf({ caseSlug, signatureId, token, targetId: director.id });
    expect(one?.rendered).toHaveLength(1);
    const file = path.join(database.dir, "own.pdf");
    fs.writeFileSync(file, one!.pdf);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("Prison Director");
    expect(text).toContain("Office 2, Capital City");
    expect(text).toContain("I am writing to urge you to release Li Qiaochu");
    expect(text).toContain("Amira Haddad");
    // nothing of the supporter shows through the envelope's window (DIN 5008 B: 20 mm in, 45 mm down, 85 × 45 mm)
    const mm = 72 / 25.4;
    const window = ["-x", `${Math.round(20 * mm)}`, "-y", `${Math.round(45 * mm)}`, "-W", `${Math.round(85 * mm)}`, "-H", `${Math.round(45 * mm)}`];
    const throughWindow = execFileSync("pdftotext", ["-f", "1", "-l", "1", ...window, file, "-"], { encoding: "utf8" });
    expect(throughWindow).toContain("Prison Director");
    expect(throughWindow).not.toContain("Amira");
    expect(await renderOwnLettersPdf({ caseSlug, signatureId, token: thanksToken({ signatureId: "someone-else" }) })).toBeUndefined();
  });
});
