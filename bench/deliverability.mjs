// `node bench/deliverability.mjs` (also the last step of `npm run bench`): how a spam filter scores what Vigil
// sends. Makes a confirmation email, an appeal, an update notice and two digests (inline, PDF) with the app's own builders (through the
// built-in mailbox, which keeps the raw RFC 822 text exactly as an SMTP server would receive it), pipes each to
// Debian's SpamAssassin with local tests only (no network, no DNS blocklists) and prints each score. Target: ≤ 1.0
// for each. Numbers, not assertions: record them in docs/benchmarks.md. Installs spamassassin with apt-get when
// it is missing (as root): never part of `npm test`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "../scripts/lib/tasks.mjs";

const TARGET = 1.0;

function ensureSpamAssassin() {
  if (spawnSync("sh", ["-c", "command -v spamassassin"], { stdio: "ignore" }).status === 0) return;
  console.log("spamassassin is missing: installing Debian's package (apt-get install -y spamassassin)");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const run = (args) => spawnSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (run(["apt-get", "install", "-y", "spamassassin"]).status !== 0) {
    run(["apt-get", "update"]);
    if (run(["apt-get", "install", "-y", "spamassassin"]).status !== 0) throw new Error("could not install spamassassin");
  }
}

ensureSpamAssassin();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-deliverability-"));
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: `file:${path.join(dir, "vigil.db")}`,
  APP_URL: process.env.BENCH_APP_URL || "https://appeals.vigil.example.org",
  MAIL_FROM: process.env.MAIL_FROM || "appeals@vigil.example.org",
  MAILBOX_DEMO: "true",
};
delete env.SMTP_URL; // the built-in mailbox keeps the raw text
const tsx = path.join(root, "node_modules/.bin/tsx");
for (const args of [["scripts/prepare.ts"], ["bench/deliverability-messages.ts", dir]]) {
  const done = spawnSync(tsx, ["--conditions=react-server", ...args], { cwd: root, env, stdio: "inherit" });
  if (done.status !== 0) process.exit(1);
}

console.log(`\nSpamAssassin ${spawnSync("spamassassin", ["--version"], { encoding: "utf8" }).stdout.split("\n")[0]}, local tests only; target ≤ ${TARGET}\n`);
// A relay adds a Received header on the way: scored as handed over and after one hop from a routable address
// (a documentation-range address there would itself score RCVD_ILLEGAL_IP, an artefact of the test).
const hop = () => `Received: from relay.vigil.example.org (relay.vigil.example.org [46.235.224.10])\r\n\tby mx.ministry.example.org (Postfix) with ESMTPS id 4ABC123\r\n\tfor <official@example.org>; ${new Date().toUTCString().replace("GMT", "+0000")}\r\n`;

function score(raw) {
  // -t: the report; -L / --local: local tests only, no network tests (DNSBL, Razor, Pyzor)
  const result = spawnSync("spamassassin", ["-t", "-L", "--local"], { input: raw, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  const header = /^X-Spam-Status: \w+, score=(-?[\d.]+) required=[\d.]+ tests=([\s\S]*?)autolearn/m.exec(result.stdout);
  if (!header) throw new Error(`no X-Spam-Status in spamassassin's answer: ${result.stderr}`);
  return { score: Number(header[1]), tests: header[2].replace(/\s+/g, "").replace(/,$/, "") };
}

let worst = -Infinity;
console.log("| message | score as sent | after one relay hop | rules that fired |");
console.log("| --- | ---: | ---: | --- |");
for (const name of ["appeal", "confirmation", "update", "digest", "digest-pdf"]) {
  const raw = fs.readFileSync(path.join(dir, `${name}.eml`));
  const direct = score(raw);
  const relayed = score(Buffer.concat([Buffer.from(hop()), raw]));
  worst = Math.max(worst, direct.score, relayed.score);
  console.log(`| ${name} | ${direct.score.toFixed(1)} | ${relayed.score.toFixed(1)} | ${direct.tests} |`);
}
console.log(`\nworst ${worst.toFixed(1)} (target ≤ ${TARGET}: ${worst <= TARGET ? "met" : "MISSED"}); messages kept in ${dir}`);
