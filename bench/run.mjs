// `npm run bench`: drives the production server with autocannon and prints, from one run, each figure next to
// a bare baseline served by the same server in the same run (issue 11):
//   case page req/s          vs a static page (/en/erase, prerendered)          target ≥ 0.9×
//   sign submissions/s       vs an empty POST route and an empty server action  target ≥ 0.5× the route, p99 ≤ 500 ms
//   confirmations drained    vs plain nodemailer (pooled) to the same SMTP server target ≥ 0.5×
//   a new confirmation's time to the SMTP server while thousands of appeals wait   target p95 ≤ 5 s
//   2,000 supporters confirming (20 at once): confirms/s, each counted once, time until every letter is delivered
//   the case page's p99 during a signing burst vs alone                           target ≤ 3×
//   peak RSS of the server process through the whole run                          target ≤ 300 MB
// Mail goes to an SMTP server in this process (smtp-server), as it would to the organisation's relay.
// Numbers, not assertions: record them in docs/benchmarks.md. Then the first-load and SpamAssassin benchmarks run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { root, startBenchServer } from "./server.mjs";

const DURATION = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50);
const PORT = Number(process.env.BENCH_PORT || 3999);
const SMTP_PORT = Number(process.env.BENCH_SMTP_PORT || 2999);
const CONFIRMS = Number(process.env.BENCH_CONFIRMS || 2000);
const SLUG = "li-qiaochu";
// the public pages live under their language (docs/decisions/024): unprefixed paths are redirects, not pages
const CASE = `/en/cases/${SLUG}`;
// The static baseline is a page Next prerenders at build and serves from its cache: the erase request form.
// Not /about: it states the server's retention settings, so it is rendered per request, and a case page (cached,
// re-rendered at most every 5 s) beats it easily: that ratio would flatter.
const STATIC = "/en/erase";
const t0 = Date.now();

// ---- the SMTP server every message goes to: counts what arrives, keeps only the bench supporters' confirmations
const arrivals = []; // { at, rcpt, bytes }
const confirmationsFor = new Map(); // supporter address → raw message
const waiters = new Set();
const sink = new SMTPServer({
  disabledCommands: ["AUTH", "STARTTLS"],
  logger: false,
  size: 10 * 1024 * 1024,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (c) => chunks.push(c));
    stream.on("end", () => {
      const raw = Buffer.concat(chunks);
      const at = Date.now();
      for (const { address } of session.envelope.rcptTo) {
        arrivals.push({ at, rcpt: address, bytes: raw.length });
        if (address.startsWith("bench-") && !confirmationsFor.has(address)) confirmationsFor.set(address, raw);
      }
      for (const w of waiters) w();
      callback();
    });
  },
});
await new Promise((resolve) => sink.listen(SMTP_PORT, "127.0.0.1", resolve));

/** Resolves once `predicate()` holds (checked on every arrival), or with false after `timeoutMs`. */
function arrivalWhen(predicate, timeoutMs) {
  if (predicate()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok) => {
      waiters.delete(check);
      clearTimeout(timer);
      resolve(ok);
    };
    const check = () => predicate() && done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    waiters.add(check);
  });
}

const { base, dbFile, pid, stop } = await startBenchServer({
  port: PORT,
  env: {
    SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
    MAIL_FROM: "appeals@vigil.example.org",
    // the demo officials share one domain: pacing is lifted so the drain figure measures the outbox, not the
    // schedule (the pacing itself is tested in lib/outbox)
    PACE_DEFAULT_PER_HOUR: "100000000",
    PACE_DOMAIN_PER_HOUR: "100000000",
  },
});

let peakSampledRss = 0;
const rssTimer = setInterval(() => {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    peakSampledRss = Math.max(peakSampledRss, kb / 1024);
  } catch {}
}, 250);
const peakRssMb = () => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

// every request says what a browser says about encodings: a reader's browser always takes brotli, and a page
// benchmark without it would measure 75 KB of uncompressed HTML per view that no reader is sent
const browserHeaders = { "accept-encoding": "gzip, deflate, br" };
/** CPU time the server process has used so far (all its threads), in ms: /proc/PID/stat utime + stime. */
const serverCpuMs = () => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks at 100 Hz
};
/** One autocannon run; the result also carries the server's CPU ms per answered request during it (alone, the
 * measure autocannon cannot cap: on these two cores a cheap page is limited by autocannon's own parsing). */
function run(opts) {
  return new Promise((resolve, reject) => {
    const cpuBefore = serverCpuMs();
    autocannon({ duration: DURATION, connections: CONNECTIONS, ...opts, headers: { ...browserHeaders, ...opts.headers } }, (err, result) =>
      err ? reject(err) : resolve({ ...result, cpuMsPerRequest: (serverCpuMs() - cpuBefore) / Math.max(1, result.requests.total) }),
    );
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
  cpu: r.cpuMsPerRequest,
});

const unescape = (v) => v.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The hidden fields Next renders into a no-JS form: what a browser without JavaScript posts back. */
async function hiddenFields(url) {
  const html = await (await fetch(url)).text();
  const fields = [...html.matchAll(/<input type="hidden" name="([^"]*)"(?: value="([^"]*)")?/g)].map(([, name, value = ""]) => [unescape(name), unescape(value)]);
  if (!fields.some(([name]) => name.startsWith("$ACTION"))) throw new Error(`no server action fields in ${url}`);
  return fields;
}

const boundary = "----vigilbench";
const multipart = (fields) => fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") + `--${boundary}--\r\n`;
const formHeaders = { "content-type": `multipart/form-data; boundary=${boundary}`, origin: base };

for (let i = 0; i < 50; i++) await fetch(`${base}${CASE}`); // warm the cache and the JIT
await run({ url: `${base}${STATIC}`, duration: 3 });

// ---- 1, 2: pages and posts against their baselines
const staticPage = summary(await run({ url: `${base}${STATIC}` }));
const casePage = summary(await run({ url: `${base}${CASE}` }));

const signHidden = await hiddenFields(`${base}${CASE}`);
let n = 0;
const signBody = (email = `bench-${process.pid}-${n++}@supporters.example.net`) =>
  multipart([
    ...signHidden,
    ["fullName", "Bench Supporter 李明"],
    ["email", email],
    ["country", "GB"],
    ["message", "I am writing to ask for her immediate release."],
    ["intent", "send"],
  ]);
const sampleBody = signBody("sample@supporters.example.net");
const emptyPost = summary(await run({ url: `${base}/api/bench/empty`, method: "POST", headers: formHeaders, body: sampleBody }));
const actionHidden = await hiddenFields(`${base}/api/bench/action`);
const emptyAction = summary(
  await run({ url: `${base}/api/bench/action`, method: "POST", headers: formHeaders, body: multipart([...actionHidden, ["fullName", "Bench Supporter 李明"]]) }),
);

const sign = summary(await run({ url: `${base}${CASE}`, method: "POST", requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, ...formHeaders }, body: signBody() }) }] }));
const signEnded = Date.now();
const benchArrivals = () => arrivals.filter((a) => a.rcpt.startsWith("bench-"));
// what had reached the SMTP server when the burst ended: the drain is measured from here
const deliveredAtEnd = benchArrivals().length;

// ---- 3: the drain of that burst's confirmations, then plain nodemailer to the same server
const db = new Database(dbFile, { readonly: true });
// autocannon stops counting with a request in flight on each connection: the server still answers and stores
// those, so give them a moment, then count signatures and confirmations together
await new Promise((resolve) => setTimeout(resolve, 2000));
const stored = db.prepare("select count(*) as n from signatures where email like 'bench-%'").get().n;
// a second submission for an address still pending is kept as an offer with its own confirmation (never over the row)
const offers = db.prepare("select count(*) as n from signature_offers where email like 'bench-%'").get().n;
const queuedConfirmations = db.prepare("select count(*) as n from outbox where kind = 'confirmation' and to_address like 'bench-%'").get().n;
const drained = await arrivalWhen(() => confirmationsFor.size >= queuedConfirmations, 600_000);
const deliveredConfirmations = confirmationsFor.size;
const lastConfirmation = Math.max(...benchArrivals().map((a) => a.at));
const drainSeconds = (lastConfirmation - signEnded) / 1000;
const drainRate = (queuedConfirmations - deliveredAtEnd) / Math.max(drainSeconds, 0.001);
const confirmationBytes = Math.round(benchArrivals().reduce((s, a) => s + a.bytes, 0) / Math.max(1, benchArrivals().length));

const RAW_MESSAGES = Math.max(500, Math.min(queuedConfirmations, 3000));
const filler = "x".repeat(Math.max(0, confirmationBytes - 600));
const connectWithoutNagle = (options, callback) => {
  const socket = net.connect({ host: options.host, port: Number(options.port), noDelay: true });
  socket.once("error", () => callback(null, false));
  socket.once("connect", () => callback(null, { connection: socket }));
};
/** Plain nodemailer, a pool of 5, RAW_MESSAGES of the confirmations' size to the same server: messages/s. As
 * nodemailer comes (Nagle on: each message's last write waits for the delayed ACK), and with Nagle off, as the
 * outbox's own transport connects (lib/mail/transport.ts, decision 029). */
async function rawNodemailer({ noDelay }) {
  const raw = nodemailer.createTransport({ host: "127.0.0.1", port: SMTP_PORT, secure: false, ignoreTLS: true, pool: true, maxConnections: 5, maxMessages: Infinity, ...(noDelay ? { getSocket: connectWithoutNagle } : {}) });
  const started = Date.now();
  const before = arrivals.length;
  await Promise.all(
    Array.from({ length: RAW_MESSAGES }, (_, i) =>
      raw.sendMail({ from: "appeals@vigil.example.org", to: `raw-${i}@baseline.example.net`, subject: "Please confirm your appeal", text: filler }),
    ),
  );
  const rate = RAW_MESSAGES / ((Date.now() - started) / 1000);
  raw.close();
  if (arrivals.length - before < RAW_MESSAGES) throw new Error("the baseline lost messages");
  return rate;
}
const rawRate = await rawNodemailer({ noDelay: false });
const rawNoDelayRate = await rawNodemailer({ noDelay: true });

// ---- 4, and the priority lane: supporters confirm at once while new supporters sign and wait for their link
const links = [];
for (const [, message] of [...confirmationsFor].slice(0, CONFIRMS)) {
  const { text } = await simpleParser(message);
  const link = /https?:\/\/\S+\/confirm\/[A-Za-z0-9_-]+/.exec(text ?? "")?.[0];
  if (link) links.push(link);
}
const appealsBefore = arrivals.filter((a) => a.rcpt.endsWith("@example.org")).length;
let confirmed = 0;
let confirmFailures = 0;
const confirmLatencies = [];
const confirmStarted = Date.now();
let nextLink = 0;
async function confirmOne() {
  while (nextLink < links.length) {
    const link = links[nextLink++];
    const started = Date.now();
    const fields = await hiddenFields(link);
    const res = await fetch(link, { method: "POST", headers: formHeaders, body: multipart(fields), redirect: "manual" });
    if (res.status === 303 && /\/thanks/.test(res.headers.get("location") ?? "")) confirmed++;
    else confirmFailures++;
    confirmLatencies.push(Date.now() - started);
  }
}
// meanwhile, one new supporter every 400 ms: how long until their confirmation reaches the SMTP server
const waits = [];
const queuedSeen = [];
let probing = true;
const probes = (async () => {
  let i = 0;
  while (probing) {
    const email = `bench-probe-${i++}@supporters.example.net`;
    const sent = Date.now();
    const res = await fetch(`${base}${CASE}`, { method: "POST", headers: formHeaders, body: signBody(email), redirect: "manual" });
    if (res.status === 303) {
      queuedSeen.push(db.prepare("select count(*) as n from outbox where kind = 'appeal' and status in ('queued', 'sending')").get().n);
      arrivalWhen(() => confirmationsFor.has(email), 120_000).then((ok) => waits.push(ok ? Date.now() - sent : Infinity));
    }
    await new Promise((r) => setTimeout(r, 400));
  }
})();
await Promise.all(Array.from({ length: 20 }, confirmOne));
const confirmSeconds = (Date.now() - confirmStarted) / 1000;
// keep probing while the appeals drain, then stop
const appealsExpected = db.prepare("select count(*) as n from outbox where kind = 'appeal'").get().n;
const allDelivered = await arrivalWhen(() => arrivals.filter((a) => a.rcpt.endsWith("@example.org")).length - appealsBefore >= appealsExpected, 900_000);
const lettersDoneSeconds = (Math.max(...arrivals.filter((a) => a.rcpt.endsWith("@example.org")).map((a) => a.at)) - confirmStarted) / 1000;
probing = false;
await probes;
await arrivalWhen(() => waits.length >= queuedSeen.length, 120_000);
const counted = db.prepare("select count(*) as n from signatures where email like 'bench-%' and status = 'confirmed'").get().n;
const appealRows = db.prepare("select count(*) as n from appeals a join signatures s on s.id = a.signature_id where s.email like 'bench-%'").get().n;
const duplicateSends = db.prepare("select count(*) as n from (select message_id from outbox group by message_id having count(*) > 1)").get().n;
const appealArrivals = arrivals.filter((a) => a.rcpt.endsWith("@example.org")).length - appealsBefore;
// messages that needed more than one attempt, by the error kept on the row (a temporary failure is retried)
const retried = db.prepare("select coalesce(substr(last_error, 1, 80), '(none)') as error, count(*) as n from outbox where attempts > 1 group by 1").all();

// ---- 5: reads while a signing burst runs
const half = Math.round(CONNECTIONS / 2);
const readsAlone = summary(await run({ url: `${base}${CASE}`, connections: half }));
const [readsUnderWrite, writes] = await Promise.all([
  run({ url: `${base}${CASE}`, connections: half }).then(summary),
  run({ url: `${base}${CASE}`, method: "POST", connections: half, requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, ...formHeaders }, body: signBody() }) }] }).then(summary),
]);

const rss = peakRssMb();
clearInterval(rssTimer);
db.close();
// the SMTP server stays open until the Vigil server has sent what it had in flight and exited
await stop();
sink.close();

const pct = (list, p) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
};
const fmt = (x) => (typeof x === "number" ? x.toFixed(x < 10 ? 2 : 0) : x);
const rows = [
  [`static page ${STATIC} (baseline)`, staticPage],
  [`case page ${CASE}`, casePage],
  ["empty POST route (baseline)", emptyPost],
  ["empty server action, no-JS form POST (baseline)", emptyAction],
  ["sign submission (no-JS form POST)", sign],
  [`case page alone, ${half} connections`, readsAlone],
  [`case page during a signing burst, ${half} + ${half} connections`, readsUnderWrite],
  [`sign submissions during that burst`, writes],
];
const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim();
console.log(`\nVigil benchmark — commit ${commit}, ${os.cpus().length} × ${os.cpus()[0]?.model?.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average at end ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION} s per run, same machine as the server\n`);
console.log("| what | req/s | p50 ms | p97.5 ms | p99 ms | non-2xx | errors | server CPU ms per request |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
// two runs at once share the server's CPU: no per-request figure for those rows
const shared = new Set([readsUnderWrite, writes]);
for (const [name, s] of rows) console.log(`| ${name} | ${fmt(s.rps)} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.non2xx} | ${s.errors} | ${shared.has(s) ? "(shared)" : s.cpu.toFixed(3)} |`);
console.log("");
console.log(`case page / static page:       ${(casePage.rps / staticPage.rps).toFixed(2)}× (target ≥ 0.9×); by the server's CPU per request ${(staticPage.cpu / casePage.cpu).toFixed(2)}×`);
console.log(`sign / empty POST route:       ${(sign.rps / emptyPost.rps).toFixed(2)}× (target ≥ 0.5×), p99 ${sign.p99} ms (target ≤ 500 ms); by the server's CPU per request ${(emptyPost.cpu / sign.cpu).toFixed(2)}×`);
console.log(`sign / empty server action:    ${(sign.rps / emptyAction.rps).toFixed(2)}×; empty action / empty route ${(emptyAction.rps / emptyPost.rps).toFixed(2)}× (Next's own action overhead)`);
console.log(`sign integrity: ${sign.total} submissions answered, ${sign.non2xx} with 303 (and up to ${CONNECTIONS} more in flight when autocannon stopped counting); signatures stored ${stored} (and ${offers} second submissions of a pending address, kept as offers), confirmations queued ${queuedConfirmations}, delivered ${deliveredConfirmations}${drained ? "" : " (drain timed out)"}`);
console.log(`confirmation drain after the burst: ${queuedConfirmations - deliveredAtEnd} in ${drainSeconds.toFixed(1)} s = ${drainRate.toFixed(0)}/s; plain nodemailer (pool of 5, ${RAW_MESSAGES} messages of ${confirmationBytes} bytes): ${rawRate.toFixed(0)}/s; ratio ${(drainRate / rawRate).toFixed(2)}× (target ≥ 0.5×); against plain nodemailer with Nagle off: ${rawNoDelayRate.toFixed(0)}/s, ${(drainRate / rawNoDelayRate).toFixed(2)}×`);
console.log(`confirm: ${links.length} supporters, 20 at once: ${confirmed} confirmed, ${confirmFailures} refused, ${(links.length / confirmSeconds).toFixed(0)} confirms/s (page + POST, p99 ${pct(confirmLatencies, 99)} ms); counted ${counted} confirmed signatures in all, ${appealRows} letters, ${appealArrivals} of ${appealsExpected} appeal emails delivered ${allDelivered ? `, the last ${lettersDoneSeconds.toFixed(1)} s after the first confirm` : "(timed out)"}; message ids sent twice: ${duplicateSends}; messages sent on a second attempt or later: ${retried.reduce((sum, r) => sum + r.n, 0)}${retried.map((r) => ` (${r.n}: ${r.error})`).join("")}`);
console.log(`a new supporter's confirmation while appeals wait (${waits.length} probes, ${Math.min(...queuedSeen)}–${Math.max(...queuedSeen)} appeals queued): p50 ${pct(waits, 50)} ms, p95 ${pct(waits, 95)} ms (target ≤ 5,000 ms)`);
console.log(`case page p99 during a signing burst / alone: ${(readsUnderWrite.p99 / readsAlone.p99).toFixed(2)}× (${readsUnderWrite.p99} ms vs ${readsAlone.p99} ms; target ≤ 3×)`);
console.log(`peak RSS of the server: ${rss.toFixed(0)} MB (sampled every 250 ms: ${peakSampledRss.toFixed(0)} MB; target ≤ 300 MB); whole run ${((Date.now() - t0) / 1000).toFixed(0)} s`);
// what a first visit downloads and Lighthouse's scores, then the spam filter's view of what the server sends
// (BENCH_MAIN_ONLY=1 leaves them out while working on the figures above)
if (!process.env.BENCH_MAIN_ONLY) {
  spawnSync(process.execPath, [path.join(root, "bench/first-load.mjs")], { cwd: root, stdio: "inherit" });
  spawnSync(process.execPath, [path.join(root, "bench/deliverability.mjs")], { cwd: root, stdio: "inherit" });
}
process.exit(0);
