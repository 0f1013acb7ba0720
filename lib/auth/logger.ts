import "server-only";
import type { NextAuthConfig } from "next-auth";
import { describeFailure, logFailure } from "../logging/log-failure";

/** Auth.js's log. Its errors' causes carry what the adapter's query held (an address, a session token) and the
 * address that tried to sign in: only the error's kind goes out (lib/logging/log-failure.ts). A used or expired
 * link and a refused address are everyday events, not faults: one line, no stack. */
export const authLogger: NonNullable<NextAuthConfig["logger"]> = {
  error(error) {
    const kind = describeFailure(error);
    if (kind === "Verification" || kind === "AccessDenied") console.warn(`[auth] ${kind}`);
    else logFailure("auth", error);
  },
  // a warning is one of Auth.js's fixed codes ("debug-enabled", "csrf-disabled", ...); its default adds a URL
  warn(code) {
    console.warn(`[auth] warning: ${code}`);
  },
};
