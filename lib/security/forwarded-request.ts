// Who the client is and whether a proxy passed the request on, decided once per request by scripts/serve.mjs
// from the socket and the raw headers, before Next sees the request (Next adds X-Forwarded-For itself, after
// which the app cannot tell). No `import "server-only"` and no Next import: serve.mjs loads this file in plain
// Node, outside any bundle. The app reads the result through client-address.ts.
import crypto from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import net from "node:net";

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

// TRUST_PROXY: the proxies' own addresses, never whole private ranges: any other host on a private network could
// otherwise name its own client address by sending the header.
/** TRUST_PROXY=true: a proxy on this machine only. */
export const LOOPBACK_PROXIES = ["127.0.0.0/8", "::1/128"] as const;

/** An address as a socket or a person writes it, made comparable: no zone (fe80::1%eth0), IPv4-mapped IPv6
 * (::ffff:172.16.0.1) as the IPv4 address it is. null when it is not an IP address. */
function plainAddress(value: string): { address: string; family: "ipv4" | "ipv6" } | null {
  const address = value.trim().replace(/%.*$/, "").replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  const version = net.isIP(address);
  return version === 4 ? { address, family: "ipv4" } : version === 6 ? { address: address.toLowerCase(), family: "ipv6" } : null;
}

/** TRUST_PROXY's value as a list of ranges ("10.0.0.5/32", "fd00::/8"): "false" or "0" none, "true" or "1" this
 * machine (LOOPBACK_PROXIES, as before the list existed), else comma-separated addresses and CIDR ranges, IPv4,
 * IPv6 or IPv4-mapped IPv6 (::ffff:10.0.0.0/104 is 10.0.0.0/8). Throws with the entries it cannot read. */
export function parseTrustedProxies(value: string): string[] {
  const text = value.trim().toLowerCase();
  if (text === "" || text === "false" || text === "0") return [];
  if (text === "true" || text === "1") return [...LOOPBACK_PROXIES];
  const bad: string[] = [];
  const ranges = text.split(",").map((entry) => entry.trim()).filter(Boolean).flatMap((entry) => {
    const [host = "", prefixText, ...rest] = entry.split("/");
    const ip = plainAddress(host);
    const mapped = ip?.family === "ipv4" && host.includes(":");
    const max = ip?.family === "ipv4" ? 32 : 128;
    let prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (mapped && prefixText !== undefined) prefix -= 96;
    if (!ip || rest.length > 0 || !(prefix >= 0 && prefix <= max)) {
      bad.push(entry);
      return [];
    }
    return [`${ip.address}/${prefix}`];
  });
  if (bad.length > 0 || ranges.length === 0) {
    throw new Error(`must be false, true (a proxy on this machine) or a comma-separated list of the proxies' IP addresses or CIDR ranges${bad.length ? ` (cannot read: ${bad.join(", ")})` : ""}`);
  }
  return ranges;
}

const lists = new WeakMap<readonly string[], net.BlockList>();

/** Whether `peer` (a socket's remote address) is one of the configured proxies. */
export function isTrustedProxy({ peer, trustedProxies }: { peer: string; trustedProxies: readonly string[] }): boolean {
  const ip = plainAddress(peer);
  if (!ip || trustedProxies.length === 0) return false;
  let list = lists.get(trustedProxies);
  if (!list) {
    list = new net.BlockList();
    for (const range of trustedProxies) {
      const [address = "", prefix = ""] = range.split("/");
      list.addSubnet(address, Number(prefix), net.isIP(address) === 4 ? "ipv4" : "ipv6");
    }
    lists.set(trustedProxies, list);
  }
  return list.check(ip.address, ip.family);
}

/** The client's address: the socket's peer, or, when the peer is one of the trusted proxies, the last hop of
 * X-Forwarded-For (the one that proxy added; earlier hops are whatever the client wrote). */
export function clientAddressFor({ peer, headers, trustedProxies }: { peer: string; headers: IncomingHttpHeaders; trustedProxies: readonly string[] }): string {
  const forwarded = headers["x-forwarded-for"];
  if (forwarded && isTrustedProxy({ peer, trustedProxies })) {
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
export function stampClientHeaders({ request, trustedProxies }: { request: IncomingMessage; trustedProxies: readonly string[] }): void {
  const { headers } = request;
  headers[CLIENT_HEADER] = clientAddressFor({ peer: request.socket.remoteAddress ?? "", headers, trustedProxies });
  headers[FORWARDED_HEADER] = hasForwardingHeaders({ headers }) ? "1" : "0";
  headers[STAMP_HEADER] = processStamp();
}
