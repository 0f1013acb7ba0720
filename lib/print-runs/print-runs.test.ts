// Print runs against a real SQLite file: the claim raced from separate processes, reprints, marking posted, a
// letter that cannot be drawn, the labels CSV, and the honest counts that follow from all of it.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appeals, auditLog, selfReports, signatures, users } from "@/db/schema";
import { createTestAppeal } from "@/tests/support/appeals";
import { createTestCase } from "@/tests/support/factories";
import { raceInProcesses } from "@/tests/support/race";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { getDeliveryCounts, getDeliveryCountsByOfficial } from "../appeals/delivery-counts";
import { caseContentVersion } from "../cases/content-version";
import { hashToken, randomToken } from "../security/secret";
import { confirmSignature } from "../signatures/confirm-signature";
import { createPrintRun } from "./create-print-run";
import { markPrintRunPosted } from "./mark-print-run-posted";
import { printRunLabelsCsv } from "./print-run-labels-csv";
import { getPrintRun, listPrintRuns, listWaitingLetters } from "./queries";
import { renderPrintRunPdf } from "./render-print-run-pdf";

let database: TestDatabase;
let staffId: string;

beforeAll(async () => {
  database = await useTestDatabase({ ORG_NAME: "Vigil Campaigns", ORG_RETURN_ADDRESS: "12 Example Street|London N1 9GU|United Kingdom" });
  staffId = crypto.randomUUID();
  getDb().insert(users).values({ id: staffId, email: `campaigner-${staffId}@staff.example.org`, role: "campaigner" }).run();
});
afterAll(async () => database?.close());

const postCase = () => createTestCase({ targets: [{ email: null, title: "President" }, { email: null, fax: null, title: "Procurator", role: "copy" }] });
const runOf = (appealId: string) => getDb().select({ runId: appeals.printRunId }).from(appeals).where(eq(appeals.id, appealId)).get()?.runId;
const days = (n: number) => new Date(Date.now() - n * 86_400_000);

describe("listWaitingLetters", () => {
  it("groups the post letters no run has claimed by official, with counts and the oldest wait", () => {
    const c = postCase();
    const [president, procurator] = c.targets;
    createTestAppeal({ caseId: c.id, targetId: president!.id, channel: "post", createdAt: days(3) });
    createTestAppeal({ caseId: c.id, targetId: president!.id, channel: "post", createdAt: days(1) });
    createTestAppeal({ caseId: c.id, targetId: procurator!.id, channel: "post", recipient: "Procurator\nXinjiang\nChina", createdAt: days(2) });
    createTestAppeal({ caseId: c.id, targetId: president!.id, channel: "email", outboxStatus: "sent" });

    const waiting = listWaitingLetters({ caseId: c.id });
    expect(waiting.total).toBe(3);
    expect(waiting.groups.map((g) => [g.recipientLines[0], g.letters])).toEqual([
      ["Xi Jinping", 2],
      ["Procurator", 1],
    ]);
    expect(Math.round((Date.now() - waiting.oldestAt!.getTime()) / 86_400_000)).toBe(3);
  });
});

describe("createPrintRun", () => {
  it("two runs pressed at once from separate processes are disjoint and cover every waiting letter once", async () => {
    const c = postCase();
    const ids = Array.from({ length: 40 }, (_, i) => createTestAppeal({ caseId: c.id, targetId: c.targets[i % 2]!.id, channel: "post" }).appealId);

    const results = (await raceInProcesses([
      ["print-run", c.id, staffId],
      ["print-run", c.id, staffId],
      ["print-run", c.id, staffId],
    ])) as ({ runId: string; letterCount: number } | { nothingLeft: true })[];

    const runs = results.filter((r): r is { runId: string; letterCount: number } => "runId" in r);
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(results.filter((r) => "nothingLeft" in r)).toHaveLength(results.length - runs.length);
    expect(runs.reduce((sum, r) => sum + r.letterCount, 0)).toBe(40);
    const claimedBy = ids.map(runOf);
    expect(claimedBy.every((runId) => runs.some((r) => r.runId === runId))).toBe(true);
    for (const run of runs) expect(claimedBy.filter((id) => id === run.runId)).toHaveLength(run.letterCount);
    expect(listWaitingLetters({ caseId: c.id }).total).toBe(0);
  });

  it("claims only the case asked for, says when nothing is left, and a reprint claims nothing", async () => {
    const a = postCase();
    const b = postCase();
    const inA = createTestAppeal({ caseId: a.id, targetId: a.targets[0]!.id, channel: "post" }).appealId;
    const inB = createTestAppeal({ caseId: b.id, targetId: b.targets[0]!.id, channel: "post" }).appealId;

    const first = createPrintRun({ caseId: a.id, userId: staffId });
    if (!("run" in first)) throw new Error("expected a run");
    expect(first.run.letterCount).toBe(1);
    expect(runOf(inA)).toBe(first.run.id);
    expect(runOf(inB)).toBeNull();
    expect(createPrintRun({ caseId: a.id, userId: staffId })).toEqual({ nothingLeft: true });
    expect(createPrintRun({ caseId: "no-such-case", userId: staffId })).toEqual({ unknownCase: true });

    // a letter confirmed after the run goes into the next run, never into the downloaded one
    await renderPrintRunPdf({ runId: first.run.id, userId: staffId });
    const later = createTestAppeal({ caseId: a.id, targetId: a.targets[0]!.id, channel: "post" }).appealId;
    await renderPrintRunPdf({ runId: first.run.id, userId: staffId });
    expect(runOf(later)).toBeNull();
    expect(getPrintRun({ runId: first.run.id })?.letterCount).toBe(1);
    const second = createPrintRun({ caseId: a.id, userId: staffId });
    expect("run" in second && second.run.letterCount).toBe(1);
    expect(listPrintRuns({ caseId: a.id }).map((r) => r.letterCount)).toEqual([1, 1]);
    expect(getDb().select().from(auditLog).where(eq(auditLog.subjectId, first.run.id)).all().map((e) => e.action)).toContain("print_run.create");
  });
});

describe("markPrintRunPosted", () => {
  it("records the day once, refuses the future and days before the run, and only then counts letters as posted", () => {
    const c = postCase();
    createTestAppeal({ caseId: c.id, targetId: c.targets[0]!.id, channel: "post" });
    createTestAppeal({ caseId: c.id, targetId: c.targets[1]!.id, channel: "post" });
    const created = createPrintRun({ caseId: c.id, userId: staffId });
    if (!("run" in created)) throw new Error("expected a run");
    const runId = created.run.id;
    const today = new Date().toISOString().slice(0, 10);

    expect(getDeliveryCounts({ caseId: c.id })).toMatchObject({ posted: 0, waitingForPost: 2 });
    expect(markPrintRunPosted({ runId, postedOn: "2999-01-01", userId: staffId })).toMatchObject({ ok: false, field: "postedOn", message: expect.stringContaining("future") });
    expect(markPrintRunPosted({ runId, postedOn: "2020-01-01", userId: staffId })).toMatchObject({ ok: false, field: "postedOn", message: expect.stringContaining("cannot have been posted before") });
    expect(markPrintRunPosted({ runId, postedOn: "2026-02-30", userId: staffId })).toMatchObject({ ok: false, message: "That day does not exist." });
    expect(getDeliveryCounts({ caseId: c.id }).posted).toBe(0);

    expect(markPrintRunPosted({ runId, postedOn: today, userId: staffId })).toEqual({ ok: true, postedOn: today, letterCount: 2 });
    expect(markPrintRunPosted({ runId, postedOn: today, userId: staffId })).toMatchObject({ ok: false, message: expect.stringContaining("already marked as posted") });
    expect(getDeliveryCounts({ caseId: c.id })).toMatchObject({ posted: 2, waitingForPost: 0 });
    expect(getPrintRun({ runId })).toMatchObject({ postedOn: today, postedByEmail: expect.stringContaining("@staff.example.org") });
  });
});

describe("renderPrintRunPdf", () => {
  it("renders the letters, keeps the reason of one that cannot be drawn, and clears it when it renders again", async () => {
    const c = postCase();
    const good = createTestAppeal({ caseId: c.id, targetId: c.targets[0]!.id, channel: "post", fullName: "Zoë Núñez 李明", country: "NO" }).appealId;
    const bad = createTestAppeal({ caseId: c.id, targetId: c.targets[0]!.id, channel: "post", body: "Dear President,\n\nA private-use character: \uE000." }).appealId;
    const created = createPrintRun({ caseId: c.id, userId: staffId });
    if (!("run" in created)) throw new Error("expected a run");

    const result = await renderPrintRunPdf({ runId: created.run.id, userId: staffId });
    expect(result?.rendered).toEqual([good]);
    expect(result?.failures).toEqual([{ id: bad, reason: expect.stringContaining("U+E000") }]);
    expect(result?.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const run = getPrintRun({ runId: created.run.id });
    expect(run?.failures).toEqual([{ appealId: bad, recipient: "Xi Jinping", reason: expect.stringContaining("U+E000") }]);

    const file = path.join(database.dir, "run.pdf");
    fs.writeFileSync(file, result!.pdf);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("Xi Jinping");
    expect(text).toContain("Zoë Núñez 李明");
    expect(text).toContain("12 Example Street");

    getDb().update(appeals).set({ body: "Dear President,\n\nNow it can be drawn." }).where(eq(appeals.id, bad)).run();
    const again = await renderPrintRunPdf({ runId: created.run.id, userId: staffId });
    expect(again?.failures).toEqual([]);
    expect(getPrintRun({ runId: created.run.id })?.failures).toEqual([]);
    expect(await renderPrintRunPdf({ runId: "no-such-run", userId: staffId })).toBeNull();
  });
});

describe("a letter the PDF could not hold", () => {
  it("gets no label, is not counted as posted, and waits for the next run once the run is marked posted", async () => {
    const c = postCase();
    const good = createTestAppeal({ caseId: c.id, targetId: c.targets[0]!.id, channel: "post" }).appealId;
    const bad = createTestAppeal({ caseId: c.id, targetId: c.targets[0]!.id, channel: "post", body: "Dear President,\n\n\uE000" }).appealId;
    const created = createPrintRun({ caseId: c.id, userId: staffId });
    if (!("run" in created)) throw new Error("expected a run");
    await renderPrintRunPdf({ runId: created.run.id, userId: staffId });

    expect(printRunLabelsCsv({ runId: created.run.id })?.rows).toBe(1);
    expect(markPrintRunPosted({ runId: created.run.id, postedOn: new Date().toISOString().slice(0, 10), userId: staffId })).toMatchObject({ ok: true, letterCount: 1 });
    expect(runOf(good)).toBe(created.run.id);
    expect(runOf(bad)).toBeNull();
    expect(getDeliveryCounts({ caseId: c.id })).toMatchObject({ posted: 1, waitingForPost: 1 });
    expect(getPrintRun({ runId: created.run.id })?.letterCount).toBe(1);
    expect(listWaitingLetters({ caseId: c.id }).total).toBe(1);
  });
});

describe("printRunLabelsCsv", () => {
  it("has one label per letter, address lines in columns, and formula-like cells neutralised", () => {
    const c = postCase();
    createTestAppeal({ caseId: c.id, targetId: c.targets[0]!.id, channel: "post", recipient: "=HYPERLINK(\"http://evil.example\")\n@Office\nBeijing, \"Xicheng\"\nChina" });
    createTestAppeal({ caseId: c.id, targetId: c.targets[1]!.id, channel: "post", recipient: "Procurator\nÜrümqi" });
    const created = createPrintRun({ caseId: c.id, userId: staffId });
    if (!("run" in created)) throw new Error("expected a run");
    const labels = printRunLabelsCsv({ runId: created.run.id })!;
    expect(labels.rows).toBe(2);
    const lines = labels.csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe('"Letter","Case reference","Address line 1","Address line 2","Address line 3","Address line 4"');
    expect(labels.csv).toContain(`"'=HYPERLINK(""http://evil.example"")","'@Office","Beijing, ""Xicheng""","China"`);
    expect(labels.csv).toContain(`"Procurator","Ürümqi","",""`);
    expect(labels.csv).not.toContain("@supporters.example.net");
    expect(printRunLabelsCsv({ runId: "no-such-run" })).toBeNull();
  });
});

describe("getDeliveryCounts", () => {
  it("counts only what happened: sent email and fax, posted runs, waiting post, supporters' own reports", () => {
    const c = createTestCase({ targets: [{ title: "Minister" }, { email: null, fax: "+442079460111", title: "Governor" }, { email: null, title: "President" }] });
    const [minister, governor, president] = c.targets;
    createTestAppeal({ caseId: c.id, targetId: minister!.id, channel: "email", outboxStatus: "sent" });
    createTestAppeal({ caseId: c.id, targetId: minister!.id, channel: "email", outboxStatus: "sent" });
    createTestAppeal({ caseId: c.id, targetId: minister!.id, channel: "email", outboxStatus: "queued" });
    createTestAppeal({ caseId: c.id, targetId: minister!.id, channel: "email", outboxStatus: "failed" });
    createTestAppeal({ caseId: c.id, targetId: governor!.id, channel: "fax", outboxStatus: "sent" });
    createTestAppeal({ caseId: c.id, targetId: governor!.id, channel: "fax", outboxStatus: "sending" });
    const posted = createTestAppeal({ caseId: c.id, targetId: president!.id, channel: "post" });
    createTestAppeal({ caseId: c.id, targetId: president!.id, channel: "post" });
    const run = createPrintRun({ caseId: c.id, userId: staffId });
    if (!("run" in run)) throw new Error("expected a run");
    createTestAppeal({ caseId: c.id, targetId: president!.id, channel: "post" });
    getDb().insert(selfReports).values({ id: crypto.randomUUID(), signatureId: posted.signatureId, targetId: minister!.id, caseId: c.id, channel: "email", createdAt: new Date() }).run();

    expect(getDeliveryCounts({ caseId: c.id })).toEqual({ confirmed: 9, emailed: 2, faxed: 1, posted: 0, waitingForPost: 3, reportedBySupporters: 1 });
    expect(markPrintRunPosted({ runId: run.run.id, postedOn: new Date().toISOString().slice(0, 10), userId: staffId }).ok).toBe(true);
    expect(getDeliveryCounts({ caseId: c.id })).toEqual({ confirmed: 9, emailed: 2, faxed: 1, posted: 2, waitingForPost: 1, reportedBySupporters: 1 });

    expect(getDeliveryCountsByOfficial({ caseId: c.id })).toEqual([
      { targetId: minister!.id, official: "Official 1, Minister", appeals: 4, emailed: 2, faxed: 0, posted: 0, waitingForPost: 0, reportedBySupporters: 1 },
      { targetId: governor!.id, official: "Official 2, Governor", appeals: 2, emailed: 0, faxed: 1, posted: 0, waitingForPost: 0, reportedBySupporters: 0 },
      { targetId: president!.id, official: "Official 3, President", appeals: 3, emailed: 0, faxed: 0, posted: 2, waitingForPost: 1, reportedBySupporters: 0 },
    ]);
  });
});

/** A pending signature whose token the test knows (the app only keeps its hash), confirmed the app's own way. */
function signAndConfirm({ caseId, fullName, country }: { caseId: string; fullName: string; country: string }) {
  const token = randomToken();
  const now = new Date();
  const id = crypto.randomUUID();
  const email = `supporter-${id.slice(0, 12)}@supporters.example.net`;
  getDb()
    .insert(signatures)
    .values({ id, caseId, fullName, email, emailNormalized: email, country, tokenHash: hashToken(token), tokenExpiresAt: new Date(now.getTime() + 3_600_000), createdAt: now, updatedAt: now })
    .run();
  // inserted with no stored letters (as if signed before letters were stored): confirmed as the page offers it,
  // accepting the letter as it reads now
  const result = confirmSignature({ token, acceptedVersion: caseContentVersion({ db: getDb(), caseId }) ?? undefined });
  if (result.state !== "confirmed") throw new Error(`not confirmed: ${result.state}`);
}

describe("a print run of letters confirmed the real way", () => {
  it("takes post letters and, without FAX_GATEWAY, fax letters; prints each with the recipient fixed at confirmation", async () => {
    const c = createTestCase({
      personName: "Tashpolat Tiyip",
      targets: [
        { email: null, fax: null, name: "Xi Jinping", title: "President of the People's Republic of China" },
        { email: null, fax: "+442079460999", name: null, title: "Procurator-General", role: "copy" },
      ],
    });
    signAndConfirm({ caseId: c.id, fullName: "ئايگۈل تۇرسۇن", country: "NO" });
    signAndConfirm({ caseId: c.id, fullName: "王小明", country: "DE" });

    const waiting = listWaitingLetters({ caseId: c.id });
    expect(waiting.total).toBe(4);
    expect(waiting.groups.map((g) => [g.recipientLines[0], g.letters]).toSorted()).toEqual([
      ["Procurator-General", 2],
      ["Xi Jinping, President of the People's Republic of China", 2],
    ]);
    const created = createPrintRun({ caseId: c.id, userId: staffId });
    if (!("run" in created)) throw new Error("expected a run");
    const result = await renderPrintRunPdf({ runId: created.run.id, userId: staffId });
    expect(result?.failures).toEqual([]);
    expect(result?.rendered).toHaveLength(4);

    const file = path.join(database.dir, "real-run.pdf");
    fs.writeFileSync(file, result!.pdf);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    expect(text).toContain("王小明");
    expect(text).toContain("Xi Jinping");
    expect(text).toContain("Procurator-General");
    expect(text).toContain("12 Example Street");
    // four letters, each on its own page(s): the first page of each holds the window address
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    if (process.env.PRINT_RUN_PNG_DIR) {
      fs.copyFileSync(file, path.join(process.env.PRINT_RUN_PNG_DIR, "run.pdf"));
      execFileSync("pdftoppm", ["-png", "-r", "60", file, path.join(process.env.PRINT_RUN_PNG_DIR, "page")]);
    }
  });
});
