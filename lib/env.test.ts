import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error("expected parseEnv to refuse the configuration");
}

describe("parseEnv", () => {
  it("takes DKIM settings all together or not at all, and checks the key at start-up", () => {
    expect(parseEnv({})).toMatchObject({ dkim: null, bounceDomain: "vigil.example.org", BOUNCE_SWITCH_AFTER: 3 });
    expect(parseEnv({ MAIL_FROM: "a@Org.Example", BOUNCE_DOMAIN: "Bounces.Example.org" }).bounceDomain).toBe("bounces.example.org");
    expect(problemsOf({ DKIM_DOMAIN: "example.org" })[0]).toMatch(/^DKIM_DOMAIN: .*together/);
    expect(problemsOf({ DKIM_DOMAIN: "example.org", DKIM_SELECTOR: "s1", DKIM_PRIVATE_KEY: "not a key" })[0]).toMatch(/^DKIM_PRIVATE_KEY: not a PEM private key/);
    expect(problemsOf({ DKIM_DOMAIN: "example.org", DKIM_SELECTOR: "s1", DKIM_PRIVATE_KEY_FILE: "/nonexistent/key.pem" })[0]).toMatch(/^DKIM_PRIVATE_KEY_FILE: cannot read/);
    expect(problemsOf({ BOUNCE_DOMAIN: "not a domain", BOUNCE_SMTP_PORT: "70000", DKIM_SELECTOR: "a b" }).map((p) => p.split(":")[0]).toSorted()).toEqual(["BOUNCE_DOMAIN", "BOUNCE_SMTP_PORT", "DKIM_SELECTOR"]);
  });

  it("sets up printed letters: A4, the organisation from MAIL_FROM_NAME, a clearly-demo return address, lines split on | or newline", () => {
    expect(parseEnv({})).toMatchObject({ PRINT_PAPER: "A4", orgName: "Vigil", ORG_RETURN_ADDRESS: ["1 Example Street (demo address)", "London EC1A 1AA", "United Kingdom"] });
    expect(parseEnv({ MAIL_FROM_NAME: "Write for Rights", PRINT_PAPER: "Letter" })).toMatchObject({ PRINT_PAPER: "Letter", orgName: "Write for Rights" });
    expect(parseEnv({ ORG_NAME: "Vigil Campaigns", ORG_RETURN_ADDRESS: "Vigil Campaigns | 12 Example Street\nLondon N1 9GU" })).toMatchObject({
      orgName: "Vigil Campaigns",
      ORG_RETURN_ADDRESS: ["Vigil Campaigns", "12 Example Street", "London N1 9GU"],
    });
    expect(problemsOf({ PRINT_PAPER: "A5", ORG_RETURN_ADDRESS: "a|b|c|d|e|f|g" }).map((p) => p.split(":")[0]).toSorted()).toEqual(["ORG_RETURN_ADDRESS", "PRINT_PAPER"]);
  });

  it("has working defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe("file:./data/vigil.db");
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.REPLY_TO).toBeUndefined();
    expect(env.AUTH_SECRET).toBeUndefined();
    expect(env.TRUST_PROXY).toEqual([]);
    expect(env.MAIL_FROM).toBe("appeals@vigil.example.org");
    expect(env.appUrl).toBe("http://localhost:3000");
    expect(env.mailDomain).toBe("vigil.example.org");
    expect(env.RATE_LIMIT_PER_EMAIL).toBe(5);
    expect(env.RATE_LIMIT_PER_CLIENT).toBe(120);
    expect(env.OUTBOX_MAX_ATTEMPTS).toBe(20);
    expect(env.PACE_DEFAULT_PER_HOUR).toBe(20);
    expect(env.PACE_DOMAIN_PER_HOUR).toBe(120);
  });

  it("reads the pacing defaults", () => {
    expect(parseEnv({ PACE_DEFAULT_PER_HOUR: "60", PACE_DOMAIN_PER_HOUR: "90" })).toMatchObject({ PACE_DEFAULT_PER_HOUR: 60, PACE_DOMAIN_PER_HOUR: 90 });
    expect(parseEnv({ PACE_DOMAIN_PER_HOUR: "0" }).PACE_DOMAIN_PER_HOUR).toBe(0);
  });

  it("treats an empty variable as unset", () => {
    const env = parseEnv({ PORT: "", SMTP_URL: "", MAIL_FROM: "" });
    expect(env.PORT).toBe(3000);
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.MAIL_FROM).toBe("appeals@vigil.example.org");
  });

  it("reads good values and derives the app URL and mail domain", () => {
    const env = parseEnv({
      PORT: "8080",
      APP_URL: "https://appeals.example.org/",
      SMTP_URL: "smtps://user:pass@mail.example.org:465",
      MAIL_FROM: "letters@appeals.example.org",
      TRUST_PROXY: "1",
      OUTBOX_RETRY_BASE_MS: "50",
    });
    expect(env).toMatchObject({ PORT: 8080, TRUST_PROXY: ["127.0.0.0/8", "::1/128"], OUTBOX_RETRY_BASE_MS: 50 });
    expect(parseEnv({ TRUST_PROXY: "10.0.0.5,fd00::/8" }).TRUST_PROXY).toEqual(["10.0.0.5/32", "fd00::/8"]);
    expect(env.appUrl).toBe("https://appeals.example.org");
    expect(env.mailDomain).toBe("appeals.example.org");
    expect(parseEnv({ PORT: "8080" }).appUrl).toBe("http://localhost:8080");
  });

  it("names every bad variable at once", () => {
    const problems = problemsOf({ PORT: "abc", SMTP_URL: "http://x", MAIL_FROM: "a b", DATABASE_URL: "postgres://db" });
    expect(problems.map((p) => p.split(":")[0]).toSorted()).toEqual(["DATABASE_URL", "MAIL_FROM", "PORT", "SMTP_URL"]);
    expect(problems.find((p) => p.startsWith("SMTP_URL:"))).toContain("smtp://host:port");
  });

  it("reads the fax gateway and the gap between faxes to one number", () => {
    expect(parseEnv({}).FAX_GATEWAY).toBeUndefined();
    expect(parseEnv({}).FAX_GAP_SECONDS).toBe(120);
    expect(parseEnv({ FAX_GATEWAY: "{number}@fax.example.net", FAX_GAP_SECONDS: "0" })).toMatchObject({
      FAX_GATEWAY: "{number}@fax.example.net",
      FAX_GAP_SECONDS: 0,
    });
  });

  it("says what is wrong with a fax gateway that has no {number} or is not a plain address", () => {
    expect(problemsOf({ FAX_GATEWAY: "fax@example.net" })).toEqual([
      "FAX_GATEWAY: must contain {number} where the fax number goes, e.g. {number}@fax.example.net",
    ]);
    expect(problemsOf({ FAX_GATEWAY: "{number}@fax" })[0]).toMatch(/^FAX_GATEWAY: must be one plain email address once \{number\} is filled in \(got 861065292345@fax\)/);
  });

  it("puts every problem in the error message", () => {
    let error: unknown;
    try {
      parseEnv({ PORT: "70000", AUTH_SECRET: "short" });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as Error).message).toMatch(/PORT:.*\n.*AUTH_SECRET: must be at least 32 characters; make one with: openssl rand -base64 32/);
  });

  it.each([
    ["REPLY_TO", "appeals@example.org\r\nBcc: x@example.org"],
    ["REPLY_TO", "Appeals <appeals@example.org>"],
    ["MAIL_FROM", "a@example.org, b@example.org"],
    ["APP_URL", "javascript:alert(1)"],
    ["TRUST_PROXY", "yes"],
    ["TRUST_PROXY", "10.0.0.0/8, proxy.internal"],
    ["OUTBOX_MAX_ATTEMPTS", "0"],
    ["RATE_LIMIT_PER_EMAIL", "-1"],
    ["OUTBOX_LEASE_MS", "1.5"],
    ["FAX_GATEWAY", "fax@example.net"],
    ["FAX_GATEWAY", "{number} <{number}@fax.example.net>"],
    ["FAX_GAP_SECONDS", "-5"],
    ["PACE_DEFAULT_PER_HOUR", "0"],
    ["PACE_DEFAULT_PER_HOUR", "2.5"],
    ["PACE_DOMAIN_PER_HOUR", "-10"],
    ["PACE_DOMAIN_PER_HOUR", "1.5"],
  ])("refuses %s=%j", (name, value) => {
    expect(problemsOf({ [name]: value }).map((p) => p.split(":")[0])).toEqual([name]);
  });
});
