import { afterEach, describe, expect, it, vi } from "vitest";
import { describeFailure, logFailure } from "./log-failure";

afterEach(() => vi.restoreAllMocks());

describe("describeFailure", () => {
  it("names the error and the first identifier-shaped code in its causes", () => {
    const smtp = Object.assign(new Error("550 <zhang.wei@supporters.example.net>: no such user"), { code: "EENVELOPE" });
    expect(describeFailure(new Error("outer", { cause: smtp }))).toBe("Error/EENVELOPE");
    expect(describeFailure(new TypeError("x"))).toBe("TypeError");
    expect(describeFailure("a thrown string with Zhang Wei")).toBe("non-error value");
  });

  it("prints no name or code that is not shaped like an identifier", () => {
    const odd = Object.assign(new Error("m"), { name: "Zhang Wei 张伟", code: "zhang.wei@example.net" });
    expect(describeFailure(odd)).toBe("Error");
  });

  it("logs one line with where it happened", () => {
    const lines: unknown[][] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args));
    logFailure("retention job", Object.assign(new Error("params: Zhang"), { code: "SQLITE_BUSY" }));
    expect(lines).toEqual([["[retention job] failed: Error/SQLITE_BUSY"]]);
  });
});
