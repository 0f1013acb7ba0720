import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isCountryCode } from "@/lib/countries";
import { findUnknownFields, renderLetter, type LetterSupporter } from "@/lib/letters/render";
import { channelFor } from "@/lib/targets/channel";
import { closeDatabase, getDb, migrateDatabase } from "./client";
import * as schema from "./schema";
import { CASE_STATES, RISK_STATUSES, TARGET_ROLES, UPDATE_KINDS } from "./schema";
import { importMissions } from "@/lib/missions/import-missions";
import { DEMO_MISSIONS_FILE, seedDemoCases } from "./seed";
import { DEMO_CASES } from "./seed-data";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
// example.org itself or any subdomain of it: a demo must never mail a real office
const DEMO_EMAIL = /^[^\s@]+@(?:[a-z0-9-]+\.)*example\.org$/i;
// Ofcom's drama range, +44 20 7946 0000 to 0999 (E.164 as stored): numbers reserved for fiction, never a line
const DRAMA_FAX = /^\+442079460\d{3}$/;

function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const wordCount = (text: string) => text.replace(/\{\{[^{}]*\}\}/g, " ").split(/\s+/).filter(Boolean).length;

const SUPPORTERS: LetterSupporter[] = [
  { fullName: "李明", initialsOnly: false, country: "CN", message: "请立即释放。" },
  { fullName: "ليلى حداد", initialsOnly: false, country: "LB", message: null },
];

describe("demo seed data", () => {
  it("has cases with unique, url-safe slugs and unique references", () => {
    expect(DEMO_CASES.length).toBeGreaterThanOrEqual(5);
    const slugs = DEMO_CASES.map((c) => c.slug);
    for (const slug of slugs) expect(slug).toMatch(SLUG);
    expect(new Set(slugs).size).toBe(slugs.length);
    const references = DEMO_CASES.map((c) => c.reference);
    expect(new Set(references).size).toBe(references.length);
  });

  it.each(DEMO_CASES.map((c) => [c.slug, c] as const))("%s: case fields are valid", (_slug, c) => {
    expect(RISK_STATUSES).toContain(c.riskStatus);
    expect(CASE_STATES).toContain(c.state);
    expect(isCountryCode(c.country)).toBe(true);
    expect(isIsoDay(c.actBefore)).toBe(true);
    expect(c.goal).toBeGreaterThan(0);
    expect(c.publishedAt).toBeInstanceOf(Date);
    expect(c.updatedAt.getTime()).toBeGreaterThanOrEqual(c.createdAt.getTime());
    expect(c.personName.trim()).toBe(c.personName);
    expect(c.summary.length).toBeGreaterThan(0);
    for (const language of c.languages.split(",")) expect(language).toMatch(/^[a-z]{2}$/);
  });

  it("keeps published cases open long after the demo was written, so the sign form shows", () => {
    const open = DEMO_CASES.filter((c) => c.state === "published");
    expect(open.length).toBeGreaterThan(0);
    expect(open.filter((c) => c.actBefore <= "2027-03-01").map((c) => c.slug)).toEqual([]);
    expect(DEMO_CASES.filter((c) => c.state === "closed" && !c.outcome).map((c) => c.slug)).toEqual([]);
  });

  it.each(DEMO_CASES.map((c) => [c.slug, c] as const))("%s: story is 3–6 paragraphs of markdown, no raw HTML", (_slug, c) => {
    const paragraphs = c.story.split(/\n\s*\n/).filter((p) => p.trim());
    expect(paragraphs.length).toBeGreaterThanOrEqual(3);
    expect(paragraphs.length).toBeLessThanOrEqual(6);
    for (const text of [c.story, c.summary, ...c.updates.map((u) => u.body)]) expect(text).not.toMatch(/<\/?[a-z!][^>]*>/i);
  });

  it.each(DEMO_CASES.map((c) => [c.slug, c] as const))("%s: updates are dated, valid and follow the urgent action", (_slug, c) => {
    const issuedOn = c.publishedAt?.toISOString().slice(0, 10) ?? "";
    for (const u of c.updates) {
      expect(UPDATE_KINDS).toContain(u.kind);
      expect(isIsoDay(u.happenedOn)).toBe(true);
      // the case page lists updates newest first and ends with "Urgent action issued"
      expect(u.happenedOn >= issuedOn).toBe(true);
      expect([null, ...RISK_STATUSES]).toContain(u.riskStatus);
      expect(u.title.trim().length).toBeGreaterThan(0);
    }
  });

  it.each(DEMO_CASES.map((c) => [c.slug, c] as const))("%s: 2–3 targets, no email outside example.org, no fax outside the drama range", (_slug, c) => {
    expect(c.targets.length).toBeGreaterThanOrEqual(2);
    expect(c.targets.length).toBeLessThanOrEqual(3);
    expect(c.targets.map((t) => t.position)).toEqual(c.targets.map((_, i) => i));
    expect(c.targets.some((t) => t.role === "primary")).toBe(true);
    for (const t of c.targets) {
      expect(TARGET_ROLES).toContain(t.role);
      expect(isCountryCode(t.country)).toBe(true);
      expect(t.salutation.trim().length).toBeGreaterThan(0);
    }
    const emails = c.targets.flatMap((t) => (t.email ? [t.email] : []));
    expect(emails.filter((e) => !DEMO_EMAIL.test(e))).toEqual([]);
    const faxes = c.targets.flatMap((t) => (t.fax ? [t.fax] : []));
    expect(faxes.filter((f) => !DRAMA_FAX.test(f))).toEqual([]);
    // a routed copy has no address of its own: the mission's is chosen per supporter
    for (const t of c.targets.filter((r) => r.routing === "mission")) {
      expect(t).toMatchObject({ role: "copy", missionOf: c.country, email: null, fax: null, postalAddress: "", salutation: "Your Excellency" });
    }
    for (const t of c.targets.filter((r) => r.routing !== "mission")) {
      expect(t.missionOf ?? null).toBeNull();
      expect(t.postalAddress.trim().length).toBeGreaterThan(0);
    }
  });

  it.each(DEMO_CASES.map((c) => [c.slug, c] as const))("%s: at least one official reached only by post or fax", (_slug, c) => {
    const offline = c.targets.filter((t) => t.routing !== "mission" && channelFor(t, { faxGateway: true }) !== "email");
    expect(offline.map((t) => t.title)).not.toEqual([]);
  });

  it("gives the President his published channels, fax and post, and no email", () => {
    const president = DEMO_CASES.flatMap((c) => c.targets).filter((t) => t.title === "President of the People’s Republic of China");
    expect(president.length).toBeGreaterThan(0);
    for (const t of president) expect(t).toMatchObject({ email: null, fax: expect.stringMatching(DRAMA_FAX) });
  });

  it("copies to the embassy in each supporter's country on at least two cases, Tashpolat Tiyip's among them", () => {
    const routed = DEMO_CASES.filter((c) => c.targets.some((t) => t.routing === "mission")).map((c) => c.slug);
    expect(routed.length).toBeGreaterThanOrEqual(2);
    expect(routed).toContain("tashpolat-tiyip");
  });

  it("rejects a look-alike address and a fax outside the drama range", () => {
    expect("+442079461000").not.toMatch(DRAMA_FAX);
    expect("+4420794600170").not.toMatch(DRAMA_FAX);
    expect("+861065292345").not.toMatch(DRAMA_FAX);
    expect("+442079460999").toMatch(DRAMA_FAX);
  });

  it("rejects a look-alike address", () => {
    expect("office@example.org.evil.com").not.toMatch(DEMO_EMAIL);
    expect("office@notexample.org").not.toMatch(DEMO_EMAIL);
    expect("office@mail.example.org").toMatch(DEMO_EMAIL);
  });

  it.each(DEMO_CASES.map((c) => [c.slug, c] as const))("%s: letter templates use only known merge fields", (_slug, c) => {
    expect(c.letterTemplates.some((t) => t.language === "en")).toBe(true);
    expect(new Set(c.letterTemplates.map((t) => t.language)).size).toBe(c.letterTemplates.length);
    for (const t of c.letterTemplates) {
      expect(findUnknownFields(t.subject, t.body)).toEqual([]);
      const lines = t.body.split("\n");
      expect(lines).toContain("{{target.salutation}},");
      expect(lines).toContain("{{supporter.message}}");
      expect(lines[0]).toBe("{{date}}");
      expect(t.body).toContain("{{case.personName}}");
      expect(t.body.endsWith("{{supporter.name}}\n{{supporter.country}}")).toBe(true);
      const words = wordCount(t.body);
      expect(words).toBeGreaterThanOrEqual(150);
      expect(words).toBeLessThanOrEqual(300);
    }
  });

  it.each(DEMO_CASES.map((c) => [c.slug, c] as const))("%s: every letter renders for every target, in any script", (_slug, c) => {
    const date = new Date("2026-11-26T12:00:00Z");
    for (const template of c.letterTemplates) {
      for (const target of c.targets) {
        for (const supporter of SUPPORTERS) {
          const letter = renderLetter({ template, supporter, target, caseInfo: { personName: c.personName, reference: c.reference }, date, variantSeed: supporter.fullName });
          expect(letter.body).toContain(supporter.fullName);
          expect(letter.body).toContain(c.personName);
          expect(letter.body).toContain(`${target.salutation},`);
          expect(letter.body).not.toMatch(/\{\{|\}\}/);
          expect(letter.subject).not.toMatch(/\{\{|\}\}/);
          expect(letter.subject).toContain(c.personName);
          expect(letter.body).not.toMatch(/\n{3,}/);
          expect(letter.body).toContain(supporter.message ?? "");
          expect(letter.body.split("\n").at(-2)).toBe(supporter.fullName);
        }
      }
    }
  });
});

describe("seedDemoCases", () => {
  it("seeds an empty database once, in full", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-seed-"));
    const previousUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `file:${path.join(dir, "seed-test.db")}`;
    try {
      migrateDatabase();
      expect(seedDemoCases()).toBe(DEMO_CASES.length);
      expect(seedDemoCases()).toBe(0);

      const db = getDb();
      const rows = db.select().from(schema.cases).all();
      expect(rows).toHaveLength(DEMO_CASES.length);
      expect(db.select().from(schema.caseUpdates).all()).toHaveLength(DEMO_CASES.reduce((n, c) => n + c.updates.length, 0));
      expect(db.select().from(schema.targets).all()).toHaveLength(DEMO_CASES.reduce((n, c) => n + c.targets.length, 0));
      expect(db.select().from(schema.letterTemplates).all()).toHaveLength(DEMO_CASES.reduce((n, c) => n + c.letterTemplates.length, 0));

      // the PRC's missions, with their real postal addresses and only example.org emails
      const missions = db.select().from(schema.missions).all();
      expect(missions).toHaveLength(86);
      expect(missions.every((m) => m.operatorCountry === "CN")).toBe(true);
      const emails = missions.flatMap((m) => (m.email ? [m.email] : []));
      expect(emails).toHaveLength(13);
      for (const email of emails) expect(email).toMatch(DEMO_EMAIL);
      expect(missions.find((m) => m.hostCountry === "NO")).toMatchObject({ address: "Tuengen allé 2B, 0374 Oslo", email: null });
      expect(missions.find((m) => m.hostCountry === "JP" && m.type === "embassy")?.email).toBe("embassy-cn-jp.demo@example.org");
      // no email and no fax anywhere in the seeded targets outside the reserved ranges
      const stored = db.select().from(schema.targets).all();
      expect(stored.flatMap((t) => (t.email && !DEMO_EMAIL.test(t.email) ? [t.email] : []))).toEqual([]);
      expect(stored.flatMap((t) => (t.fax && !DRAMA_FAX.test(t.fax) ? [t.fax] : []))).toEqual([]);
      expect(stored.filter((t) => t.fax).length).toBeGreaterThan(0);

      // each case got its own children, and the dates survived the round trip
      const bySlug = new Map(rows.map((r) => [r.slug, r]));
      for (const demo of DEMO_CASES) {
        const row = bySlug.get(demo.slug);
        expect(row?.publishedAt?.getTime()).toBe(demo.publishedAt?.getTime());
        expect(row?.personNameLocal).toBe(demo.personNameLocal);
        const caseTargets = db.select().from(schema.targets).all().filter((t) => t.caseId === row?.id);
        expect(caseTargets.map((t) => t.title).toSorted()).toEqual(demo.targets.map((t) => t.title).toSorted());
        expect(caseTargets.filter((t) => t.routing === "mission").map((t) => t.missionOf)).toEqual(
          demo.targets.filter((t) => t.routing === "mission").map((t) => t.missionOf),
        );
      }
    } finally {
      closeDatabase();
      if (previousUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previousUrl;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("leaves an organisation's own missions alone: the demo missions go only into an empty table", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-seed-"));
    const previousUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `file:${path.join(dir, "seed-test.db")}`;
    try {
      migrateDatabase();
      const csv = fs.readFileSync(DEMO_MISSIONS_FILE, "utf8");
      const oneRow = csv.split("\n").filter((line) => line.includes("mailto:info@china-embassy.or.jp"));
      importMissions({ csv: [csv.split("\n")[0], ...oneRow].join("\n") });
      expect(seedDemoCases()).toBe(DEMO_CASES.length);
      expect(getDb().select({ email: schema.missions.email }).from(schema.missions).all()).toEqual([{ email: "info@china-embassy.or.jp" }]);
    } finally {
      closeDatabase();
      if (previousUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previousUrl;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
