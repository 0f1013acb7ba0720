// Where each confirmed appeal goes, against a real SQLite file and a real SMTP server: email, fax through an
// email-to-fax gateway (a PDF parsed back with pdftotext), the print run, and the routed copy to the mission in
// the supporter's country.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as orm from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as schema from "@/db/schema";
import { createTestCase } from "@/tests/support/factories";
import { insertFixtureMissions } from "@/tests/support/missions";
import { raceInProcesses } from "@/tests/support/race";
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from "@/tests/support/smtp-capture";
import { signAndConfirm } from "@/tests/support/supporters";
import { getDeliveryCounts } from "../appeals/delivery-counts";
import { setEnv, useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { getMissingMissionCountries } from "../missions/queries";
import * as deliver from "../outbox/deliver-outbox";

const APP_URL = "https://appeals.example.org";
const GATEWAY = "{number}@fax.example.net";
// Ofcom's drama range (+44 20 7946 0000 to 0999): reserved for fiction, so no test can reach a real fax
const FAX_A = "+442079460101";
const FAX_B = "+442079460202";

let capture: SmtpCapture;
let database: TestDatabase;
let restoreGateway: (() => void) | undefined;

beforeAll(async () => {
  // every message takes 150 ms to be accepted, so two in flight at once would overlap visibly
  // the gateway refuses one number for good, as a fax service does for a number that is not a fax line
  capture = await startSmtpCapture({
    delayMs: 150,
    rejectWith: (rcpt) => (rcpt.startsWith("442079460909@") ? { code: 550, message: "5.1.1 not a fax line" } : null),
  });
  database = await useTestDatabase({ SMTP_URL: capture.url, APP_URL, FAX_GATEWAY: GATEWAY, FAX_GAP_SECONDS: "0", OUTBOX_CONCURRENCY: "4" });
  insertFixtureMissions();
});

beforeEach(() => {
  restoreGateway?.();
  restoreGateway = undefined;
});

afterAll(async () => {
  restoreGateway?.();
  await database?.close();
  await capture?.close();
});

function appealsOf(caseId: string) {
  const { appeals } = schema;
  return getDb().select().from(appeals).where(orm.eq(appeals.caseId, caseId)).all();
}

function outboxRow(id: string) {
  const { outbox } = schema;
  return getDb().select().from(outbox).where(orm.eq(outbox.id, id)).get()!;
}

/** Delivery passes until nothing is due now. */
async function deliverAll() {
  for (let pass = 0; pass < 50; pass++) {
    const tally = await deliver.deliverDue();
    if (tally.sent + tally.retry + tally.failed + tally["lost-lease"] === 0) return;
  }
  throw new Error("the outbox did not drain in 50 passes");
}

const mailTo = (address: string) => capture.messages.filter((m) => m.envelope.rcptTo.includes(address));

async function pdfText(mail: CapturedMail): Promise<{ text: string; attachments: { filename?: string; contentType: string }[] }> {
  const parsed = await simpleParser(mail.raw);
  const pdf = parsed.attachments.find((a) => a.contentType === "application/pdf");
  if (!pdf) return { text: "", attachments: parsed.attachments };
  const file = path.join(database.dir, `${crypto.randomUUID()}.pdf`);
  fs.writeFileSync(file, pdf.content);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  return { text, attachments: parsed.attachments };
}

/** A case with one official and a routed copy to China's mission in each supporter's country. */
const routedCase = () =>
  createTestCase({
    targets: [
      { title: "President" },
      { role: "copy", routing: "mission", missionOf: "CN", title: "The embassy of China in your country", name: null, email: null, salutation: "Your Excellency" },
    ],
  });

const flat = (text: string) => text.replace(/\s+/g, " ").trim();

describe("fax", () => {
  it("faxes a confirmed appeal to a fax-only official through the gateway, with the letter as a PDF", async () => {
    const testCase = createTestCase({ targets: [{ email: null, fax: FAX_A, name: "Xi Jinping", title: "President" }, {}] });
    expect(signAndConfirm({ slug: testCase.slug, fullName: "Amira Haddad", country: "NO" })).toMatchObject({ state: "confirmed", appealsQueued: 2 });

    const fax = appealsOf(testCase.id).find((a) => a.targetId === testCase.targets[0]!.id)!;
    expect(fax).toMatchObject({ channel: "fax", deliveryAddress: FAX_A, language: "en" });
    expect(fax.recipient.split("\n")).toEqual(["Xi Jinping, President", "Office 1, Capital City"]);
    expect(outboxRow(fax.outboxId!)).toMatchObject({ kind: "fax", status: "queued", toAddress: "442079460101@fax.example.net", lane: `fax:${FAX_A}` });

    await deliverAll();
    const [mail, ...more] = mailTo("442079460101@fax.example.net");
    expect(more).toHaveLength(0);
    expect(outboxRow(fax.outboxId!)).toMatchObject({ status: "sent", lastError: null });
    // the plain-text cover says who it is for and from whom; the letter is the attachment
    expect(mail!.text).toContain("To: Xi Jinping, President");
    expect(mail!.text).toContain("From: Amira Haddad, Norway, sent on their behalf by Vigil");
    const { text, attachments } = await pdfText(mail!);
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ contentType: "application/pdf" });
    expect(attachments[0]!.filename).toMatch(/^letter-UA-[0-9a-f]{8}-[0-9a-f]{8}\.pdf$/);
    expect(flat(text)).toContain(flat(fax.body.split("\n\n")[1]!));
    expect(flat(text)).toContain("Xi Jinping, President");
    expect(flat(text)).toContain("Dear Minister,");
  });

  it("puts a fax-only official's letter in the print run when no gateway is set, and sends nothing", () => {
    restoreGateway = setEnv({ FAX_GATEWAY: undefined });
    const testCase = createTestCase({ targets: [{ email: null, fax: FAX_A }] });
    expect(signAndConfirm({ slug: testCase.slug })).toMatchObject({ state: "confirmed", appealsQueued: 0 });
    const [appeal] = appealsOf(testCase.id);
    expect(appeal).toMatchObject({ channel: "post", outboxId: null, deliveryAddress: null, printRunId: null });
    expect(appeal!.recipient).toBe("Official 1, Minister 1\nOffice 1, Capital City");
  });

  it("fails a fax whose letter cannot be rendered, for good and with the reason, and never faxes a blank page", async () => {
    const testCase = createTestCase({ targets: [{ email: null, fax: "+442079460303" }] });
    signAndConfirm({ slug: testCase.slug });
    const [appeal] = appealsOf(testCase.id);
    // a character no font has (private use): the renderer refuses the letter
    const { appeals } = schema;
    getDb().update(appeals).set({ body: `Dear Minister,\n\n\u{E000} ${"x".repeat(10)}` }).where(orm.eq(appeals.id, appeal!.id)).run();

    await deliverAll();
    expect(mailTo("442079460303@fax.example.net")).toHaveLength(0);
    const row = outboxRow(appeal!.outboxId!);
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row.lastError).toMatch(/^PDF not rendered: .*U\+E000/);
    expect(appealsOf(testCase.id)[0]!.renderError).toBe(row.lastError);
    // the letter is not lost: it waits for the print run, whose page shows the reason
    expect(appealsOf(testCase.id)[0]).toMatchObject({ channel: "post", printRunId: null });
  });

  it("sends a fax the gateway refuses for good by post instead, and never counts it as faxed", async () => {
    const testCase = createTestCase({ targets: [{ email: null, fax: "+442079460909" }] });
    signAndConfirm({ slug: testCase.slug });
    const [appeal] = appealsOf(testCase.id);
    await deliverAll();
    expect(outboxRow(appeal!.outboxId!)).toMatchObject({ status: "failed" });
    expect(appealsOf(testCase.id)[0]).toMatchObject({ channel: "post", printRunId: null });
    expect(getDeliveryCounts({ caseId: testCase.id })).toMatchObject({ faxed: 0, waitingForPost: 1 });
  });

  it("sends one fax at a time per number, while another number goes in parallel", async () => {
    const busy = createTestCase({ targets: [{ email: null, fax: FAX_B }] });
    const other = createTestCase({ targets: [{ email: null, fax: "+442079460404" }] });
    for (let i = 0; i < 4; i++) signAndConfirm({ slug: busy.slug });
    signAndConfirm({ slug: other.slug });
    const busyRows = appealsOf(busy.id).map((a) => a.outboxId!);
    const otherRow = appealsOf(other.id)[0]!.outboxId!;

    // one claim takes one row of each lane, and a second claim, while those are in flight, takes none of them
    const owner = `test-${crypto.randomUUID()}`;
    const claimed = deliver.claimDue({ owner, limit: 50 }).map((r) => r.id);
    expect(claimed.filter((id) => busyRows.includes(id))).toHaveLength(1);
    expect(claimed).toContain(otherRow);
    expect(deliver.claimDue({ owner: `${owner}-2`, limit: 50 }).filter((r) => r.lane !== null)).toEqual([]);
    // …and separate processes claiming at the same instant take nothing more of either lane
    const raced = (await raceInProcesses([["claim", "p1", "50", String(Date.now())], ["claim", "p2", "50", String(Date.now())]])) as string[][];
    expect(raced.flat().filter((id) => busyRows.includes(id) || id === otherRow)).toEqual([]);
    // the lane reopens when the lease runs out (the worker died): its row is claimed again, still only one
    const afterLease = new Date(Date.now() + 120_001);
    const reclaimed = deliver.claimDue({ owner: `${owner}-3`, limit: 50, now: afterLease }).filter((r) => busyRows.includes(r.id));
    expect(reclaimed.map((r) => r.id)).toEqual(claimed.filter((id) => busyRows.includes(id)));
    const { outbox } = schema;
    getDb().update(outbox).set({ status: "queued", leaseOwner: null, leaseUntil: null }).where(orm.inArray(outbox.id, [...busyRows, otherRow])).run();
    getDb().delete(schema.outboxLanes).run();

    // two workers with concurrency 4 each, passing until every fax is out
    const deadline = Date.now() + 20_000;
    while ([...busyRows, otherRow].some((id) => outboxRow(id).status !== "sent")) {
      if (Date.now() > deadline) throw new Error("the faxes were not all sent");
      await Promise.all([deliver.deliverDue({ concurrency: 4 }), deliver.deliverDue({ concurrency: 4 })]);
    }
    const toBusy = mailTo("442079460202@fax.example.net").toSorted((a, b) => a.startedAt - b.startedAt);
    expect(toBusy).toHaveLength(4);
    for (let i = 1; i < toBusy.length; i++) {
      // each fax to the number began only after the one before it was accepted
      expect(toBusy[i]!.startedAt).toBeGreaterThanOrEqual(toBusy[i - 1]!.acceptedAt);
    }
    const [toOther] = mailTo("442079460404@fax.example.net");
    // the other number did not wait for the busy one: it was in flight alongside the first fax to it
    expect(toOther!.startedAt).toBeLessThan(toBusy[0]!.acceptedAt);
    expect(toBusy[0]!.startedAt).toBeLessThan(toOther!.acceptedAt);
  });

  it("waits FAX_GAP_SECONDS after a fax before the next one to the same number", async () => {
    const restore = setEnv({ FAX_GAP_SECONDS: "90" });
    try {
      const testCase = createTestCase({ targets: [{ email: null, fax: "+442079460505" }] });
      signAndConfirm({ slug: testCase.slug });
      signAndConfirm({ slug: testCase.slug });
      const rows = appealsOf(testCase.id).map((a) => a.outboxId!);
      await deliverAll();
      expect(rows.map((id) => outboxRow(id).status).toSorted()).toEqual(["queued", "sent"]);
      const waiting = rows.find((id) => outboxRow(id).status === "queued")!;
      expect(deliver.claimDue({ owner: "early", limit: 50, now: new Date(Date.now() + 80_000) }).map((r) => r.id)).not.toContain(waiting);
      expect(deliver.claimDue({ owner: "later", limit: 50, now: new Date(Date.now() + 91_000) }).map((r) => r.id)).toContain(waiting);
    } finally {
      restore();
    }
  });
});

describe("copies to the embassy in the supporter's country", () => {
  it("sends a supporter in Norway's copy by post to the embassy in Oslo, which has an address but no email", () => {
    const testCase = routedCase();
    expect(signAndConfirm({ slug: testCase.slug, country: "NO" })).toMatchObject({ state: "confirmed", appealsQueued: 1 });
    const copy = appealsOf(testCase.id).find((a) => a.targetId === testCase.targets[1]!.id)!;
    const { missions } = schema;
    const oslo = getDb().select().from(missions).where(orm.eq(missions.id, copy.missionId!)).get()!;
    expect(oslo).toMatchObject({ hostCountry: "NO", type: "embassy", email: null });
    expect(copy).toMatchObject({ channel: "post", outboxId: null, deliveryAddress: null });
    expect(copy.recipient.split("\n")).toEqual(["Embassy of the People's Republic of China in Norway", "Tuengen allé 2B", "0374 Oslo", "Norway"]);
    expect(copy.body.startsWith("Your Excellency,")).toBe(true);
  });

  it("emails the copy to a mission with an email, greeted Your Excellency and naming the mission", async () => {
    const testCase = createTestCase({
      targets: [{ role: "copy", routing: "mission", title: "The embassy of China", name: null, email: null, salutation: "" }],
      template: { body: "{{target.salutation}},\n\nTo the {{target.title}}: release {{case.personName}}.\n\n{{supporter.name}}" },
    });
    expect(signAndConfirm({ slug: testCase.slug, country: "CH" })).toMatchObject({ state: "confirmed", appealsQueued: 1 });
    const [copy] = appealsOf(testCase.id);
    expect(copy).toMatchObject({ channel: "email", deliveryAddress: "embassy-cn-ch.demo@example.org" });
    expect(copy!.recipient.split("\n")[0]).toBe("Embassy of the People's Republic of China in Switzerland");
    await deliverAll();
    const [mail] = mailTo("embassy-cn-ch.demo@example.org");
    expect(mail!.text).toContain("Your Excellency,\n\nTo the Embassy of the People's Republic of China in Switzerland: release Li Qiaochu.");
  });

  it("never gives an embassy nor the fax gateway the supporter's address, even when officials may reply to it", () => {
    const testCase = createTestCase({
      targets: [
        {},
        { email: null, fax: "+442079460404" },
        { role: "copy", routing: "mission", title: "The embassy of China", name: null, email: null, salutation: "" },
      ],
    });
    const { email } = signAndConfirm({ slug: testCase.slug, country: "CH", allowReply: true });
    const rows = appealsOf(testCase.id).map((a) => ({ channel: a.channel, mission: a.missionId !== null, row: outboxRow(a.outboxId!) }));
    expect(rows).toHaveLength(3);
    // the official of the case: the supporter asked for replies
    expect(rows.find((r) => r.channel === "email" && !r.mission)!.row.replyTo).toBe(email);
    for (const other of rows.filter((r) => r.mission || r.channel === "fax")) expect(other.row.replyTo).not.toBe(email);
  });

  it("writes no copy for a supporter in a country without a mission, nor in China itself, and reports the gap", () => {
    const testCase = routedCase();
    signAndConfirm({ slug: testCase.slug, country: "IS" });
    signAndConfirm({ slug: testCase.slug, country: "IS" });
    signAndConfirm({ slug: testCase.slug, country: "CN" });
    signAndConfirm({ slug: testCase.slug, country: "NO" });
    const copies = appealsOf(testCase.id).filter((a) => a.targetId === testCase.targets[1]!.id);
    expect(copies).toHaveLength(1);
    expect(appealsOf(testCase.id).filter((a) => a.targetId === testCase.targets[0]!.id)).toHaveLength(4);
    expect(getMissingMissionCountries({ caseId: testCase.id })).toEqual([
      { operatorCountry: "CN", hostCountry: "IS", reason: "no_mission", supporters: 2 },
    ]);
  });
});
