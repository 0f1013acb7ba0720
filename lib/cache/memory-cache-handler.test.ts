import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

type Entry = { value: unknown; tags: string[] } | null;
type Handler = {
  get(key: string): Promise<Entry>;
  set(key: string, data: unknown, ctx?: { tags?: string[] }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
};
const require = createRequire(import.meta.url);
type HandlerClass = { new (): Handler; MAX_BYTES: number };
/** The handler's store is its module's: each test loads a fresh copy. */
function freshHandler(): { cache: Handler; maxBytes: number } {
  delete require.cache[require.resolve("./memory-cache-handler.cjs")];
  const MemoryCacheHandler = require("./memory-cache-handler.cjs") as HandlerClass;
  return { cache: new MemoryCacheHandler(), maxBytes: MemoryCacheHandler.MAX_BYTES };
}
const MB = 1024 * 1024;
const generation = () => (globalThis as unknown as Record<symbol, number | undefined>)[Symbol.for("vigil.page-cache.generation")] ?? 0;

/** A page entry as Next stores one: its HTML, its RSC payload and the segments for client navigation. */
const pageEntry = (kb: number) => ({
  kind: "APP_PAGE",
  html: "x".repeat((kb / 2) * 1024),
  rscData: Buffer.alloc((kb / 4) * 1024),
  segmentData: new Map([["/_tree", Buffer.alloc((kb / 4) * 1024)]]),
  headers: { "x-next-cache-tags": "_N_T_/layout" },
  status: 200,
});

describe("the in-memory page cache", () => {
  it("keeps pages up to its size bound, dropping the least recently read first", async () => {
    const { cache, maxBytes } = freshHandler();
    const perPage = 1024; // KB
    const fit = maxBytes / MB - 1; // a page of headroom for the headers and the rest of each entry
    for (let i = 0; i < fit; i++) await cache.set(`size-${i}`, pageEntry(perPage));
    // every page fits; reading the first makes it the most recently used
    expect(await cache.get("size-0")).not.toBeNull();
    for (let i = fit; i < fit + 3; i++) await cache.set(`size-${i}`, pageEntry(perPage));

    expect(await cache.get("size-0")).not.toBeNull(); // read: kept
    for (const gone of ["size-1", "size-2", "size-3"]) expect(await cache.get(gone)).toBeNull();
    expect(await cache.get("size-4")).not.toBeNull();
    expect(await cache.get(`size-${fit + 2}`)).not.toBeNull();
  });

  it("never keeps an entry larger than the whole bound, and keeps what it held", async () => {
    const { cache, maxBytes } = freshHandler();
    await cache.set("small-page", pageEntry(8));
    await cache.set("huge-page", pageEntry((maxBytes / 1024) * 2));
    expect(await cache.get("huge-page")).toBeNull();
    expect(await cache.get("small-page")).not.toBeNull();
  });

  it("forgets the pages of a revalidated tag, and their bytes", async () => {
    const { cache, maxBytes } = freshHandler();
    await cache.set("tagged-a", pageEntry(4), { tags: ["case-a"] });
    await cache.set("tagged-b", pageEntry(4), { tags: ["case-b"] });
    await cache.revalidateTag("case-a");
    expect(await cache.get("tagged-a")).toBeNull();
    expect(await cache.get("tagged-b")).not.toBeNull();
    // what is left plus a bound's worth of new pages: the oldest go, tagged-b first, and the newest stay
    const pages = maxBytes / MB;
    for (let i = 0; i < pages; i++) await cache.set(`after-${i}`, pageEntry(1024));
    expect(await cache.get("tagged-b")).toBeNull();
    expect(await cache.get(`after-${pages - 1}`)).not.toBeNull();
    expect(await cache.get(`after-${pages - 2}`)).not.toBeNull();
  });

  it("counts every revalidation at once, before its first await, for the server's recent copies (lib/http/recent-pages.ts)", async () => {
    const { cache } = freshHandler();
    const start = generation();
    await cache.get("nothing-here");
    await cache.set("counted", pageEntry(4), { tags: ["case-c"] });
    // a read or a page stored (a 404 for any made-up address is stored too) ends no copy
    expect(generation()).toBe(start);
    const revalidating = cache.revalidateTag("case-c");
    expect(generation()).toBe(start + 1); // counted before Next's answer to the action can be sent
    await revalidating;
    expect(await cache.get("counted")).toBeNull();
  });
});
