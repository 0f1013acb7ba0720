// No "server-only" here: client components import the codes to show the right words.
export type AccessErrorCode = "unauthenticated" | "forbidden";

/** Thrown by the require* guards. Pages turn it into a redirect to sign-in (or a 404); actions into a refusal. */
export class AccessError extends Error {
  constructor(readonly code: AccessErrorCode) {
    super(code === "unauthenticated" ? "Not signed in" : "Not allowed");
    this.name = "AccessError";
  }
}

export function isAccessError(error: unknown): error is AccessError {
  return error instanceof AccessError;
}

/** Words safe to show for a refused server action. */
export function refusalMessage(code: AccessErrorCode): string {
  return code === "unauthenticated"
    ? "Your session has ended. Sign in again, then repeat what you were doing."
    : "Your account is not allowed to do this.";
}
