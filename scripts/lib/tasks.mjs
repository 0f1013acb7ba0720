// Shared steps of `npm start` and `npm test`. Plain Node, no dependencies: they run before npm install has.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { compressStaticAndReport } from "./compress-static.mjs";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...options.env } });
  if (result.status !== 0) {
    const what = [command, ...args].join(" ");
    throw new Error(`${what} failed${result.signal ? ` (${result.signal})` : ` with exit code ${result.status}`}`);
  }
}

export function runBin(name, args, options) {
  run(bin(name), args, options);
}

/** Whether node_modules holds what package-lock.json asks for, judged from npm's own record of the installed tree
 * (node_modules/.package-lock.json) by content, not by file times: a fresh checkout or a git worktree has a lock
 * file newer than an install that matches it exactly. */
export function dependenciesMatchLock({ dir = root } = {}) {
  const read = (file) => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")).packages ?? {};
  let wanted, installed;
  try {
    wanted = read("package-lock.json");
    installed = read("node_modules/.package-lock.json");
  } catch {
    return false;
  }
  for (const [key, want] of Object.entries(wanted)) {
    if (key === "") continue;
    const have = installed[key];
    // an optional package npm skipped is one for another platform (esbuild's, sharp's binaries)
    if (!have) {
      if (want.optional) continue;
      return false;
    }
    if (have.version !== want.version || (want.integrity && have.integrity !== want.integrity)) return false;
  }
  return Object.keys(installed).every((key) => key in wanted);
}

/** Runs `npm ci` when node_modules is missing or does not match package-lock.json. */
export function ensureDependencies() {
  if (dependenciesMatchLock()) return;
  console.log("Installing dependencies (npm ci; better-sqlite3 compiles SQLite, about a minute)...");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

// What the production build is made of. tests/ and e2e/ are left out on purpose (and *.test.ts files skipped):
// editing test support must not force a new build.
const SOURCES = ["app", "components", "lib", "db", "emails", "public", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

function sourceHash() {
  const hash = crypto.createHash("sha256");
  const walk = (p) => {
    const full = path.join(root, p);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) walk(path.join(p, name));
    } else if (!/\.test\.tsx?$/.test(p)) {
      hash.update(p).update("\0").update(fs.readFileSync(full)).update("\0");
    }
  };
  SOURCES.forEach(walk);
  return hash.digest("hex");
}

/** Runs `next build` unless .next holds a build of exactly these sources. */
// the hash of the sources the build in .next was made from, written once it is complete
const buildStamp = path.join(root, ".next", "vigil-source-hash");

export function ensureBuild() {
  const current = sourceHash();
  if (fs.existsSync(buildStamp) && fs.readFileSync(buildStamp, "utf8") === current && fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    return;
  }
  build(current);
}

/** `next build`, the compressed copies, and the stamp that lets the next `npm start` or `npm test` use this build
 * (`npm run build` too: without the stamp, the first `npm start` after it built again). */
export function build(current = sourceHash()) {
  console.log("Building (next build)...");
  fs.rmSync(buildStamp, { force: true }); // a build that fails half-way is not taken for this one
  runBin("next", ["build"]);
  // brotli and gzip copies of the built scripts and styles, sent as they are (lib/http/static-assets.ts)
  compressStaticAndReport(path.join(root, ".next", "static"));
  fs.writeFileSync(buildStamp, current);
}

/** How the production server process starts, the one way `npm start`, the benchmark and the end-to-end tests launch
 * scripts/serve.mjs (decision 030): V8's flags go on the command line and malloc's setting in the environment,
 * because both are read once, when the process starts. `npm run dev` (next dev) keeps Node's defaults. */
export const productionServer = {
  args: [
    // a young generation of 2 × 4 MB, not 2 × 16 MB: a request's garbage is still collected there
    "--max-semi-space-size=4",
    // the old generation may grow by half of what survived its last collection before the next one, not up to
    // 4×: Next's server holds about 75 MB live, which V8 otherwise let grow past 500 MB before collecting.
    // Both cost collections: about a fifth more CPU per fully rendered page, little for cached pages and signing
    "--heap-growing-percent=50",
    "scripts/serve.mjs",
  ],
  // glibc gives every thread that allocates (libuv's pool compressing pages, the outbox thread, V8's helpers)
  // an arena of its own and keeps what it frees there: two arenas hold the same work in less memory
  env: { MALLOC_ARENA_MAX: "2" },
};

/** Node flags for scripts that import the app's server modules outside Next. */
export const serverConditions = ["--conditions=react-server"];
