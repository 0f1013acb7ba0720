// Which letters wait for a digest instead of going one by one: the one rule confirmation and the editor share.
import type { Target } from "../targets/types";

/** An email letter to a fixed official in digest mode waits for that official's daily digest (no outbox row of
 * its own). A routed copy goes to a different mission per supporter, so it is never gathered; post and fax
 * letters go as they always do. */
export function waitsForDigest(target: Pick<Target, "routing" | "deliveryMode">, channel: string): boolean {
  return channel === "email" && target.routing === "fixed" && target.deliveryMode === "digest";
}
