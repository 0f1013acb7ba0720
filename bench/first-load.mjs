// `npm run bench:first-load` (also part of `npm run bench`): what a supporter's browser downloads on a first visit,
// and what Lighthouse thinks of it (issue 10). Numbers, not assertions: record them in docs/benchmarks.md.
//   bytes on the wire (HTML + CSS + JavaScript + fonts, compressed as sent; photos apart) from a cold cache,
//     for the home page and a case page, target ≤ 150 KB for the case page; link prefetches made after the page
//     loaded are reported apart (they are not needed to read or sign)
//   Lighthouse 12.2.3, desktop preset, Debian's Chromium: performance, accessibility, best practices, SEO,
//     target ≥ 95 each
// Pages: BENCH_PAGES (comma-separated paths) or the defaults below; a locale's pages are included when they answer.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { chromium } from "@playwright/test";
import { startBenchServer } from "./server.mjs";

const PORT = Number(process.env.BENCH_PORT || 3998);
const CHROMIUM = "/usr/bin/chromium";
const SLUG = "li-qiaochu";
const wanted = process.env.BENCH_PAGES?.split(",") ?? ["/", `/cases/${SLUG}`, "/en", `/en/cases/${SLUG}`, "/ar", `/ar/cases/${SLUG}`];

const { base, stop } = await startBenchServer({ port: PORT });
const pages = [];
for (const path of wanted) {
  const res = await fetch(base + path, { redirect: "manual" });
  if (res.status === 200) pages.push(path);
  for (let i = 0; i < 5 && res.status === 200; i++) await fetch(base + path); // static pages: warm the cache
}

const KIND = { Document: "html", Stylesheet: "css", Script: "js", Font: "fonts", Image: "images" };

/** Bytes on the wire per kind for one cold visit: Chromium's own count (encodedDataLength: headers and the
 * compressed body) from the DevTools protocol, until the load event; what arrives later is "after load". */
async function weigh(browser, path) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const types = new Map();
  const headerBytes = new Map();
  const totals = { html: 0, css: 0, js: 0, fonts: 0, images: 0, other: 0, afterLoad: 0, headers: 0 };
  let loaded = false;
  cdp.on("Network.responseReceived", (e) => {
    types.set(e.requestId, e.type);
    // over HTTP/1.1 what has arrived when the response starts is its status line and headers
    headerBytes.set(e.requestId, e.response.encodedDataLength ?? 0);
  });
  cdp.on("Network.loadingFinished", (e) => {
    if (loaded) totals.afterLoad += e.encodedDataLength;
    else {
      const kind = KIND[types.get(e.requestId)] ?? "other";
      totals[kind] += e.encodedDataLength;
      if (kind !== "images") totals.headers += headerBytes.get(e.requestId) ?? 0;
    }
  });
  await page.goto(base + path, { waitUntil: "load" });
  loaded = true;
  await page.waitForLoadState("networkidle");
  await context.close();
  const firstLoad = totals.html + totals.css + totals.js + totals.fonts + totals.other;
  return { ...totals, firstLoad };
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
const weights = [];
for (const path of pages) weights.push([path, await weigh(browser, path)]);
await browser.close();

const kb = (n) => (n / 1024).toFixed(1);
console.log("\nFirst load, cold cache, bytes on the wire (KB; photos apart)\n");
console.log("(each kind counts its responses' headers too, as HTTP/1.1 sends them; HTTP/2 behind a proxy compresses those)\n");
console.log("| page | HTML | CSS | JS | fonts | other | first load | of which headers | photos | after load (prefetch) |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const [path, w] of weights)
  console.log(`| ${path} | ${kb(w.html)} | ${kb(w.css)} | ${kb(w.js)} | ${kb(w.fonts)} | ${kb(w.other)} | **${kb(w.firstLoad)}** | ${kb(w.headers)} | ${kb(w.images)} | ${kb(w.afterLoad)} |`);

const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
console.log("\nLighthouse 12.2.3, desktop preset (target ≥ 95 each)\n");
console.log("| page | performance | accessibility | best practices | SEO | failing audits |");
console.log("| --- | ---: | ---: | ---: | ---: | --- |");
for (const path of pages) {
  const { lhr } = await lighthouse(base + path, { port: chrome.port, output: "json", logLevel: "error" }, desktopConfig);
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const failing = Object.values(lhr.categories)
    .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => lhr.audits[r.id]))
    .filter((a) => a && a.score !== null && a.score < 0.9)
    .map((a) => a.id);
  console.log(`| ${path} | ${score("performance")} | ${score("accessibility")} | ${score("best-practices")} | ${score("seo")} | ${[...new Set(failing)].join(", ") || "none"} |`);
}
await chrome.kill();
stop();
process.exit(0);
