// Cached pages (a case page, a prerendered page) sent compressed once per version, not once per request. Next
// gives such a response an ETag, a hash of its body: the same ETag is the same bytes, so the compressed copy made
// for the first reader (brotli at its best setting, about 15 % smaller than the quality 5 a per-request stream can
// afford, made on libuv's thread pool, not on the event loop) serves every later one until the page changes.
// Everything else (a dynamic page streamed as it renders, a redirect, a response setting a cookie) goes on to
// the streaming compression in scripts/serve.mjs unchanged (docs/decisions/025-light-first-load.md).
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { RecentPages } from "./recent-pages";
import { preferredEncoding, type Encoding } from "./static-assets";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const COMPRESSIBLE = /^(text\/|application\/(json|javascript)|image\/svg\+xml)/;

/** Compressed bodies by encoding and ETag, oldest used first out once they pass `maxBytes` in all. */
export class CompressedPageCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get(key: string): Buffer | undefined {
    const body = this.entries.get(key);
    if (body) {
      // most recently used last: Map keeps insertion order
      this.entries.delete(key);
      this.entries.set(key, body);
    }
    return body;
  }

  set(key: string, body: Buffer): void {
    if (body.length > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.length;
      this.entries.delete(key);
    }
    this.entries.set(key, body);
    this.bytes += body.length;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= value.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

function compressBody(body: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === "br"
    ? brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzip(body, { level: 9 });
}

/** Whether a finished response may be sent from (and put into) the cache: a complete 200 with an ETag, of a
 * compressible type, not already encoded, setting no cookie (a cookie is one reader's, never a cached page's). */
function cacheable(response: ServerResponse): boolean {
  const type = String(response.getHeader("content-type") ?? "");
  return (
    response.statusCode === 200 &&
    response.getHeader("etag") !== undefined &&
    response.getHeader("content-encoding") === undefined &&
    response.getHeader("set-cookie") === undefined &&
    COMPRESSIBLE.test(type)
  );
}

const toBuffer = (chunk: unknown, enc: unknown) =>
  Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk), typeof enc === "string" ? (enc as BufferEncoding) : "utf8");

/**
 * Wraps `response` for one request: a cacheable response is held until it ends, then sent as the cached
 * compressed copy of its ETag (made now if it is the first), with its own length. Any other response is passed
 * through, chunk by chunk, as it comes. Call before handing the request to Next, after the streaming compression
 * is installed (so a passed-through response is still compressed by it).
 */
export function compressCachedPages(
  request: IncomingMessage,
  response: ServerResponse,
  cache: CompressedPageCache,
  /** the recent copies answered before Next (lib/http/recent-pages.ts), and the page cache's generation when this
   * request reached Next */
  recent?: { pages: RecentPages; generation: number },
): void {
  const encoding = preferredEncoding(request.headers["accept-encoding"]);
  if (!encoding || request.method !== "GET") return;

  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  let held: Buffer[] | null | undefined; // undefined: not decided yet; null: passing through
  const decide = () => {
    if (held === undefined) held = cacheable(response) ? [] : null;
    return held;
  };

  response.write = ((chunk: unknown, enc?: unknown, callback?: unknown) => {
    const parts = decide();
    if (parts === null) return write(chunk, enc, callback);
    if (chunk !== undefined && chunk !== null) parts.push(toBuffer(chunk, enc));
    const done = typeof enc === "function" ? enc : callback;
    if (typeof done === "function") process.nextTick(done as () => void);
    return true;
  }) as ServerResponse["write"];

  response.end = ((chunk?: unknown, enc?: unknown, callback?: unknown) => {
    const parts = decide();
    if (parts === null) return end(chunk, enc, callback);
    const key = `${encoding}:${String(response.getHeader("etag"))}`;
    const known = cache.get(key);
    // a page seen before is sent without turning its text into bytes again (that was a tenth of a cached case
    // page's cost: its 75 KB of HTML encoded as UTF-8 on every request)
    if (!known && chunk !== undefined && chunk !== null && typeof chunk !== "function") parts.push(toBuffer(chunk, enc));
    const send = (compressed: Buffer) => {
      response.setHeader("Content-Encoding", encoding);
      response.setHeader("Content-Length", compressed.length);
      const vary = String(response.getHeader("vary") ?? "");
      if (!/\baccept-encoding\b/i.test(vary)) response.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
      recent?.pages.remember(request, response, compressed, recent.generation);
      end(compressed);
    };
    if (known) {
      send(known);
      return response;
    }
    const body = Buffer.concat(parts);
    compressBody(body, encoding).then(
      (compressed) => {
        cache.set(key, compressed);
        send(compressed);
      },
      () => {
        // a body zlib cannot take (never seen): sent as it is
        response.setHeader("Content-Length", body.length);
        end(body);
      },
    );
    return response;
  }) as ServerResponse["end"];
}
