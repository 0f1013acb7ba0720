import "server-only";
import { sql } from "drizzle-orm";
import { preparedFor, type Db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { env, type Env } from "../env";
import { keyedHash } from "./secret";

// Every rate limit in the app, in one place: what it counts, how many, over how long, and the words a refused
// person reads. Callers name a limit and never see its numbers, so the wording cannot drift from the window
// (the sign form once said "in the last hour" whatever RATE_LIMIT_WINDOW_SECONDS was).

type LimitDefinition = {
  /** the keyed hash's purpose: changing it starts every count under this limit again from zero */
  purpose: string;
  count: (config: Env) => number;
  windowSeconds: (config: Env) => number;
  /** what the refused person reads; limits that must look like success to the client are never shown */
  refusal: (words: { window: string; retryAfter: string }) => string;
};

const LIMITS = {
  /** sign submissions from one client address (an IPv6 /64): a school network signing together stays under */
  signPerClient: {
    purpose: "client",
    count: (c) => c.RATE_LIMIT_PER_CLIENT,
    windowSeconds: (c) => c.RATE_LIMIT_WINDOW_SECONDS,
    refusal: ({ window, retryAfter }) => `Very many appeals have come from your network ${window}. Please try again in ${retryAfter}.`,
  },
  /** mail to one address for one case: a typo corrected, a lost email; silent, the page must not tell */
  signPerEmailPerCase: {
    purpose: "email-case",
    count: (c) => c.RATE_LIMIT_PER_EMAIL,
    windowSeconds: (c) => c.RATE_LIMIT_WINDOW_SECONDS,
    refusal: ({ window, retryAfter }) => `This address has been sent several emails for this case ${window}. Try again in ${retryAfter}.`,
  },
  /** mail to one address across all cases: a supporter signing several in an evening, never a flood; silent */
  signPerEmail: {
    purpose: "email",
    count: (c) => c.RATE_LIMIT_PER_EMAIL * 4,
    windowSeconds: (c) => c.RATE_LIMIT_WINDOW_SECONDS,
    refusal: ({ window, retryAfter }) => `This address has been sent many emails ${window}. Try again in ${retryAfter}.`,
  },
  /** staff sign-in links to one address from one client (an IPv6 /64): a mistyped attempt or two, too few to flood
   * a colleague. Per (address, client), never per address alone: a stranger asking for an admin's address from
   * their own network must not use up the admin's links. Silent, so the form cannot tell who has an account */
  signInLink: {
    purpose: "sign-in-client",
    count: () => 5,
    windowSeconds: (c) => c.RATE_LIMIT_WINDOW_SECONDS,
    refusal: ({ window, retryAfter }) => `Several sign-in links have been sent to this address ${window}. Try again in ${retryAfter}.`,
  },
  /** sign-in link requests from one client for any address: bounds how much mail one network can cause by
   * cycling through addresses; silent like the one above */
  signInLinkPerClient: {
    purpose: "sign-in-any",
    count: (c) => c.SIGN_IN_LINKS_PER_CLIENT,
    windowSeconds: (c) => c.RATE_LIMIT_WINDOW_SECONDS,
    refusal: ({ window, retryAfter }) => `Very many sign-in links have been asked for from your network ${window}. Try again in ${retryAfter}.`,
  },
  /** "erase my details" links to one address: a lost email or two, never a flood of mail at someone else's
   * address; silent, so the /erase page reads the same for every address */
  erasureLink: {
    purpose: "erasure-email",
    count: () => 3,
    windowSeconds: (c) => c.RATE_LIMIT_WINDOW_SECONDS,
    refusal: ({ window, retryAfter }) => `Several erasure links have been sent to this address ${window}. Try again in ${retryAfter}.`,
  },
  /** erasure link requests from one client for any address: bounds the mail one network can cause */
  erasureLinkPerClient: {
    purpose: "erasure-client",
    count: (c) => c.SIGN_IN_LINKS_PER_CLIENT,
    windowSeconds: (c) => c.RATE_LIMIT_WINDOW_SECONDS,
    refusal: ({ window, retryAfter }) => `Very many erasure links have been asked for from your network ${window}. Please try again in ${retryAfter}.`,
  },
  /** "send me a test" per campaigner: each press mails one letter per target to themselves */
  testLetter: {
    purpose: "test-letter",
    count: () => 5,
    windowSeconds: () => 10 * 60,
    refusal: ({ window, retryAfter }) => `You have sent several tests ${window}. Try again in ${retryAfter}.`,
  },
  /** photo uploads per staff member (each holds up to 5 MB in memory and on disk for a day when never saved) */
  photoUpload: {
    purpose: "photo-upload",
    count: () => 60,
    windowSeconds: () => 60 * 60,
    refusal: ({ window, retryAfter }) => `You have uploaded many photos ${window}. Try again in ${retryAfter}.`,
  },
} satisfies Record<string, LimitDefinition>;

export type RateLimitName = keyof typeof LIMITS;

export type RateLimitPolicy = { name: RateLimitName; count: number; windowMs: number; window: string };

export type RateLimitVerdict =
  | { allowed: true }
  | { allowed: false; retryAfterMs: number; retryAfterMinutes: number; message: string };

const inTheLast = (n: number, unit: string) => (n === 1 ? `in the last ${unit}` : `in the last ${n} ${unit}s`);

/** "in the last hour", "in the last 10 minutes", "in the last 2 hours", "in the last 90 seconds". */
export function windowWording(seconds: number): string {
  if (seconds % 3600 === 0) return inTheLast(seconds / 3600, "hour");
  if (seconds % 60 === 0) return inTheLast(seconds / 60, "minute");
  return inTheLast(seconds, "second");
}

/** "1 minute", "25 minutes": never "0 minutes", a refused person waits at least until the next minute. */
export function retryWording(retryAfterMs: number): string {
  const minutes = retryMinutes(retryAfterMs);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

const retryMinutes = (retryAfterMs: number) => Math.max(1, Math.ceil(retryAfterMs / 60_000));

/** A limit's numbers as configured now, for tests and for pages that explain them. */
export function rateLimitPolicy(name: RateLimitName): RateLimitPolicy {
  const config = env();
  const definition: LimitDefinition = LIMITS[name];
  const seconds = definition.windowSeconds(config);
  return { name, count: definition.count(config), windowMs: seconds * 1000, window: windowWording(seconds) };
}

/** The longest window of any limit: a rate-limit row whose window started longer ago than this counts nothing. */
export function longestRateLimitWindowMs(): number {
  const config = env();
  return Math.max(...Object.values(LIMITS).map((d: LimitDefinition) => d.windowSeconds(config) * 1000));
}

/**
 * Counts one hit of `name` for `subject` (a client address unit, an email, a user id; parts are joined) and says
 * whether it is within the limit, with the refusal in words when not. Only a keyed hash of the subject is stored.
 * Runs inside the caller's write transaction, so the hit and the work it allows commit together.
 */
export function consumeRateLimit(
  tx: Db,
  { name, subject, now = new Date() }: { name: RateLimitName; subject: string | readonly string[]; now?: Date },
): RateLimitVerdict {
  const policy = rateLimitPolicy(name);
  const definition: LimitDefinition = LIMITS[name];
  const key = keyedHash(definition.purpose, typeof subject === "string" ? subject : subject.join("\0"));
  const { count, retryAfterMs } = hit(tx, { key, windowMs: policy.windowMs, now });
  if (count <= policy.count) return { allowed: true };
  return {
    allowed: false,
    retryAfterMs,
    retryAfterMinutes: retryMinutes(retryAfterMs),
    message: definition.refusal({ window: policy.window, retryAfter: retryWording(retryAfterMs) }),
  };
}

const upsertHit = preparedFor((db) =>
  db
    .insert(rateLimits)
    .values({ key: sql.placeholder("key"), windowStart: sql.placeholder("windowStart"), count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        // a raw placeholder is passed to SQLite as it is: the window's start in epoch milliseconds, as stored
        count: sql`case when ${rateLimits.windowStart} = ${sql.placeholder("windowStartMs")} then ${rateLimits.count} + 1 else 1 end`,
        windowStart: sql`${sql.placeholder("windowStartMs")}`,
      },
    })
    .returning({ count: rateLimits.count })
    .prepare(),
);

/** One hit against `key` in a fixed window. A single upsert, so concurrent requests cannot both read the old count. */
function hit(tx: Db, { key, windowMs, now }: { key: string; windowMs: number; now: Date }): { count: number; retryAfterMs: number } {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const row = upsertHit(tx).get({ key, windowStart, windowStartMs: windowStart.getTime() });
  return { count: row?.count ?? 1, retryAfterMs: windowStart.getTime() + windowMs - now.getTime() };
}
