// Whether this process may run with the built-in mailbox, and what it says when it does. Pure: start-up
// (lib/server-process.ts) decides and prints; the tests call these directly.

/** Hosts that are this machine: localhost, 127.0.0.0/8 and ::1. */
export function isThisMachine(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === "::1";
}

/** Why the server must not start, or null. Without SMTP_URL every sign-in link and confirmation is kept in the
 * mailbox instead of being sent; a server others can reach would hand them to whoever gets the code, and its
 * supporters would wait for mail that never comes. Only a deliberate MAILBOX_DEMO=true allows that. */
export function mailboxStartProblem(r: { smtpUrl: string | undefined; appUrl: string; demo: boolean }): string | null {
  if (r.smtpUrl || r.demo) return null;
  const { hostname } = new URL(r.appUrl);
  if (isThisMachine(hostname)) return null;
  return (
    `APP_URL is ${r.appUrl}, which is not this machine, and SMTP_URL is not set: no mail would leave this server. ` +
    "Set SMTP_URL, or MAILBOX_DEMO=true for a throwaway demo server whose mail stays in the built-in mailbox."
  );
}

/** The loud start-up notice of mailbox mode: the one place the access code is shown. */
export function mailboxStartNotice({ appUrl, code }: { appUrl: string; code: string }): string {
  const line = "=".repeat(78);
  return [
    line,
    "NO MAIL LEAVES THIS SERVER: SMTP_URL is not set, so every email is kept in the built-in mailbox.",
    "Open it (the code is new at every start; an admin session opens it too):",
    `  ${mailboxOpenUrl({ appUrl, code })}`,
    line,
  ].join("\n");
}

export function mailboxOpenUrl({ appUrl, code }: { appUrl: string; code: string }): string {
  return `${appUrl}/mailbox/open?code=${encodeURIComponent(code)}`;
}
