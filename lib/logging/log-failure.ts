// The one way the app logs a failure. No "server-only": the server, scripts and the tests share it.

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

type Described = { name?: unknown; type?: unknown; code?: unknown; cause?: unknown; err?: unknown; constructor?: { name?: unknown } };

/** The name of what failed and the first error code in its causes, e.g. "DrizzleQueryError/SQLITE_CONSTRAINT_UNIQUE".
 * Never a message, a cause or the error itself: drizzle's message and `params` hold the query's values (a
 * supporter's name, address, letter), an SMTP error the recipient, Auth.js's cause the address that signed in. Only
 * strings shaped like identifiers are printed, so nothing typed by a person can ride along. */
export function describeFailure(error: unknown): string {
  if (typeof error !== "object" || error === null) return "non-error value";
  const e = error as Described;
  // Auth.js names its errors' kind in `type` ("AdapterError"); drizzle leaves DrizzleQueryError's name "Error"
  const candidates = [e.type, e.name !== "Error" ? e.name : undefined, e.constructor?.name, e.name];
  const name = candidates.find((c): c is string => typeof c === "string" && NAME.test(c)) ?? "Error";
  const code = firstCode(e, 0);
  return code ? `${name}/${code}` : name;
}

// the SQLite code sits on the cause (better-sqlite3's SqliteError inside drizzle's error; Auth.js wraps it in { err })
function firstCode(e: Described, depth: number): string | undefined {
  if (typeof e.code === "string" && CODE.test(e.code)) return e.code;
  if (depth >= 4) return undefined;
  for (const next of [e.cause, e.err]) {
    if (typeof next === "object" && next !== null) {
      const found = firstCode(next as Described, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** One line on stderr: `[where] failed: Name/CODE`. `where` is the program's own words, never data. */
export function logFailure(where: string, error: unknown): void {
  console.error(`[${where}] failed: ${describeFailure(error)}`);
}
