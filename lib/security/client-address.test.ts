import { describe, expect, it } from "vitest";
import { rateLimitUnit } from "./client-address";

describe("rateLimitUnit", () => {
  it("counts an IPv4 address as itself, also when IPv4-mapped", () => {
    expect(rateLimitUnit("203.0.113.7")).toBe("203.0.113.7");
    expect(rateLimitUnit("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("counts every address of one IPv6 /64 together", () => {
    const unit = rateLimitUnit("2001:db8:85a3:12:1:2:3:4");
    expect(unit).toBe("2001:db8:85a3:12::/64");
    expect(rateLimitUnit("2001:0db8:85a3:0012:ffff::1")).toBe(unit);
    expect(rateLimitUnit("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(rateLimitUnit("2001:db8:85a3:13::1")).not.toBe(unit);
  });
});
