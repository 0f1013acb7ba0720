import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseFile } from "@/db/client";
import { env } from "../env";

const KEY = Symbol.for("vigil.secret");
const store = globalThis as unknown as { [KEY]?: string };

/** AUTH_SECRET, or a random one made on first start and kept beside the database (mode 0600), so tokens and
 * hashed client addresses stay stable across restarts without any setup. */
export function appSecret(): string {
  const cached = store[KEY];
  if (cached) return cached;
  let secret = env().AUTH_SECRET;
  if (!secret) {
    const file = path.join(path.dirname(databaseFile(env().DATABASE_URL)), "auth-secret");
    try {
      secret = fs.readFileSync(file, "utf8").trim();
    } catch {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const made = crypto.randomBytes(32).toString("base64url");
      try {
        fs.writeFileSync(file, made, { mode: 0o600, flag: "wx" });
      } catch {
        // another process made it first: use theirs
      }
      secret = fs.readFileSync(file, "utf8").trim();
    }
  }
  store[KEY] = secret;
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
