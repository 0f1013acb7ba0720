// Next's incremental cache (ISR pages, cached route handlers) kept in this process's memory, bounded.
// Not on disk: after a restart, or a test run against a fresh database, nothing rendered from other data is served.
// Bounded by size as well as by count: a case page's entry (its HTML, its RSC payload and the segments for client
// navigation) is about 100 KB, so 5,000 entries alone could hold 500 MB once many cases and languages are visited
// (decision 030). Least recently used out first.
const MAX_ENTRIES = 5000;
const MAX_BYTES = 32 * 1024 * 1024;
const entries = new Map(); // key → { value, lastModified, tags, bytes }
let totalBytes = 0;
// counted up, synchronously, on every revalidateTag (revalidatePath after a campaigner's change): scripts/serve.mjs
// answers a public page from its last second's copy only while this count is the one the copy was made at
// (lib/http/recent-pages.ts). Not on set(): Next stores a 404 for any made-up address, so anyone could end every
// copy; a re-render a copy is older than is at most the copy's second old. A handler that kept its entries
// elsewhere (Redis) must still count before its first await.
const GENERATION = Symbol.for("vigil.page-cache.generation");
const changed = () => {
  globalThis[GENERATION] = (globalThis[GENERATION] || 0) + 1;
};

/** About how many bytes an entry holds: its strings and buffers, a few levels down (html, rscData, segmentData, body). */
function sizeOf(value, depth = 0) {
  if (value === null || value === undefined) return 0;
  if (typeof value === "string") return value.length;
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return value.byteLength;
  if (depth > 4 || typeof value !== "object") return 8;
  let bytes = 0;
  const children = value instanceof Map ? value.values() : Array.isArray(value) ? value : Object.values(value);
  for (const child of children) bytes += sizeOf(child, depth + 1);
  return bytes;
}

function remove(key) {
  const entry = entries.get(key);
  if (!entry) return;
  entries.delete(key);
  totalBytes -= entry.bytes;
}

module.exports = class MemoryCacheHandler {
  async get(key) {
    const entry = entries.get(key);
    if (!entry) return null;
    entries.delete(key); // re-insert: Map order is our LRU order
    entries.set(key, entry);
    return entry;
  }

  async set(key, data, ctx) {
    remove(key);
    const headerTags = data && data.headers && data.headers["x-next-cache-tags"];
    const tags = [...((ctx && ctx.tags) || []), ...(typeof headerTags === "string" ? headerTags.split(",") : [])];
    const bytes = sizeOf(data);
    if (bytes > MAX_BYTES) return; // never kept: it would push out everything else
    entries.set(key, { value: data, lastModified: Date.now(), tags, bytes });
    totalBytes += bytes;
    while (entries.size > MAX_ENTRIES || totalBytes > MAX_BYTES) remove(entries.keys().next().value);
  }

  async revalidateTag(tags) {
    changed();
    const list = Array.isArray(tags) ? tags : [tags];
    for (const [key, entry] of entries) {
      if (entry.tags.some((t) => list.includes(t))) remove(key);
    }
  }

  resetRequestCache() {}
};

module.exports.MAX_BYTES = MAX_BYTES;
module.exports.MAX_ENTRIES = MAX_ENTRIES;
