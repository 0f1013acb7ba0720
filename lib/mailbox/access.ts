import "server-only";
import { cookies } from "next/headers";
import { getCurrentUser } from "../auth/guards";
import { env } from "../env";
import { isMailboxCode } from "./access-code";

export { isMailboxCode, mailboxAccessCode } from "./access-code";

/** The built-in mailbox exists only when no SMTP server is configured: then it is where all mail goes. */
export function isMailboxEnabled(): boolean {
  return !env().SMTP_URL;
}

export const MAILBOX_COOKIE = "vigil-mailbox";

/** Whether this request may read the mailbox. It holds every supporter's confirmation link and every staff
 * sign-in link, so the client's address proves nothing (a proxy on this machine makes everyone look local):
 * only the code printed at start-up, kept in a cookie by /mailbox/open, or an admin session opens it. */
export async function canOpenMailbox(): Promise<boolean> {
  if (!isMailboxEnabled()) return false;
  if (isMailboxCode((await cookies()).get(MAILBOX_COOKIE)?.value)) return true;
  return (await getCurrentUser())?.role === "admin";
}
