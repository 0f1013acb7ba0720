// `npm run bench`: drives the production server with autocannon and prints, from one run, each figure next to
// a bare baseline served by the same server in the same run:
//   case page req/s        vs a static page (/about)              target ≥ 0.9×
//   sign submissions/s     vs an empty POST route                 target ≥ 300/s, p95 ≤ 300 ms, ≥ 0.5×
//   peak RSS of the server process
// Numbers, not assertions: record them in docs/benchmarks.md.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { ensureBuild, ensureDependencies, root } from "../scripts/lib/tasks.mjs";

const DURATION = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50);
const PORT = Number(process.env.BENCH_PORT || 3999);
const base = `http://localhost:${PORT}`;
const SLUG = "li-qiaochu";

ensureDependencies();
ensureBuild();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-bench-"));
const dbFile = path.join(dir, "vigil.db");
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: `file:${dbFile}`,
  PORT: String(PORT),
  APP_URL: base,
  BENCH_ROUTES: "true",
  RATE_LIMIT_PER_CLIENT: "100000000",
};
delete env.SMTP_URL; // the built-in mailbox: the worker's deliveries run during the benchmark, as in production
const prepared = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/prepare.ts"], { cwd: root, env, stdio: "inherit" });
if (prepared.status !== 0) process.exit(1);

const server = spawn(process.execPath, ["scripts/serve.mjs"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
const stop = () => server.kill("SIGTERM");
process.on("exit", stop);

async function waitUp() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/about`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server did not start");
}

function peakRssMb() {
  const status = fs.readFileSync(`/proc/${server.pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function run(opts) {
  return new Promise((resolve, reject) => {
    autocannon({ duration: DURATION, connections: CONNECTIONS, ...opts }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const summary = (r) => ({
  rps: r.requests.average,
  p50: r.latency.p50,
  p95: r.latency.p97_5 ?? r.latency.p95,
  p99: r.latency.p99,
  non2xx: r.non2xx,
  errors: r.errors + r.timeouts,
  total: r.requests.total,
});

/** The hidden fields Next renders into the no-JS sign form: what a browser without JavaScript posts back. */
async function signFormFields() {
  const html = await (await fetch(`${base}/cases/${SLUG}`)).text();
  const fields = [...html.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g)].map(([, name, value = ""]) => [
    name,
    value.replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">"),
  ]);
  if (fields.length === 0) throw new Error("no server action fields found in the case page");
  return fields;
}

function multipart(fields, boundary) {
  return fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") + `--${boundary}--\r\n`;
}

await waitUp();
for (let i = 0; i < 50; i++) await fetch(`${base}/cases/${SLUG}`); // warm the cache and the JIT
await run({ url: `${base}/about`, duration: 3 });

const staticPage = summary(await run({ url: `${base}/about` }));
const casePage = summary(await run({ url: `${base}/cases/${SLUG}` }));

const hidden = await signFormFields();
const boundary = "----vigilbench";
let n = 0;
const signBody = () =>
  multipart(
    [
      ...hidden,
      ["fullName", "Bench Supporter 李明"],
      ["email", `bench-${process.pid}-${n++}@supporters.example.net`],
      ["country", "GB"],
      ["message", "I am writing to ask for her immediate release."],
      ["intent", "send"],
    ],
    boundary,
  );
const sampleBody = signBody();
const emptyPost = summary(
  await run({ url: `${base}/api/bench/empty`, method: "POST", headers: { "content-type": `multipart/form-data; boundary=${boundary}`, origin: base }, body: sampleBody }),
);
const sign = summary(
  await run({
    url: `${base}/cases/${SLUG}`,
    method: "POST",
    requests: [
      {
        setupRequest: (req) => ({ ...req, headers: { ...req.headers, "content-type": `multipart/form-data; boundary=${boundary}`, origin: base }, body: signBody() }),
      },
    ],
  }),
);
const rss = peakRssMb();

// Integrity: every accepted submission is exactly one pending signature with one queued confirmation.
const db = new Database(dbFile, { readonly: true });
const stored = db.prepare("select count(*) as n from signatures where email like 'bench-%'").get().n;
const mails = db.prepare("select count(*) as n from outbox where kind = 'confirmation'").get().n;
db.close();
stop();

const fmt = (x) => (typeof x === "number" ? x.toFixed(x < 10 ? 2 : 0) : x);
const rows = [
  ["static page /about (baseline)", staticPage],
  [`case page /cases/${SLUG}`, casePage],
  ["empty POST route (baseline)", emptyPost],
  ["sign submission (no-JS form POST)", sign],
];
console.log(`\nVigil benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model?.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION} s per run, same machine as the server\n`);
console.log("| what | req/s | p50 ms | p97.5 ms | p99 ms | non-2xx | errors |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const [name, s] of rows) console.log(`| ${name} | ${fmt(s.rps)} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.non2xx} | ${s.errors} |`);
console.log(`\ncase page / static page: ${(casePage.rps / staticPage.rps).toFixed(2)}× (target ≥ 0.9×)`);
console.log(`sign / empty POST:       ${(sign.rps / emptyPost.rps).toFixed(2)}× (target ≥ 0.5×); ${fmt(sign.rps)}/s at p97.5 ${sign.p95} ms (target ≥ 300/s, p95 ≤ 300 ms)`);
console.log(`sign responses: ${sign.total} sent, ${sign.non2xx} redirected (303) or refused; signatures stored: ${stored}, confirmations queued: ${mails}`);
console.log(`peak RSS of the server: ${rss.toFixed(0)} MB`);
// the spam filter's view of what the server sends (installs Debian's spamassassin when missing)
spawnSync(process.execPath, [path.join(root, "bench/deliverability.mjs")], { cwd: root, stdio: "inherit" });
process.exit(0);
