import "server-only";
import { headers } from "next/headers";
import { readClientHeaders } from "./forwarded-request";

/** The client's address as scripts/serve.mjs determined it (forwarded-request.ts): the socket's, or, with
 * TRUST_PROXY and a request that really comes from a nearby proxy, the address that proxy reports. Only ever
 * hashed (keyedHash), never stored or logged as is. "unknown" when the app is served some other way (then the
 * x-vigil-* headers lack serve.mjs's stamp and are not believed). */
export async function getClientAddress(): Promise<string> {
  const request = await headers();
  return readClientHeaders({ get: (name) => request.get(name) }).client;
}

/** Whether the request came through something that forwards (a reverse proxy), as scripts/serve.mjs saw it. */
export async function wasForwarded(): Promise<boolean> {
  const request = await headers();
  return readClientHeaders({ get: (name) => request.get(name) }).forwarded;
}

/** The unit a rate limit counts: an IPv4 address, or an IPv6 /64 (one subscriber usually holds a whole /64,
 * so counting single IPv6 addresses would let one person rotate through billions). */
export function rateLimitUnit(address: string): string {
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (v4) return v4[1]!;
  if (!address.includes(":")) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
