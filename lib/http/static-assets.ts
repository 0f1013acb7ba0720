// Next's built scripts and styles, sent as the brotli or gzip copies written after the build
// (scripts/lib/compress-static.mjs) instead of compressed again on every request: brotli at its best setting is
// about 15 % smaller than the gzip Next would send, too slow to run per request, and these files never change
// once built (their names hold their hash). Anything else, or a file with no copy, is left to Next.
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export type Encoding = "br" | "gzip";

/** The best of brotli and gzip the client accepts (RFC 9110 §12.5.3: a coding with q=0 is refused), or null. */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (coding: Encoding) => accepted.get(coding) ?? (accepted.has("*") ? accepted.get("*")! : 0);
  const br = weight("br");
  const gzip = weight("gzip");
  if (br > 0 && br >= gzip) return "br";
  if (gzip > 0) return "gzip";
  return null;
}

type Copy = { body: Buffer; type: string };
const cache = new Map<string, Copy | null>();

/** The compressed copy of `/_next/static/…` in `staticDir` for `encoding`, read once; null when there is none
 * (not built with the copies, not compressible, or a path that leaves the folder). */
function copyOf(staticDir: string, urlPath: string, encoding: Encoding): Copy | null {
  const key = `${encoding}:${urlPath}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  let found: Copy | null = null;
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath.slice("/_next/static/".length));
  } catch {
    return null;
  }
  const type = TYPES[path.extname(relative)];
  const file = path.resolve(staticDir, relative);
  if (type && file.startsWith(staticDir + path.sep) && !relative.includes("\0")) {
    try {
      found = { body: fs.readFileSync(`${file}.${encoding === "br" ? "br" : "gz"}`), type };
    } catch {
      found = null;
    }
  }
  // only what exists is kept: the map must not grow with whatever paths strangers ask for
  if (found) cache.set(key, found);
  return found;
}

/** Sends the compressed copy of a built asset and returns true, or returns false to let Next answer. */
export function sendCompressedStatic({ request, response, staticDir }: { request: IncomingMessage; response: ServerResponse; staticDir: string }): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const urlPath = (request.url ?? "").split("?")[0] ?? "";
  if (!urlPath.startsWith("/_next/static/")) return false;
  const encoding = preferredEncoding(request.headers["accept-encoding"]);
  if (!encoding) return false;
  const copy = copyOf(staticDir, urlPath, encoding);
  if (!copy) return false;
  response.writeHead(200, {
    "Content-Type": copy.type,
    "Content-Encoding": encoding,
    "Content-Length": copy.body.length,
    "Cache-Control": "public, max-age=31536000, immutable",
    Vary: "Accept-Encoding",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Resource-Policy": "same-origin",
  });
  response.end(request.method === "HEAD" ? undefined : copy.body);
  return true;
}
