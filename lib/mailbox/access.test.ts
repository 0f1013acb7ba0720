import { describe, expect, it } from "vitest";
import { isMailboxCode, mailboxAccessCode } from "./access-code";

describe("the mailbox access code", () => {
  it("is long, random and stable for the life of the process", () => {
    const code = mailboxAccessCode();
    expect(code).toMatch(/^[A-Za-z0-9_-]{24,}$/);
    expect(mailboxAccessCode()).toBe(code);
  });

  it("opens only with the exact code", () => {
    const code = mailboxAccessCode();
    expect(isMailboxCode(code)).toBe(true);
    for (const wrong of [undefined, null, "", code.slice(0, -1), `${code}x`, code.toUpperCase() === code ? code.toLowerCase() : code.toUpperCase()]) {
      expect(isMailboxCode(wrong)).toBe(false);
    }
  });
});
