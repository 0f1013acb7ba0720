// `npm test`: install what the tests need (dependencies, Debian's Chromium), then typecheck, lint, unit and
// integration tests, a production build and the end-to-end tests. Stops at the first failure, non-zero.
import fs from "node:fs";
import { ensureBuild, ensureDependencies, run, runBin } from "./lib/tasks.mjs";

function aptInstall(packages) {
  const sudo = process.getuid && process.getuid() !== 0 ? ["sudo"] : [];
  const aptEnv = { env: { DEBIAN_FRONTEND: "noninteractive" } };
  const apt = (args) => (sudo.length ? run("sudo", ["apt-get", ...args], aptEnv) : run("apt-get", args, aptEnv));
  apt(["update"]);
  apt(["install", "-y", "--no-install-recommends", ...packages]);
}

function ensureChromium() {
  if (fs.existsSync("/usr/bin/chromium")) return;
  console.log("Installing Debian's Chromium for the end-to-end tests...");
  aptInstall(["chromium"]);
}

// the letter PDF tests read their output back with poppler's pdftotext, pdfinfo and pdftoppm
function ensurePoppler() {
  if (fs.existsSync("/usr/bin/pdftotext")) return;
  console.log("Installing Debian's poppler-utils for the letter PDF tests...");
  aptInstall(["poppler-utils"]);
}

const steps = [
  ["dependencies", ensureDependencies],
  ["chromium", ensureChromium],
  ["poppler", ensurePoppler],
  ["typecheck", () => runBin("tsc", ["--noEmit"])],
  ["lint", () => runBin("oxlint", ["--deny-warnings"])],
  ["unit and integration tests", () => runBin("vitest", ["run"])],
  ["build", ensureBuild],
  ["end-to-end tests", () => runBin("playwright", ["test"])],
];

for (const [name, step] of steps) {
  console.log(`\n=== ${name} ===`);
  try {
    step();
  } catch (error) {
    console.error(`\n${name} failed: ${error.message}`);
    process.exit(1);
  }
}
console.log("\nAll checks passed.");
