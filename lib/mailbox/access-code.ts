import crypto from "node:crypto";

// Kept in memory only, new at each start (a code that outlived a restart could be found in an old log); on
// globalThis because start-up (instrumentation) and the pages load their own copies of this module.
const KEY = Symbol.for("vigil.mailbox-code");
const store = globalThis as unknown as { [KEY]?: string };

/** The access code printed at start-up. */
export function mailboxAccessCode(): string {
  return (store[KEY] ??= crypto.randomBytes(18).toString("base64url"));
}

/** Constant time, so the code cannot be guessed a byte at a time. */
const digest = (s: string) => crypto.createHash("sha256").update(s).digest();

export function isMailboxCode(candidate: string | null | undefined): boolean {
  if (!candidate) return false;
  return crypto.timingSafeEqual(digest(candidate), digest(mailboxAccessCode()));
}

