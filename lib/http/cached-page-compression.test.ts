import http from "node:http";
import zlib from "node:zlib";
import compression from "compression";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompressedPageCache, compressCachedPages } from "./cached-page-compression";
import { startHttpServer } from "@/tests/support/http-server";

// The same order as scripts/serve.mjs: the streaming compression, then the cache of cached pages, then the app.
// varied like a real page (a repeated phrase compresses to nothing at any setting)
const words = ["Ilham", "Tohti", "ئىلھام", "توختى", "伊力哈木", "土赫提", "appeal", "official", "letter", "Beijing", "released", "detained"];
const page = `<!doctype html><p>${Array.from({ length: 3000 }, (_, i) => words[(i * 7 + ((i * i) % 11)) % words.length]! + (i % 97)).join(" ")}</p>`;
let version = "v1";
let renders = 0;

function app(request: http.IncomingMessage, response: http.ServerResponse) {
  const url = request.url ?? "/";
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  if (url === "/cached") {
    renders++;
    response.setHeader("ETag", `"${version}"`);
    response.end(`${page}${version}`);
  } else if (url === "/cached-in-parts") {
    response.setHeader("ETag", '"parts"');
    response.write(page.slice(0, 1000));
    response.write(Buffer.from(page.slice(1000)));
    response.end();
  } else if (url === "/cookie") {
    response.setHeader("ETag", '"cookie"');
    response.setHeader("Set-Cookie", "who=one-reader");
    response.end(page);
  } else if (url === "/not-modified") {
    response.statusCode = 304;
    response.setHeader("ETag", '"v1"');
    response.end();
  } else {
    // a dynamic page: streamed as it renders, no ETag
    response.write(page.slice(0, 500));
    setTimeout(() => response.end(page.slice(500)), 5);
  }
}

describe("cached pages compressed once per version", () => {
  const cache = new CompressedPageCache(1024 * 1024);
  const compress = compression();
  let base = "";
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ base, close } = await startHttpServer((request, response) => {
      compress(request, response, () => {
        compressCachedPages(request, response, cache);
        app(request, response);
      });
    }));
  });
  afterAll(() => close());

  /** the raw bytes as sent, with the headers that say how */
  const get = (path: string, acceptEncoding = "br, gzip", method = "GET") =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const request = http.request(`${base}${path}`, { method, headers: { "accept-encoding": acceptEncoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      });
      request.on("error", reject);
      request.end();
    });

  it("sends a page with an ETag as brotli at its best setting, the same bytes to every reader of that version", async () => {
    const first = await get("/cached");
    const second = await get("/cached");
    expect(first.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(first.body).toString()).toBe(`${page}v1`);
    expect(Number(first.headers["content-length"])).toBe(first.body.length);
    expect(first.headers.vary).toMatch(/accept-encoding/i);
    expect(second.body.equals(first.body)).toBe(true);
    // quality 11: smaller than the per-request stream's quality 5
    const q5 = zlib.brotliCompressSync(`${page}v1`, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
    expect(first.body.length).toBeLessThan(q5.length);
  });

  it("compresses a new version anew, and gzip for a reader without brotli", async () => {
    version = "v2";
    const changed = await get("/cached");
    expect(zlib.brotliDecompressSync(changed.body).toString()).toBe(`${page}v2`);
    const gzipped = await get("/cached", "gzip");
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzipped.body).toString()).toBe(`${page}v2`);
    expect(renders).toBe(4);
  });

  it("holds a page written in parts until its end", async () => {
    const res = await get("/cached-in-parts");
    expect(res.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(page);
  });

  it("leaves a streamed page, a cookie, a 304, a HEAD and a reader who takes no compression to the rest", async () => {
    const before = cache.size;
    const streamed = await get("/dynamic");
    expect(streamed.headers["transfer-encoding"]).toBe("chunked");
    expect(zlib.brotliDecompressSync(streamed.body).toString()).toBe(page);
    const cookie = await get("/cookie");
    expect(cookie.headers["set-cookie"]).toEqual(["who=one-reader"]);
    expect(zlib.brotliDecompressSync(cookie.body).toString()).toBe(page);
    expect((await get("/not-modified")).status).toBe(304);
    const head = await get("/cached", "br", "HEAD");
    expect(head.body.length).toBe(0);
    const plain = await get("/cached", "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(`${page}v2`);
    expect(cache.size).toBe(before);
  });
});

describe("the cache's bound", () => {
  it("drops the least recently used copies once past its size", () => {
    const cache = new CompressedPageCache(30);
    cache.set("a", Buffer.alloc(10));
    cache.set("b", Buffer.alloc(10));
    cache.set("c", Buffer.alloc(10));
    expect(cache.get("a")).toBeDefined(); // now the most recent
    cache.set("d", Buffer.alloc(10));
    expect(cache.get("b")).toBeUndefined();
    expect([cache.get("a"), cache.get("c"), cache.get("d")].every(Boolean)).toBe(true);
    cache.set("huge", Buffer.alloc(31));
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.size).toBe(3);
  });
});
