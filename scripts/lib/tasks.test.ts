import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dependenciesMatchLock, productionServer, root } from "./tasks.mjs";

type Packages = Record<string, { version: string; integrity?: string; optional?: boolean }>;

function project({ wanted, installed }: { wanted: Packages; installed?: Packages }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-tasks-"));
  fs.writeFileSync(path.join(dir, "package-lock.json"), JSON.stringify({ lockfileVersion: 3, packages: { "": { name: "x" }, ...wanted } }));
  if (installed) {
    fs.mkdirSync(path.join(dir, "node_modules"));
    fs.writeFileSync(path.join(dir, "node_modules", ".package-lock.json"), JSON.stringify({ lockfileVersion: 3, packages: installed }));
  }
  return dir;
}

const zod = { "node_modules/zod": { version: "4.6.7", integrity: "sha512-a" } };
const esbuildArm = { "node_modules/@esbuild/android-arm": { version: "0.25.0", integrity: "sha512-b", optional: true } };

describe("dependenciesMatchLock", () => {
  it("accepts an install that matches the lock, whatever the files' times", () => {
    const dir = project({ wanted: zod, installed: zod });
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(dir, "package-lock.json"), later, later);
    expect(dependenciesMatchLock({ dir })).toBe(true);
  });

  it("accepts a skipped optional package (another platform's binary)", () => {
    expect(dependenciesMatchLock({ dir: project({ wanted: { ...zod, ...esbuildArm }, installed: zod }) })).toBe(true);
  });

  it("asks for an install when node_modules is missing, a package is missing, differs or is no longer wanted", () => {
    expect(dependenciesMatchLock({ dir: project({ wanted: zod }) })).toBe(false);
    expect(dependenciesMatchLock({ dir: project({ wanted: zod, installed: {} }) })).toBe(false);
    expect(dependenciesMatchLock({ dir: project({ wanted: zod, installed: { "node_modules/zod": { version: "4.6.6", integrity: "sha512-a" } } }) })).toBe(false);
    expect(dependenciesMatchLock({ dir: project({ wanted: zod, installed: { "node_modules/zod": { version: "4.6.7", integrity: "sha512-z" } } }) })).toBe(false);
    expect(dependenciesMatchLock({ dir: project({ wanted: {}, installed: zod }) })).toBe(false);
  });
});

describe("productionServer", () => {
  it("starts serve.mjs with V8 flags this Node knows and applies, and malloc's setting in the environment", () => {
    expect(productionServer.args.at(-1)).toBe("scripts/serve.mjs");
    expect(fs.existsSync(path.join(root, "scripts", "serve.mjs"))).toBe(true);
    // a young generation grown by a few million short-lived objects; Node refuses a flag it does not know (exit 9)
    const probe = `const v8 = require("node:v8");
      let garbage = [];
      for (let i = 0; i < 3e6; i++) garbage.push({ i });
      garbage = null;
      const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
      process.stdout.write(JSON.stringify({ youngMb: young.space_size / 2 ** 20, arenas: process.env.MALLOC_ARENA_MAX }));`;
    const run = (flags: string[]) =>
      spawnSync(process.execPath, [...flags, "-e", probe], { env: { ...process.env, ...productionServer.env }, encoding: "utf8" });
    const tuned = run(productionServer.args.slice(0, -1));
    expect(tuned.stderr).toBe("");
    expect(tuned.status).toBe(0);
    const seen = JSON.parse(tuned.stdout);
    expect(seen.arenas).toBe("2");
    expect(seen.youngMb).toBeLessThan(JSON.parse(run([]).stdout).youngMb);
  });
});
