// Next's incremental cache (ISR pages, cached route handlers) kept in this process's memory, bounded.
// Not on disk: after a restart, or a test run against a fresh database, nothing rendered from other data is served.
const MAX_ENTRIES = 5000;
const entries = new Map();

module.exports = class MemoryCacheHandler {
  async get(key) {
    const entry = entries.get(key);
    if (!entry) return null;
    entries.delete(key); // re-insert: Map order is our LRU order
    entries.set(key, entry);
    return entry;
  }

  async set(key, data, ctx) {
    entries.delete(key);
    const headerTags = data && data.headers && data.headers["x-next-cache-tags"];
    const tags = [...((ctx && ctx.tags) || []), ...(typeof headerTags === "string" ? headerTags.split(",") : [])];
    entries.set(key, { value: data, lastModified: Date.now(), tags });
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value);
  }

  async revalidateTag(tags) {
    const list = Array.isArray(tags) ? tags : [tags];
    for (const [key, entry] of entries) {
      if (entry.tags.some((t) => list.includes(t))) entries.delete(key);
    }
  }

  resetRequestCache() {}
};
