import { describe, expect, it } from "vitest";
import { isSameOriginPost } from "./same-origin";

const appUrl = "https://appeals.example.org";
const check = (headers: Record<string, string>) => isSameOriginPost({ headers: new Headers(headers), appUrl });

describe("isSameOriginPost", () => {
  it("accepts this app's origin, and Sec-Fetch-Site same-origin when no Origin was sent", () => {
    expect(check({ origin: "https://appeals.example.org" })).toBe(true);
    expect(check({ "sec-fetch-site": "same-origin" })).toBe(true);
    expect(isSameOriginPost({ headers: new Headers({ origin: "http://localhost:3000" }), appUrl: "http://localhost:3000/" })).toBe(true);
  });

  it("refuses another site, another scheme or port, a subdomain, Origin null, and a request that proves nothing", () => {
    const foreign = ["https://evil.example", "http://appeals.example.org", "https://appeals.example.org:8443", "https://x.appeals.example.org", "null"];
    expect(foreign.filter((origin) => check({ origin }))).toEqual([]);
    // a wrong Origin is not rescued by a Sec-Fetch-Site the client chose
    expect(check({ origin: "https://evil.example", "sec-fetch-site": "same-origin" })).toBe(false);
    expect(["cross-site", "same-site", "none"].filter((site) => check({ "sec-fetch-site": site }))).toEqual([]);
    expect(check({})).toBe(false);
  });
});
