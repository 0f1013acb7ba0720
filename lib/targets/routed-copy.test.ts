// A routed copy ("the embassy of <state> in your country") against a real SQLite file: added once per state,
// stored without an address of its own, never edited through the official's form.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, targets } from "@/db/schema";
import { inviteUser } from "../auth/commands/invite-user";
import { createTestCase } from "@/tests/support/factories";
import { useTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { addRoutedCopy } from "./add-routed-copy";
import { listTargetsByCase } from "./queries";
import { languageChoices, parseTargetForm, RoutedCopySchema, routedCopyTitle } from "./schemas";
import { updateTarget } from "./update-target";

let database: TestDatabase;
let actorId: string;
beforeAll(async () => {
  database = await useTestDatabase();
  // an admin: on a published case a campaigner's change waits for approval (issue 8; lib/revisions/revisions.test.ts)
  actorId = inviteUser({ email: `routed-${Date.now()}@staff.example.org`, role: "admin" }).userId;
});
afterAll(() => database.close());

describe("addRoutedCopy", () => {
  it("adds the copy at the end of the list: no address, greeted “Your Excellency”, routed to the state's missions", () => {
    const c = createTestCase({ targets: 2, languages: "zh,en" });
    const added = addRoutedCopy({ caseId: c.id, missionOf: "CN", actorId });
    expect(added.result).toBe("added");
    const rows = listTargetsByCase({ caseId: c.id });
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatchObject({
      id: added.result === "added" ? added.targetId : "",
      position: 2,
      role: "copy",
      title: "The embassy of China in your country",
      name: null,
      office: null,
      postalAddress: "",
      email: null,
      fax: null,
      salutation: "Your Excellency",
      language: "zh",
      routing: "mission",
      missionOf: "CN",
    });
    const audit = getDb().select().from(auditLog).where(and(eq(auditLog.subjectId, c.id), eq(auditLog.action, "targets.edit"))).all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ change: "add" });
  });

  it("adds one copy per state: a second would send each mission the letter twice", () => {
    const c = createTestCase({ targets: 1 });
    const first = addRoutedCopy({ caseId: c.id, missionOf: "CN", actorId });
    const again = addRoutedCopy({ caseId: c.id, missionOf: "CN", actorId });
    expect(again).toEqual({ result: "exists", targetId: first.result === "added" ? first.targetId : "" });
    expect(addRoutedCopy({ caseId: c.id, missionOf: "RU", actorId }).result).toBe("added");
    expect(listTargetsByCase({ caseId: c.id }).map((t) => t.missionOf)).toEqual([null, "CN", "RU"]);
  });

  it("answers gone for a case that does not exist, and writes nothing", () => {
    expect(addRoutedCopy({ caseId: "no-such-case", missionOf: "CN", actorId })).toEqual({ result: "gone" });
    expect(getDb().select().from(targets).where(eq(targets.caseId, "no-such-case")).all()).toEqual([]);
  });

  it("is never changed through the official's form, which would give it an address and a title of its own", () => {
    const c = createTestCase({ targets: 1 });
    const added = addRoutedCopy({ caseId: c.id, missionOf: "CN", actorId });
    if (added.result !== "added") throw new Error("not added");
    const parsed = parseTargetForm(
      (name) => ({ role: "copy", title: "Ambassador", postalAddress: "1 Embassy Road", country: "NO", salutation: "Dear Ambassador", language: "en" })[name],
      languageChoices(["en"]),
    );
    if (!parsed.ok) throw new Error("the official's form should parse");
    expect(updateTarget({ caseId: c.id, targetId: added.targetId, input: parsed.data, actorId })).toBe(false);
    expect(listTargetsByCase({ caseId: c.id })[1]).toMatchObject({ title: "The embassy of China in your country", postalAddress: "" });
  });
});

describe("the routed copy's schema", () => {
  it("takes a state from the country list only", () => {
    expect(RoutedCopySchema.safeParse({ missionOf: "CN" }).success).toBe(true);
    for (const missionOf of ["", "XX", "cn", undefined]) {
      const result = RoutedCopySchema.safeParse({ missionOf });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/Choose the state whose embassies get the copy/);
    }
    expect(routedCopyTitle("Russia")).toBe("The embassy of Russia in your country");
  });

  it("leaves the official's form as strict as it was: an official still needs a postal address", () => {
    const parsed = parseTargetForm(
      (name) => ({ role: "copy", title: "Ambassador", postalAddress: "", country: "NO", salutation: "Dear Ambassador", language: "en" })[name],
      languageChoices(["en"]),
    );
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.errors.postalAddress).toEqual(["Enter the postal address, one line per line of the envelope."]);
  });
});
