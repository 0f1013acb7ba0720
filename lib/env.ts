// Configuration from the environment, parsed once. Start-up (scripts/prepare.ts, scripts/serve.mjs and
// instrumentation.ts) calls loadEnv() so a bad value stops the server with every bad variable named; everything
// else calls env().
import crypto from "node:crypto";
import fs from "node:fs";
import { z } from "zod";
import { checkFaxGateway } from "./fax/gateway";
import { parseTrustedProxies } from "./security/forwarded-request";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const days = (fallback: number) => z.coerce.number().int().min(0).max(3650, "must be at most 3650 (ten years)").default(fallback);

const mailAddress = z
  .string()
  .regex(/^[^\s<>@",;]+@[^\s<>@",;]+\.[^\s<>@",;]+$/, "must be one plain address such as appeals@example.org");

const dnsName = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, "must be a domain name such as example.org")
  .transform((d) => d.toLowerCase());

// A comma-separated list of plain addresses; each is checked, and kept lower-cased as Auth.js keeps identifiers.
const addressList = z
  .string()
  .transform((s) => s.split(",").map((a) => a.trim()).filter((a) => a !== ""))
  .pipe(z.array(mailAddress))
  .transform((list) => [...new Set(list.map((a) => a.normalize("NFKC").toLowerCase()))]);

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://appeals.example.org" })
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, "must be file:PATH, for example file:./data/vigil.db")
    .default("file:./data/vigil.db"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, "must be smtp://host:port or smtps://user:pass@host:port")
    .optional(),
  MAIL_FROM: mailAddress.default("appeals@vigil.example.org"),
  MAIL_FROM_NAME: z.string().min(1).max(60).default("Vigil"),
  REPLY_TO: mailAddress.optional(),
  // hashes tokens and client addresses: shorter is guessable offline (unset: made and kept in data/auth-secret)
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters; make one with: openssl rand -base64 32").optional(),
  // Where sign-in links point. Unset: APP_URL. Never the request's Host header, which a client chooses.
  AUTH_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://appeals.example.org" })
    .optional(),
  ADMIN_EMAILS: addressList.default([]),
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().positive().max(24 * 30, "must be at most 720 (30 days)").default(8),
  // The reverse proxies whose X-Forwarded-For is believed: false (none), true (this machine only) or their
  // addresses and CIDR ranges (lib/security/forwarded-request.ts); parsed to a list of ranges
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((value, ctx) => {
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt(3600),
  RATE_LIMIT_PER_CLIENT: positiveInt(120),
  RATE_LIMIT_PER_EMAIL: positiveInt(5),
  SIGN_IN_LINKS_PER_CLIENT: positiveInt(20),
  CONFIRM_TOKEN_TTL_HOURS: positiveInt(72),
  // Retention (lib/retention), in days; 0 means at the job's next run. /about states these periods as set here.
  RETAIN_PENDING_DAYS: days(7),
  RETAIN_LETTER_DAYS: days(30),
  RETAIN_MAILBOX_DAYS: days(2),
  // Public per-country counts list a country only from this many confirmed signatures (lib/cases/public-counts)
  COUNTRY_COUNT_THRESHOLD: positiveInt(10),
  // Below this many confirmed signatures the public figures move in jittered 10-minute steps; 0: always exact
  PUBLIC_COUNT_EXACT_FROM: z.coerce.number().int().min(0).default(100),
  OUTBOX_POLL_MS: positiveInt(1000),
  OUTBOX_LEASE_MS: positiveInt(120_000),
  OUTBOX_RETRY_BASE_MS: positiveInt(5_000),
  OUTBOX_RETRY_MAX_MS: positiveInt(3_600_000),
  OUTBOX_MAX_ATTEMPTS: positiveInt(20),
  OUTBOX_CONCURRENCY: positiveInt(4),
  // Pacing of letters to officials (lib/outbox/pacing.ts): an official with no rate of their own gets this many an
  // hour at most; all officials on one mail domain together get PACE_DOMAIN_PER_HOUR (ministries share servers;
  // 0: no cap per domain)
  PACE_DEFAULT_PER_HOUR: positiveInt(20),
  PACE_DOMAIN_PER_HOUR: z.coerce.number().int().min(0).default(120),
  // An email-to-fax address template; unset: fax letters go to the print run with the post (lib/targets/channel)
  FAX_GATEWAY: z
    .string()
    .superRefine((value, ctx) => {
      const problem = checkFaxGateway(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .optional(),
  // A fax line takes minutes per page: this long between two messages to one number
  FAX_GAP_SECONDS: z.coerce.number().int().min(0).default(120),
  // Lets the built-in mailbox (no SMTP_URL) run with an APP_URL that is not this machine: a throwaway demo only
  MAILBOX_DEMO: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  // The print run's paper, and the sender printed above the window address: the organisation's name, then the
  // return address lines (split on "|" or a newline; without the name, which the letter prints already)
  PRINT_PAPER: z.enum(["A4", "Letter"], { error: "must be A4 or Letter" }).default("A4"),
  ORG_NAME: z.string().min(1).max(120).optional(),
  ORG_RETURN_ADDRESS: z
    .string()
    .default("1 Example Street (demo address)|London EC1A 1AA|United Kingdom")
    .transform((s) => s.split(/\||\n/).map((line) => line.trim()).filter((line) => line !== ""))
    .pipe(z.array(z.string().max(80, "each line must be at most 80 characters")).min(1, "needs at least one line").max(6, "at most 6 lines fit above the window")),
  // VERP (lib/mail/verp.ts): each message's envelope sender is bounce+<row>-<signature>@BOUNCE_DOMAIN; unset:
  // MAIL_FROM's domain. The bounce listener (lib/bounces) takes mail for it on BOUNCE_SMTP_PORT; unset: off.
  BOUNCE_DOMAIN: dnsName.optional(),
  BOUNCE_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  // This many hard bounces in a row and an official's letters go by post or fax instead (lib/bounces)
  BOUNCE_SWITCH_AFTER: positiveInt(3),
  // DKIM signing of every outgoing message (lib/mail/transport.ts): all three set, or none
  DKIM_DOMAIN: dnsName.optional(),
  DKIM_SELECTOR: z.string().regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i, "must be a DNS label such as vigil2026").optional(),
  // the PEM text itself (newlines may be written as \n), or DKIM_PRIVATE_KEY_FILE: a path to the PEM file
  DKIM_PRIVATE_KEY: z.string().optional(),
  DKIM_PRIVATE_KEY_FILE: z.string().optional(),
  BENCH_ROUTES: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
});

export type Dkim = { domainName: string; keySelector: string; privateKey: string };

export type Env = z.infer<typeof EnvSchema> & {
  appUrl: string;
  mailDomain: string;
  orgName: string;
  bounceDomain: string;
  /** null: messages go unsigned */
  dkim: Dkim | null;
};

// The key is read and checked at start-up, so a wrong path or a damaged key stops the server, not the first send.
function dkimFrom(parsed: z.infer<typeof EnvSchema>): { dkim: Dkim | null; problems: string[] } {
  const { DKIM_DOMAIN: domainName, DKIM_SELECTOR: keySelector, DKIM_PRIVATE_KEY: inline, DKIM_PRIVATE_KEY_FILE: file } = parsed;
  const given = [domainName, keySelector, inline ?? file].filter((v) => v !== undefined).length;
  if (given === 0) return { dkim: null, problems: [] };
  if (inline !== undefined && file !== undefined) return { dkim: null, problems: ["DKIM_PRIVATE_KEY: set it or DKIM_PRIVATE_KEY_FILE, not both"] };
  if (given < 3) {
    return { dkim: null, problems: ["DKIM_DOMAIN: DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY (or DKIM_PRIVATE_KEY_FILE) are set together or not at all"] };
  }
  let pem: string;
  if (file !== undefined) {
    try {
      pem = fs.readFileSync(file, "utf8");
    } catch (error) {
      return { dkim: null, problems: [`DKIM_PRIVATE_KEY_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "error"})`] };
    }
  } else {
    pem = inline!.replace(/\\n/g, "\n");
  }
  try {
    crypto.createPrivateKey(pem);
  } catch {
    return { dkim: null, problems: [`${file !== undefined ? "DKIM_PRIVATE_KEY_FILE" : "DKIM_PRIVATE_KEY"}: not a PEM private key (make one with: openssl genrsa 2048)`] };
  }
  return { dkim: { domainName: domainName!, keySelector: keySelector!, privateKey: pem }, problems: [] };
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as in most shells' `FOO= cmd`
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const parsed = result.data;
  const appUrl = (parsed.APP_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, "");
  const mailDomain = parsed.MAIL_FROM.split("@")[1] ?? "localhost";
  const { dkim, problems } = dkimFrom(parsed);
  if (problems.length > 0) throw new EnvError(problems);
  return {
    ...parsed,
    appUrl,
    mailDomain,
    orgName: parsed.ORG_NAME ?? parsed.MAIL_FROM_NAME,
    bounceDomain: parsed.BOUNCE_DOMAIN ?? mailDomain.toLowerCase(),
    dkim,
  };
}

const KEY = Symbol.for("vigil.env");
const store = globalThis as unknown as { [KEY]?: Env };

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = parseEnv(source);
  store[KEY] = parsed;
  return parsed;
}

export function env(): Env {
  return store[KEY] ?? loadEnv();
}

/** For tests that change the environment between cases. */
export function resetEnv(): void {
  delete store[KEY];
}
