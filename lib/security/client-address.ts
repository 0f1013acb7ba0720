import "server-only";
import { headers } from "next/headers";

/** The client's address as scripts/serve.mjs recorded it: the socket's, or the proxy's X-Forwarded-For entry
 * nearest to us when TRUST_PROXY is set. Only ever hashed (keyedHash), never stored or logged as is. */
export async function getClientAddress(): Promise<string> {
  const forwarded = (await headers()).get("x-forwarded-for") ?? "";
  const parts = forwarded.split(",").map((p) => p.trim()).filter(Boolean);
  return parts.at(-1) ?? "unknown";
}
