import { describe, expect, it } from "vitest";
import { isThisMachine, mailboxOpenUrl, mailboxStartNotice, mailboxStartProblem } from "./start-up";

describe("mailboxStartProblem", () => {
  const mailbox = { smtpUrl: undefined, demo: false };

  it("lets the mailbox run when APP_URL is this machine", () => {
    for (const appUrl of ["http://localhost:3000", "http://127.0.0.1:3000", "http://127.8.9.10", "http://[::1]:3000", "http://app.localhost:3000"]) {
      expect({ appUrl, problem: mailboxStartProblem({ ...mailbox, appUrl }) }).toEqual({ appUrl, problem: null });
    }
  });

  it("refuses the mailbox when APP_URL is another host, a private address included", () => {
    for (const appUrl of ["https://appeals.example.org", "http://192.168.1.20:3000", "http://10.0.0.5", "http://[fd00::1]:3000", "http://localhost.example.org", "http://128.0.0.1"]) {
      expect(mailboxStartProblem({ ...mailbox, appUrl }) ?? `no problem for ${appUrl}`).toMatch(/MAILBOX_DEMO=true/);
    }
  });

  it("lets a remote APP_URL run with SMTP_URL, or with the explicit demo flag", () => {
    expect(mailboxStartProblem({ smtpUrl: "smtp://mail.example.org:587", demo: false, appUrl: "https://appeals.example.org" })).toBeNull();
    expect(mailboxStartProblem({ smtpUrl: undefined, demo: true, appUrl: "https://appeals.example.org" })).toBeNull();
  });
});

describe("isThisMachine", () => {
  it("knows loopback names only", () => {
    expect(["localhost", "LOCALHOST", "127.0.0.1", "[::1]", "::1"].every(isThisMachine)).toBe(true);
    expect(["example.org", "0.0.0.0", "::", "::ffff:10.0.0.1", "127.0.0.1.nip.io"].some(isThisMachine)).toBe(false);
  });
});

describe("mailboxStartNotice", () => {
  it("says that no mail leaves and gives the link with its code", () => {
    const notice = mailboxStartNotice({ appUrl: "http://localhost:3000", code: "a-b_c" });
    expect(notice).toContain("NO MAIL LEAVES THIS SERVER");
    expect(notice).toContain("http://localhost:3000/mailbox/open?code=a-b_c");
    expect(mailboxOpenUrl({ appUrl: "http://localhost:3000", code: "x y" })).toBe("http://localhost:3000/mailbox/open?code=x%20y");
  });
});
