// The content fingerprint changes with every change a supporter or an official would see, and with nothing else.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cases, letterTemplates, targets } from "@/db/schema";
import { createTestCase } from "@/tests/support/factories";
import { useTestDatabase } from "@/tests/support/test-database";
import { caseContentVersion } from "./content-version";

beforeAll(async () => {
  await useTestDatabase();
});

describe("caseContentVersion", () => {
  it("is stable, ignores the lifecycle and changes with a case field, an official's address or a letter", () => {
    const { id: caseId } = createTestCase({});
    const db = getDb();
    const first = caseContentVersion({ db, caseId });
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(caseContentVersion({ db, caseId })).toBe(first);

    db.update(cases).set({ state: "closed", updatedAt: new Date(), closedAt: new Date() }).where(eq(cases.id, caseId)).run();
    expect(caseContentVersion({ db, caseId })).toBe(first);

    db.update(targets).set({ email: "someone-else@example.net" }).where(eq(targets.caseId, caseId)).run();
    const afterAddress = caseContentVersion({ db, caseId });
    expect(afterAddress).not.toBe(first);

    db.update(letterTemplates).set({ body: "Changed." }).where(eq(letterTemplates.caseId, caseId)).run();
    const afterLetter = caseContentVersion({ db, caseId });
    expect(afterLetter).not.toBe(afterAddress);

    db.update(cases).set({ summary: "A new summary" }).where(eq(cases.id, caseId)).run();
    expect(caseContentVersion({ db, caseId })).not.toBe(afterLetter);
  });

  it("is null for a case that does not exist", () => {
    expect(caseContentVersion({ db: getDb(), caseId: "no-such-case" })).toBeNull();
  });
});
