import { describe, expect, it } from "vitest";
import { mailboxVisibleTo } from "./queries";

describe("mailboxVisibleTo", () => {
  const local = { client: "127.0.0.1", forwarded: false, trustProxy: false, allowRemote: false };

  it("shows the mailbox to a browser on this machine", () => {
    expect(mailboxVisibleTo(local)).toBe(true);
    expect(mailboxVisibleTo({ ...local, client: "::1" })).toBe(true);
  });

  it("hides it from everyone else, including visitors a local proxy passes on", () => {
    expect(mailboxVisibleTo({ ...local, client: "203.0.113.9" })).toBe(false);
    // nginx on this machine without TRUST_PROXY: the socket is loopback, the visitor is not
    expect(mailboxVisibleTo({ ...local, forwarded: true })).toBe(false);
    // with TRUST_PROXY the client address is the proxy's report, and that decides
    expect(mailboxVisibleTo({ ...local, forwarded: true, trustProxy: true, client: "198.51.100.4" })).toBe(false);
    expect(mailboxVisibleTo({ ...local, forwarded: true, trustProxy: true, client: "127.0.0.1" })).toBe(true);
  });

  it("shows it to anyone only when MAILBOX_ALLOW_REMOTE says so", () => {
    expect(mailboxVisibleTo({ ...local, client: "203.0.113.9", allowRemote: true })).toBe(true);
  });
});
