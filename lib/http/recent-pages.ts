// The last second's copy of each cached public page, answered by scripts/serve.mjs before Next is asked: when a
// case goes viral, thousands of readers a second get the same bytes, and Next's own work for a cached page (route
// matching, its cache lookup, an ETag hashed over the whole HTML in JavaScript, the body's length counted again)
// is paid about once a second per page instead of once per reader (docs/decisions/032-recent-pages.md).
//
// What it may hold, and for how long:
// - a public page under a language prefix that Next answered from its page cache (`x-nextjs-cache`), complete,
//   200, with an ETag, no cookie set, not private; asked for as a document (not a client navigation's RSC
//   payload, not a server action), without the draft-mode cookie of a staff preview;
// - for at most `ttlMs` (one second), and never after a campaigner's change: the memory cache handler
//   (lib/cache/memory-cache-handler.cjs) counts every revalidateTag (what revalidatePath calls, before the
//   action's answer is sent), and a copy made before it is not answered again. Requests keep reaching Next at
//   least once a second per page, so its own revalidation (every 5 s for a case page) goes on as before: a reader
//   sees a page at most one second older than Next alone would show. (Not every page Next stores counts: a 404
//   for any made-up address is stored too, and would otherwise let anyone end every copy.)
import type { IncomingMessage, ServerResponse } from "node:http";
import { LOCALES } from "../i18n/locales";
import { preferredEncoding } from "./static-assets";

/** Counted up by lib/cache/memory-cache-handler.cjs on every revalidateTag (a campaigner's change). */
const GENERATION = Symbol.for("vigil.page-cache.generation");
/** That count now: taken when a request reaches Next, so a copy of an answer rendered before a change that landed
 * while it was being sent is never kept as current. */
export const pageCacheGeneration = () => (globalThis as unknown as Record<symbol, number | undefined>)[GENERATION] ?? 0;

// a plain path under a language: no query string (Next ignores it for a cached page: each would be a copy of its
// own), no "." or ".." segment, no percent-escape, no doubled slash (`/en/../admin` is Next's /admin)
const PUBLIC_PAGE = new RegExp(`^/(?:${LOCALES.join("|")})(?:/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*$`);
// a client navigation's RSC request, a prefetch, a server action: each is answered differently from the document
const NEXT_REQUEST_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];
// the staff preview's draft mode (app/admin/cases/[id]/preview): those requests skip every cache
const DRAFT_COOKIE = /(?:^|;\s*)(?:__prerender_bypass|__next_preview_data)=/;
// sent again by Node itself for each response, or describing one connection
const HOP_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

type Copy = { headers: [string, string | number | string[]][]; body: Buffer; etag: string; at: number; generation: number; bytes: number };

const bare = (tag: string) => tag.trim().replace(/^W\//, "");
/** Whether an If-None-Match names this ETag (a list, weak or strong, or `*`), as Next's own check reads it. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((tag) => bare(tag) === bare(etag));
}

/** Whether this request may be answered from (and its answer kept in) the recent copies. */
function eligible(request: IncomingMessage): boolean {
  if (request.method !== "GET") return false;
  const url = request.url ?? "";
  if (!PUBLIC_PAGE.test(url)) return false;
  if (NEXT_REQUEST_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
  return !DRAFT_COOKIE.test(request.headers.cookie ?? "");
}

export class RecentPages {
  private readonly copies = new Map<string, Copy>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly ttlMs = 1000,
    private readonly now = () => Date.now(),
  ) {}

  private key(request: IncomingMessage): string | null {
    const encoding = preferredEncoding(request.headers["accept-encoding"]);
    return encoding && eligible(request) ? `${encoding} ${request.url}` : null;
  }

  /** Answers the request from a copy still fresh, and says whether it did; otherwise the request goes to Next. */
  serve(request: IncomingMessage, response: ServerResponse): boolean {
    const key = this.key(request);
    const copy = key === null ? undefined : this.copies.get(key);
    if (!copy) return false;
    if (this.now() - copy.at >= this.ttlMs || copy.generation !== pageCacheGeneration()) {
      this.forget(key!);
      return false;
    }
    // most recently used last: Map keeps insertion order, and the oldest go first
    this.copies.delete(key!);
    this.copies.set(key!, copy);
    const notModified = matches(request.headers["if-none-match"], copy.etag);
    for (const [name, value] of copy.headers) {
      if (notModified && (name === "content-length" || name === "content-encoding")) continue;
      response.setHeader(name, value);
    }
    response.statusCode = notModified ? 304 : 200;
    response.end(notModified ? undefined : copy.body);
    return true;
  }

  /** Keeps the answer Next just gave (compressed, its headers final) if the request and the response allow. */
  remember(request: IncomingMessage, response: ServerResponse, body: Buffer, madeAtGeneration: number): void {
    const key = this.key(request);
    if (key === null || !cacheablePage(response)) return;
    const headers = Object.entries(response.getHeaders())
      .filter(([name, value]) => value !== undefined && !HOP_HEADERS.has(name))
      .map(([name, value]) => [name, value] as [string, string | number | string[]]);
    // what the copy holds: its body, its key and its headers
    const bytes = body.length + key.length + headers.reduce((sum, [name, value]) => sum + name.length + String(value).length, 0);
    if (bytes > this.maxBytes) return;
    this.forget(key);
    this.copies.set(key, { headers, body, etag: String(response.getHeader("etag")), at: this.now(), generation: madeAtGeneration, bytes });
    this.bytes += bytes;
    for (const [oldest, copy] of this.copies) {
      if (this.bytes <= this.maxBytes) break;
      this.copies.delete(oldest);
      this.bytes -= copy.bytes;
    }
  }

  private forget(key: string): void {
    const copy = this.copies.get(key);
    if (!copy) return;
    this.copies.delete(key);
    this.bytes -= copy.bytes;
  }

  get size(): number {
    return this.copies.size;
  }
}

function cacheablePage(response: ServerResponse): boolean {
  const cacheControl = String(response.getHeader("cache-control") ?? "");
  return (
    response.statusCode === 200 &&
    // from Next's page cache, and not a stale copy it is re-rendering behind (right after a revalidatePath, the
    // next readers get the new page from Next, not this)
    response.getHeader("x-nextjs-cache") !== undefined &&
    response.getHeader("x-nextjs-cache") !== "STALE" &&
    response.getHeader("etag") !== undefined &&
    response.getHeader("set-cookie") === undefined &&
    !/\b(?:private|no-store|no-cache)\b/.test(cacheControl)
  );
}
