import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";

/** Counts one hit against `key` in a fixed window and says whether it is within `limit`. A single upsert, so
 * concurrent requests cannot both read the old count. Runs inside the caller's write transaction. */
export function hitRateLimit(
  tx: Db,
  { key, limit, windowMs, now = new Date() }: { key: string; limit: number; windowMs: number; now?: Date },
): { allowed: boolean; count: number; retryAfterMs: number } {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const row = tx
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} = ${windowStart.getTime()} then ${rateLimits.count} + 1 else 1 end`,
        windowStart,
      },
    })
    .returning({ count: rateLimits.count })
    .get();
  const count = row?.count ?? 1;
  return { allowed: count <= limit, count, retryAfterMs: windowStart.getTime() + windowMs - now.getTime() };
}
