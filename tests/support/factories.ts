// Test data: every test makes its own case, so counts are exact and tests never depend on each other or on
// demo rows. Writes through the same drizzle schema as the app. No `server-only` imports: Playwright (e2e/)
// loads this file in plain Node, and it reads DATABASE_URL when called, not when imported.
import crypto from "node:crypto";
import { writeTransaction } from "@/db/client";
import { cases, letterTemplates, targets, type CaseState } from "@/db/schema";

export type TestTarget = {
  title?: string;
  name?: string | null;
  office?: string | null;
  /** null makes a target reached by post only */
  email?: string | null;
  fax?: string | null;
  salutation?: string;
  language?: string;
  role?: "primary" | "copy";
  /** "mission": a routed copy to the mission of `missionOf` (default: the case's country, CN) in the supporter's country */
  routing?: "fixed" | "mission";
  missionOf?: string | null;
};

export type TestTemplate = { language?: string; subject?: string; body?: string };

export const DEFAULT_LETTER_SUBJECT = "Release {{case.personName}} ({{case.reference}})";
export const DEFAULT_LETTER_BODY = `{{target.salutation}},

I am writing to urge you to release {{case.personName}} ({{case.reference}}) immediately and unconditionally.

{{supporter.message}}

Yours sincerely,
{{supporter.name}}
{{supporter.country}}
{{date}}`;

export type CreatedTestCase = {
  id: string;
  slug: string;
  reference: string;
  title: string;
  personName: string;
  targets: { id: string; email: string | null; title: string; name: string | null; language: string }[];
  templateIds: string[];
};

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** Inserts a case with its targets (emails @example.org, unique per call) and its letter template(s).
 * Defaults: published, open for 30 more days, two targets, one English template using every merge field. */
export function createTestCase({
  targets: targetSpec = 2,
  state = "published",
  actBefore = isoDay(30),
  template,
  personName = "Li Qiaochu",
  languages = "en",
}: {
  targets?: number | TestTarget[];
  state?: CaseState;
  actBefore?: string;
  template?: TestTemplate | TestTemplate[];
  personName?: string;
  languages?: string;
} = {}): CreatedTestCase {
  const id = crypto.randomUUID();
  const suffix = id.slice(0, 8);
  const slug = `test-case-${suffix}`;
  const reference = `UA ${suffix}`;
  const title = `Test case ${suffix}`;
  const now = new Date();
  const specs: TestTarget[] = typeof targetSpec === "number" ? Array.from({ length: targetSpec }, () => ({})) : targetSpec;
  const templates = (Array.isArray(template) ? template : [template ?? {}]).map((t) => ({
    language: t.language ?? "en",
    subject: t.subject ?? DEFAULT_LETTER_SUBJECT,
    body: t.body ?? DEFAULT_LETTER_BODY,
  }));

  const targetRows = specs.map((spec, position) => ({
    id: crypto.randomUUID(),
    caseId: id,
    position,
    role: spec.role ?? ("primary" as const),
    title: spec.title ?? `Minister ${position + 1}`,
    name: spec.name === undefined ? `Official ${position + 1}` : spec.name,
    office: spec.office ?? null,
    postalAddress: `Office ${position + 1}, Capital City`,
    country: "CN",
    email: spec.email === undefined ? `official-${position + 1}-${suffix}@example.org` : spec.email,
    fax: spec.fax ?? null,
    salutation: spec.salutation ?? "Dear Minister",
    language: spec.language ?? "en",
    routing: spec.routing ?? ("fixed" as const),
    missionOf: spec.missionOf ?? null,
  }));
  const templateRows = templates.map((t) => ({ id: crypto.randomUUID(), caseId: id, ...t, updatedAt: now }));

  writeTransaction((tx) => {
    tx.insert(cases)
      .values({
        id,
        slug,
        reference,
        title,
        personName,
        country: "CN",
        riskStatus: "detained",
        summary: "A test case.",
        story: "A test case, made by a test.",
        actBefore,
        languages,
        goal: 1000,
        state,
        publishedAt: state === "published" || state === "closed" ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    if (targetRows.length > 0) tx.insert(targets).values(targetRows).run();
    tx.insert(letterTemplates).values(templateRows).run();
  });

  return {
    id,
    slug,
    reference,
    title,
    personName,
    targets: targetRows.map((t) => ({ id: t.id, email: t.email, title: t.title, name: t.name, language: t.language })),
    templateIds: templateRows.map((t) => t.id),
  };
}
