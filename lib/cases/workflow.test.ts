// The publishing workflow: draft → in review → published (now or scheduled) → closed, and every refusal.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, cases } from "@/db/schema";
import type { CurrentUser } from "../auth/queries";
import { inviteUser } from "../auth/commands/invite-user";
import { createTestCase } from "@/tests/support/factories";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { caseContentVersion } from "./content-version";
import { getCaseReview } from "./admin-queries";
import { closeCase } from "./close-case";
import { cancelScheduledPublish, publishCase } from "./publish-case";
import { publishDueCases } from "./publish-due-cases";
import { getPublicCaseBySlug, listPublicCases, todayIso } from "./queries";
import { submitCaseForReview } from "./submit-case-for-review";

let database: TestDatabase;
/** The version the review page would show: what an admin publishing it has read. */
const reviewed = (caseId: string) => caseContentVersion({ db: getDb(), caseId }) ?? "";
let campaigner: CurrentUser;
let admin: CurrentUser;

beforeAll(async () => {
  database = await useTestDatabase();
  const c = inviteUser({ email: `wf-campaigner-${Date.now()}@staff.example.org`, role: "campaigner" });
  const a = inviteUser({ email: `wf-admin-${Date.now()}@staff.example.org`, role: "admin" });
  campaigner = { id: c.userId, email: c.email, role: "campaigner" };
  admin = { id: a.userId, email: a.email, role: "admin" };
});
afterAll(() => database.close());

const row = (id: string) => getDb().select().from(cases).where(eq(cases.id, id)).get()!;
const audits = (id: string, action: string) => getDb().select().from(auditLog).where(and(eq(auditLog.subjectId, id), eq(auditLog.action, action))).all();
const day = (offset: number) => todayIso(new Date(Date.now() + offset * 86_400_000));

describe("submit → publish → close", () => {
  it("walks a case through every state, recording who did what", () => {
    const c = createTestCase({ state: "draft" });
    expect(submitCaseForReview({ id: c.id, user: campaigner })).toEqual({ ok: true, slug: c.slug });
    expect(row(c.id)).toMatchObject({ state: "in_review", reviewRequestedAt: expect.any(Date) });
    expect(submitCaseForReview({ id: c.id, user: campaigner })).toMatchObject({ ok: false, code: "wrong_state" });
    expect(getPublicCaseBySlug({ slug: c.slug })).toBeNull();

    const now = new Date();
    expect(publishCase({ id: c.id, user: admin, reviewedVersion: reviewed(c.id), now })).toEqual({ ok: true, slug: c.slug, scheduled: false });
    expect(row(c.id)).toMatchObject({ state: "published", publishedAt: now, publishAt: null });
    expect(audits(c.id, "case.publish")).toEqual([expect.objectContaining({ actorUserId: admin.id })]);
    expect(getPublicCaseBySlug({ slug: c.slug })).not.toBeNull();
    expect(listPublicCases().some((p) => p.slug === c.slug)).toBe(true);
    expect(publishCase({ id: c.id, user: admin, reviewedVersion: reviewed(c.id) })).toMatchObject({ ok: false, code: "wrong_state" });

    expect(closeCase({ id: c.id, user: admin, input: { outcome: "Released on bail on 3 March.", outcomeStatus: "released" } })).toEqual({ ok: true, slug: c.slug });
    expect(row(c.id)).toMatchObject({ state: "closed", outcome: "Released on bail on 3 March.", riskStatus: "released", closedAt: expect.any(Date) });
    const [closed] = audits(c.id, "case.close");
    expect(closed).toMatchObject({ actorUserId: admin.id });
    expect(closed!.details).not.toContain("bail");
    expect(getPublicCaseBySlug({ slug: c.slug })).toMatchObject({ state: "closed" });
  });

  it("lets an admin publish a draft directly", () => {
    const c = createTestCase({ state: "draft" });
    expect(publishCase({ id: c.id, user: admin, reviewedVersion: reviewed(c.id) }).ok).toBe(true);
  });
});

describe("refusals", () => {
  it("a campaigner can neither publish, schedule, unschedule nor close", () => {
    const c = createTestCase({ state: "in_review" });
    expect(publishCase({ id: c.id, user: campaigner, reviewedVersion: reviewed(c.id) })).toMatchObject({ ok: false, code: "forbidden" });
    expect(publishCase({ id: c.id, user: campaigner, reviewedVersion: reviewed(c.id), publishAt: new Date(Date.now() + 3_600_000) })).toMatchObject({ ok: false, code: "forbidden" });
    expect(cancelScheduledPublish({ id: c.id, user: campaigner })).toMatchObject({ ok: false, code: "forbidden" });
    expect(row(c.id)).toMatchObject({ state: "in_review", publishAt: null, publishedAt: null });
    const published = createTestCase({ state: "published" });
    expect(closeCase({ id: published.id, user: campaigner, input: { outcome: "x", outcomeStatus: "" } })).toMatchObject({ ok: false, code: "forbidden" });
    expect(row(published.id).state).toBe("published");
  });

  it("refuses to publish a case with no targets, naming the reason", () => {
    const c = createTestCase({ state: "in_review", targets: 0 });
    const result = publishCase({ id: c.id, user: admin, reviewedVersion: reviewed(c.id) });
    expect(result).toMatchObject({ ok: false, code: "not_ready", message: expect.stringContaining("no official to write to") });
    expect(row(c.id).state).toBe("in_review");
  });

  it("refuses to publish a letter with an unknown merge field, naming the field", () => {
    const c = createTestCase({ state: "in_review", template: { body: "Dear {{target.salutation}}, free {{case.personname}}. {{supporter.name}}" } });
    const result = publishCase({ id: c.id, user: admin, reviewedVersion: reviewed(c.id) });
    expect(result).toMatchObject({ ok: false, code: "not_ready", message: expect.stringContaining("{{case.personname}}") });
    const review = getCaseReview({ id: c.id, user: campaigner });
    expect(review?.readiness.checks.find((k) => k.key === "letter")).toMatchObject({ ok: false });
  });

  it("refuses to publish after the deadline, or with an empty story", () => {
    const late = createTestCase({ state: "in_review", actBefore: day(-1) });
    expect(publishCase({ id: late.id, user: admin, reviewedVersion: reviewed(late.id) })).toMatchObject({ ok: false, code: "not_ready", message: expect.stringContaining("has passed") });
    const empty = createTestCase({ state: "in_review" });
    getDb().update(cases).set({ story: "  " }).where(eq(cases.id, empty.id)).run();
    expect(publishCase({ id: empty.id, user: admin, reviewedVersion: reviewed(empty.id) })).toMatchObject({ ok: false, code: "not_ready", message: expect.stringContaining("story is empty") });
  });

  it("cannot close a case that is not published, and needs an outcome", () => {
    const draft = createTestCase({ state: "draft" });
    expect(closeCase({ id: draft.id, user: admin, input: { outcome: "x", outcomeStatus: "" } })).toMatchObject({ ok: false, code: "wrong_state" });
    const published = createTestCase({ state: "published" });
    expect(closeCase({ id: published.id, user: admin, input: { outcome: " ", outcomeStatus: "freed" } })).toMatchObject({
      ok: false,
      code: "invalid",
      errors: { outcome: [expect.any(String)], outcomeStatus: [expect.any(String)] },
    });
  });

  it("is a not-found for an unknown case", () => {
    expect(publishCase({ id: "missing", user: admin, reviewedVersion: reviewed("missing") })).toMatchObject({ ok: false, code: "not_found" });
    expect(submitCaseForReview({ id: "missing", user: campaigner })).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("scheduled publishing", () => {
  it("publishes when publishDueCases runs after the time, not before", () => {
    const c = createTestCase({ state: "in_review" });
    const now = new Date();
    const at = new Date(now.getTime() + 3_600_000);
    expect(publishCase({ id: c.id, user: admin, reviewedVersion: reviewed(c.id), publishAt: at, now })).toEqual({ ok: true, slug: c.slug, scheduled: true });
    expect(row(c.id)).toMatchObject({ state: "in_review", publishAt: at });
    expect(audits(c.id, "case.schedule_publish")).toHaveLength(1);

    expect(publishDueCases({ now: new Date(at.getTime() - 1000) }).published).not.toContain(c.slug);
    expect(row(c.id).state).toBe("in_review");

    const later = new Date(at.getTime() + 1000);
    expect(publishDueCases({ now: later }).published).toContain(c.slug);
    expect(row(c.id)).toMatchObject({ state: "published", publishedAt: later, publishAt: null });
    expect(audits(c.id, "case.publish")).toEqual([expect.objectContaining({ actorUserId: null, details: JSON.stringify({ via: "schedule" }) })]);
    // running again publishes nothing twice
    expect(publishDueCases({ now: later }).published).not.toContain(c.slug);
  });

  it("holds a scheduled case that is no longer ready, and keeps its time", () => {
    const c = createTestCase({ state: "in_review" });
    const at = new Date(Date.now() + 60_000);
    expect(publishCase({ id: c.id, user: admin, reviewedVersion: reviewed(c.id), publishAt: at }).ok).toBe(true);
    getDb().update(cases).set({ story: "" }).where(eq(cases.id, c.id)).run();
    const result = publishDueCases({ now: new Date(at.getTime() + 1) });
    expect(result.held).toContainEqual({ slug: c.slug, reasons: [expect.stringContaining("story is empty")] });
    expect(row(c.id)).toMatchObject({ state: "in_review", publishAt: at });
  });

  it("refuses a time after the deadline, and can be cancelled", () => {
    const c = createTestCase({ state: "in_review", actBefore: day(2) });
    expect(publishCase({ id: c.id, user: admin, reviewedVersion: reviewed(c.id), publishAt: new Date(Date.now() + 10 * 86_400_000) })).toMatchObject({ ok: false, code: "invalid", errors: { publishAt: [expect.any(String)] } });
    expect(publishCase({ id: c.id, user: admin, reviewedVersion: reviewed(c.id), publishAt: new Date(Date.now() + 3_600_000) }).ok).toBe(true);
    expect(cancelScheduledPublish({ id: c.id, user: admin }).ok).toBe(true);
    expect(row(c.id).publishAt).toBeNull();
  });
});
