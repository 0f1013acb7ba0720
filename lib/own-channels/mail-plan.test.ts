import { describe, expect, it } from "vitest";
import { fallbackSubjectFor, ownMailLength, ownMailLinks, ownMailPlan, type MailLetter } from "./mail-plan";

const letter = (targetId: string, role: "primary" | "copy", email: string | null): MailLetter => ({ targetId, role, email, subject: `To ${targetId}`, body: `Dear ${targetId},\nFree him.` });

describe("ownMailPlan", () => {
  it("writes to each primary official with an address, copy targets in Cc, officials without one left out", () => {
    const plan = ownMailPlan([letter("p1", "primary", "p1@example.org"), letter("p2", "primary", null), letter("c1", "copy", "c1@example.org"), letter("c2", "copy", " ")]);
    expect(plan).toEqual([{ targetId: "p1", to: "p1@example.org", cc: ["c1@example.org"], ccTargetIds: ["c1"], subject: "To p1", body: "Dear p1,\nFree him." }]);
  });

  it("gives each copy target its own letter when no primary official has an address", () => {
    const plan = ownMailPlan([letter("p1", "primary", null), letter("c1", "copy", "c1@example.org"), letter("c2", "copy", "c2@example.org")]);
    expect(plan.map((m) => [m.targetId, m.to, m.cc])).toEqual([
      ["c1", "c1@example.org", []],
      ["c2", "c2@example.org", []],
    ]);
  });

  it("measures and links the same mail, and leaves an address that is not plain out of any link", () => {
    const [mail] = ownMailPlan([letter("p1", "primary", "p1@example.org"), letter("c1", "copy", "c1@example.org")]);
    const fallback = fallbackSubjectFor({ personName: "Li Qiaochu", reference: "UA 1/26" });
    const links = ownMailLinks(mail!, fallback);
    expect(links?.fits && links.mailto.length).toBe(ownMailLength(mail!, fallback));
    const bad = { ...mail!, to: "p1@example.org, attacker@example.net" };
    expect(ownMailLinks(bad, fallback)).toBeNull();
    expect(ownMailLength(bad, fallback)).toBeNull();
  });
});
