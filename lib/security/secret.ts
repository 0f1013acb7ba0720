import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseFile } from "@/db/client";
import { EnvError, env } from "../env";

const KEY = Symbol.for("vigil.secret");
// keyed by where the secret came from, so a changed DATABASE_URL or AUTH_SECRET (tests) reads it again
const store = globalThis as unknown as { [KEY]?: { source: string; secret: string } };

/** Shorter keys make every hashed token and client address guessable offline. */
export const MIN_SECRET_LENGTH = 32;
export const MAKE_SECRET_HINT = "make one with: openssl rand -base64 32";

/** AUTH_SECRET, or a random one made on first start and kept beside the database (mode 0600), so tokens and
 * hashed client addresses stay stable across restarts without any setup. A kept file shorter than
 * MIN_SECRET_LENGTH is refused (EnvError, so start-up stops with the remedy), as AUTH_SECRET is by lib/env.ts.
 * Called at start-up (lib/server-process.ts) so the server never starts with a weak one. */
export function appSecret(): string {
  const configured = env().AUTH_SECRET;
  const file = path.join(path.dirname(databaseFile(env().DATABASE_URL)), "auth-secret");
  const source = configured ? "env" : file;
  const cached = store[KEY];
  if (cached && cached.source === source) return cached.secret;
  let secret = configured;
  if (!secret) {
    try {
      secret = fs.readFileSync(file, "utf8").trim();
    } catch {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const made = crypto.randomBytes(32).toString("base64url");
      try {
        fs.writeFileSync(file, made, { mode: 0o600, flag: "wx" });
      } catch {
        // another process made it first: use theirs
      }
      secret = fs.readFileSync(file, "utf8").trim();
    }
    // a copy restored or written by hand may be readable by everyone: the key is this account's only
    fs.chmodSync(file, 0o600);
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new EnvError([
        `AUTH_SECRET: ${file} holds ${secret.length} characters, at least ${MIN_SECRET_LENGTH} are needed; ${MAKE_SECRET_HINT} > ${file} (or delete the file to have one made; sessions and unused links then stop working)`,
      ]);
    }
  }
  store[KEY] = { source, secret };
  return secret;
}

/** A keyed hash for things we must compare but never keep: client addresses, email addresses in rate limits. */
export function keyedHash(purpose: string, value: string): string {
  return crypto.createHmac("sha256", appSecret()).update(`${purpose}\0${value}`).digest("base64url");
}

export function randomToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("base64url");
}

export function newId(): string {
  return crypto.randomUUID();
}
