// appSecret with no AUTH_SECRET: the kept file is made 0600 in a 0700 folder, and a short one stops start-up.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { setEnv } from "@/tests/support/test-database";
import { EnvError } from "../env";
import { appSecret } from "./secret";

const mode = (p: string) => fs.statSync(p).mode & 0o777;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A DATABASE_URL in a new temp folder (data/ not made yet), no AUTH_SECRET. */
function freshDataFolder(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-secret-"));
  const data = path.join(root, "data");
  const restore = setEnv({ AUTH_SECRET: undefined, DATABASE_URL: `file:${path.join(data, "vigil.db")}` });
  cleanups.push(() => {
    restore();
    fs.rmSync(root, { recursive: true, force: true });
  });
  return data;
}

describe("appSecret without AUTH_SECRET", () => {
  it("makes data/ 0700 and data/auth-secret 0600, with a long random secret, and keeps using it", () => {
    const data = freshDataFolder();
    const secret = appSecret();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(mode(data)).toBe(0o700);
    expect(mode(path.join(data, "auth-secret"))).toBe(0o600);
    expect(fs.readFileSync(path.join(data, "auth-secret"), "utf8")).toBe(secret);
    expect(appSecret()).toBe(secret);
  });

  it("refuses a kept file shorter than 32 characters, saying how to make one", () => {
    const data = freshDataFolder();
    fs.mkdirSync(data, { recursive: true });
    fs.writeFileSync(path.join(data, "auth-secret"), "too-short\n", { mode: 0o644 });
    let thrown: unknown;
    try {
      appSecret();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EnvError);
    expect((thrown as Error).message).toContain("holds 9 characters, at least 32 are needed");
    expect((thrown as Error).message).toContain("openssl rand -base64 32");
    // and a readable copy is tightened even so
    expect(mode(path.join(data, "auth-secret"))).toBe(0o600);
  });

  it("uses a kept file of 32 characters or more as it is", () => {
    const data = freshDataFolder();
    fs.mkdirSync(data, { recursive: true });
    const kept = "k".repeat(32);
    fs.writeFileSync(path.join(data, "auth-secret"), `${kept}\n`);
    expect(appSecret()).toBe(kept);
  });
});
