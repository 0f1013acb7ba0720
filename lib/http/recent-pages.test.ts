import http from "node:http";
import zlib from "node:zlib";
import compression from "compression";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CompressedPageCache, compressCachedPages } from "./cached-page-compression";
import { pageCacheGeneration, RecentPages } from "./recent-pages";
import { startHttpServer } from "@/tests/support/http-server";

// The order of scripts/serve.mjs: the recent copies first, then the streaming compression, the cache of compressed
// pages, and the app (here a stand-in for Next answering from its page cache, as Next marks such answers).
const GENERATION = Symbol.for("vigil.page-cache.generation");
const store = globalThis as unknown as Record<symbol, number | undefined>;
/** What lib/cache/memory-cache-handler.cjs does when a page enters or leaves Next's page cache. */
const pageCacheChanged = () => (store[GENERATION] = (store[GENERATION] ?? 0) + 1);

const page = (label: string) => `<!doctype html><title>${label}</title><p>${"Li Qiaochu 李翘楚 لي تشياوتشو ".repeat(200)}</p>`;
let answered: string[] = [];
let version = 1;
let clock = 1_000_000;
/** A response as remember() and serve() see one: its status and headers (serve() writes to it). */
const answer = (headers: Record<string, string>) =>
  ({
    statusCode: 200,
    getHeader: (name: string) => headers[name],
    getHeaders: () => headers,
    setHeader: () => {},
    end: () => {},
  }) as unknown as http.ServerResponse;
const fakeGet = (url: string) => ({ method: "GET", url, headers: { "accept-encoding": "br" } }) as unknown as http.IncomingMessage;

function app(request: http.IncomingMessage, response: http.ServerResponse) {
  const url = request.url ?? "/";
  answered.push(url);
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.setHeader("Content-Security-Policy", "default-src 'self'");
  response.setHeader("Cache-Control", "s-maxage=5, stale-while-revalidate=31535995");
  response.setHeader("ETag", `"v${version}-${url.length}"`);
  if (!url.startsWith("/en/dynamic")) response.setHeader("x-nextjs-cache", url.startsWith("/en/stale") ? "STALE" : "HIT");
  if (url.startsWith("/en/private")) response.setHeader("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate");
  if (url.startsWith("/en/cookie")) response.setHeader("Set-Cookie", "who=one-reader");
  if (url.startsWith("/en/slow")) {
    // a page cache change lands while this answer is on its way
    pageCacheChanged();
  }
  response.end(page(`${url} v${version}`));
}

describe("the last second's copy of a cached public page", () => {
  const recent = new RecentPages(1024 * 1024, 1000, () => clock);
  const compressed = new CompressedPageCache(1024 * 1024);
  const compress = compression();
  let base = "";
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ base, close } = await startHttpServer((request, response) => {
      if (recent.serve(request, response)) return;
      const generation = pageCacheGeneration();
      compress(request, response, () => {
        compressCachedPages(request, response, compressed, { pages: recent, generation });
        app(request, response);
      });
    }));
  });
  afterAll(() => close());
  beforeEach(() => {
    answered = [];
    clock += 60_000; // every earlier copy is old
  });

  /** A browser's GET: brotli accepted, plus any headers given; the status, the headers and the page as read. */
  async function get(path: string, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
      // the path as given, not normalised by a URL parser (a "/en/../admin" must reach the server as it is)
      const { hostname, port } = new URL(base);
      http
        .get({ hostname, port, path, headers: { "accept-encoding": "br", ...headers } }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (c: Buffer) => chunks.push(c));
          response.on("end", () => {
            const raw = Buffer.concat(chunks);
            const text = raw.length && response.headers["content-encoding"] === "br" ? zlib.brotliDecompressSync(raw).toString("utf8") : raw.toString("utf8");
            resolve({ status: response.statusCode ?? 0, headers: response.headers, text });
          });
        })
        .on("error", reject);
    });
  }

  /** How many times the app answered two GETs in a row. */
  async function twice(path: string, headers?: Record<string, string>) {
    answered = [];
    await get(path, headers);
    await get(path, headers);
    return answered.length;
  }

  it("answers the same page again within the second without asking the app, with the same headers and bytes", async () => {
    const first = await get("/en/cases/li-qiaochu");
    const second = await get("/en/cases/li-qiaochu");
    expect(answered).toEqual(["/en/cases/li-qiaochu"]);
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(second.text).toContain("李翘楚");
    const names = ["content-security-policy", "cache-control", "etag", "content-type", "content-encoding", "content-length", "vary"];
    const pick = (headers: http.IncomingHttpHeaders) => Object.fromEntries(names.map((name) => [name, headers[name]]));
    expect(pick(second.headers)).toEqual(pick(first.headers));
    expect(first.headers["content-security-policy"]).toBe("default-src 'self'");
    // a browser that holds this version is told so, without the body
    const revalidated = await get("/en/cases/li-qiaochu", { "if-none-match": String(first.headers.etag) });
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe("");
    // as Next reads If-None-Match: a weak tag, a list, or any
    const etag = String(first.headers.etag);
    for (const ifNoneMatch of [`W/${etag}`, `"other", ${etag}`, "*"]) expect((await get("/en/cases/li-qiaochu", { "if-none-match": ifNoneMatch })).status).toBe(304);
    expect((await get("/en/cases/li-qiaochu", { "if-none-match": '"other"' })).status).toBe(200);
    expect(answered).toHaveLength(1);
  });

  it("asks the app again once the second is over", async () => {
    await get("/fr/cases/li-qiaochu");
    clock += 999;
    await get("/fr/cases/li-qiaochu");
    expect(answered).toHaveLength(1);
    clock += 1;
    await get("/fr/cases/li-qiaochu");
    expect(answered).toHaveLength(2);
  });

  it("asks the app again as soon as Next's page cache changed (a re-render, a campaigner's change)", async () => {
    const before = await get("/ar/cases/li-qiaochu");
    version++;
    pageCacheChanged();
    const after = await get("/ar/cases/li-qiaochu");
    expect(answered).toHaveLength(2);
    expect(after.text).not.toBe(before.text);
    expect(after.text).toContain(`v${version}`);
  });

  it("does not keep an answer made while the page cache changed under it", async () => {
    await get("/en/slow");
    await get("/en/slow");
    expect(answered).toEqual(["/en/slow", "/en/slow"]);
  });

  it("keeps nothing for one reader, a client navigation, a staff preview, a dynamic or private page, or other paths", async () => {
    expect(await twice("/en/cookie")).toBe(2); // sets a cookie: one reader's answer
    expect(await twice("/en/private")).toBe(2);
    expect(await twice("/en/dynamic")).toBe(2); // not from Next's page cache
    expect(await twice("/admin/cases")).toBe(2); // not a public page under a language
    expect(await twice("/en/cases/li-qiaochu", { rsc: "1" })).toBe(2); // a client navigation's payload
    expect(await twice("/en/cases/li-qiaochu", { "next-router-prefetch": "1" })).toBe(2);
    expect(await twice("/es/cases/li-qiaochu", { cookie: "theme=dark; __prerender_bypass=abc" })).toBe(2); // draft mode
    expect(await twice("/en/stale")).toBe(2); // Next is re-rendering it: the next reader gets the new page from Next
    expect(await twice("/en/cases/li-qiaochu?ref=1")).toBe(2); // a query string: each would be a copy of its own
    expect(await twice("/en/../admin")).toBe(2); // Next's /admin, whatever the prefix says
    expect(await twice("/en//cases/li-qiaochu")).toBe(2);
    expect(await twice("/en/cases/%6c%69")).toBe(2);
    // and the plain document of the same page is still kept
    expect(await twice("/en/cases/li-qiaochu")).toBe(1);
  });

  it("keeps a copy per encoding: a reader without brotli gets gzip from the app first", async () => {
    await get("/zh-Hans/cases/li-qiaochu");
    const gzip = await get("/zh-Hans/cases/li-qiaochu", { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(answered).toHaveLength(2);
  });

  it("stays within its size, the least recently answered out first; never keeps one reader's answer", () => {
    const small = new RecentPages(100_000, 1000, () => clock);
    const cachedPage = answer({ "x-nextjs-cache": "HIT", etag: '"e"', "cache-control": "s-maxage=5" });
    for (let i = 0; i < 3; i++) small.remember(fakeGet(`/en/page-${i}`), cachedPage, Buffer.alloc(30_000), pageCacheGeneration());
    expect(small.serve(fakeGet("/en/page-0"), answer({}))).toBe(true); // answered: now the most recent
    small.remember(fakeGet("/en/page-3"), cachedPage, Buffer.alloc(30_000), pageCacheGeneration());
    expect(small.size).toBe(3);
    expect(small.serve(fakeGet("/en/page-1"), answer({}))).toBe(false); // the least recently answered went
    for (const kept of ["/en/page-0", "/en/page-2", "/en/page-3"]) expect(small.serve(fakeGet(kept), answer({}))).toBe(true);

    const oneReaders = answer({ "x-nextjs-cache": "HIT", etag: '"e"', "cache-control": "s-maxage=5", "set-cookie": "who=one-reader" });
    small.remember(fakeGet("/en/cookie-page"), oneReaders, Buffer.alloc(100), pageCacheGeneration());
    expect(small.serve(fakeGet("/en/cookie-page"), answer({}))).toBe(false);
  });
});
