// Who the client is and whether a proxy passed the request on, decided once per request by scripts/serve.mjs
// from the socket and the raw headers, before Next sees the request (Next adds X-Forwarded-For itself, after
// which the app cannot tell). No `import "server-only"` and no Next import: serve.mjs loads this file in plain
// Node, outside any bundle. The app reads the result through client-address.ts.
import crypto from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";

/** Set by scripts/serve.mjs on every request, overwriting whatever the client sent. */
export const CLIENT_HEADER = "x-vigil-client";
export const FORWARDED_HEADER = "x-vigil-forwarded";
/** Proves the two above came from serve.mjs: a random value made once per process, never sent to a client. */
export const STAMP_HEADER = "x-vigil-stamp";

// On globalThis, not in this module: serve.mjs and Next's bundle each load their own copy of this file, in the
// same process. A server started without serve.mjs makes a value nobody stamps with, so it trusts no header.
const KEY = Symbol.for("vigil.request-stamp");
const store = globalThis as unknown as { [KEY]?: string };

function processStamp(): string {
  return (store[KEY] ??= crypto.randomBytes(32).toString("base64url"));
}

/** Whether a request's stamp is this process's (constant time: the value must not leak byte by byte). */
const digest = (s: string) => crypto.createHash("sha256").update(s).digest();

export function isStamped(value: string | null | undefined): boolean {
  if (!value) return false;
  return crypto.timingSafeEqual(digest(value), digest(processStamp()));
}

/** What serve.mjs decided about a request, as the app reads it: without this process's stamp the x-vigil-*
 * headers are the client's own words, so the client is "unknown" and the request counts as forwarded. */
export function readClientHeaders({ get }: { get: (name: string) => string | null }): { client: string; forwarded: boolean } {
  if (!isStamped(get(STAMP_HEADER))) return { client: "unknown", forwarded: true };
  return { client: get(CLIENT_HEADER) || "unknown", forwarded: get(FORWARDED_HEADER) !== "0" };
}

// A proxy is believed only when the request really comes from one nearby (loopback or a private network): with
// TRUST_PROXY set, a client reaching the port directly must not choose its own address by sending the header.
const NEARBY = /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|::1$|::ffff:(127|10|192\.168)\.|f[cd][0-9a-f]{2}:)/i;

/** The client's address: the socket's peer, or, with trustProxy and a peer nearby, the last hop of
 * X-Forwarded-For (the one that proxy added; earlier hops are whatever the client wrote). */
export function clientAddressFor({ peer, headers, trustProxy }: { peer: string; headers: IncomingHttpHeaders; trustProxy: boolean }): string {
  const forwarded = headers["x-forwarded-for"];
  if (trustProxy && forwarded && NEARBY.test(peer)) {
    const hops = String(forwarded).split(",").map((h) => h.trim()).filter(Boolean);
    return hops.at(-1) ?? peer;
  }
  return peer;
}

/** Whether anything between the client and us said it forwarded the request. */
export function hasForwardingHeaders({ headers }: { headers: IncomingHttpHeaders }): boolean {
  return Boolean(headers["x-forwarded-for"] || headers["forwarded"] || headers["x-real-ip"]);
}

/** Writes both verdicts and the stamp onto the request for the app, always overwriting, so only this server
 * ever sets them. */
export function stampClientHeaders({ request, trustProxy }: { request: IncomingMessage; trustProxy: boolean }): void {
  const { headers } = request;
  headers[CLIENT_HEADER] = clientAddressFor({ peer: request.socket.remoteAddress ?? "", headers, trustProxy });
  headers[FORWARDED_HEADER] = hasForwardingHeaders({ headers }) ? "1" : "0";
  headers[STAMP_HEADER] = processStamp();
}
