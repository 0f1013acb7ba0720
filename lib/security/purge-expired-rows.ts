import "server-only";
import { lt } from "drizzle-orm";
import { writeTransaction } from "@/db/client";
import { rateLimits, sessions, verificationTokens } from "@/db/schema";
import { longestRateLimitWindowMs } from "./rate-limits";

/** Deletes what can no longer do anything: expired sign-in tokens and sessions, and rate-limit rows whose window
 * ended (a hit in a new window starts the count again anyway). Run on the server's timer (lib/server-process.ts),
 * so these tables stay as small as the last hour's traffic. */
export function purgeExpiredRows({ now = new Date() }: { now?: Date } = {}): { tokens: number; sessions: number; rateLimits: number } {
  const staleBefore = new Date(now.getTime() - longestRateLimitWindowMs());
  return writeTransaction((tx) => ({
    tokens: tx.delete(verificationTokens).where(lt(verificationTokens.expires, now)).run().changes,
    sessions: tx.delete(sessions).where(lt(sessions.expires, now)).run().changes,
    rateLimits: tx.delete(rateLimits).where(lt(rateLimits.windowStart, staleBefore)).run().changes,
  }));
}
