import "server-only";
import nodemailer from "nodemailer";
import type { Transporter } from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { env, type Dkim } from "../env";

export type MailTransport = {
  kind: "smtp" | "mailbox";
  /** Resolves when the receiving server has accepted the message; with the mailbox, to its raw RFC 822 text. */
  send(message: Mail.Options): Promise<{ raw?: string }>;
  close(): void;
};

const KEY = Symbol.for("vigil.mail.transport");
const store = globalThis as unknown as { [KEY]?: { url: string; transport: MailTransport } };

// nodemailer's own DKIM signing (decision 018): every message either transport sends is signed when DKIM_* are set
function dkimOption(): { dkim?: Dkim } {
  const { dkim } = env();
  return dkim ? { dkim } : {};
}

function smtpTransport(url: string): MailTransport {
  const { protocol, hostname } = new URL(url);
  // Supporters' names, Reply-To addresses and the SMTP password cross this connection: off this machine, refuse
  // to send in clear text when the server's STARTTLS offer is stripped (smtps: is TLS from the start).
  const offMachine = !/^(127\.|localhost$|\[::1\]$)/.test(hostname);
  const transporter: Transporter = nodemailer.createTransport(url, {
    ...dkimOption(),
    requireTLS: protocol === "smtp:" && offMachine,
    pool: true,
    maxConnections: env().OUTBOX_CONCURRENCY,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  } as never);
  return {
    kind: "smtp",
    async send(message) {
      await transporter.sendMail(message);
      return {};
    },
    close: () => transporter.close(),
  };
}

function mailboxTransport(): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix", ...dkimOption() });
  return {
    kind: "mailbox",
    async send(message) {
      const info = await transporter.sendMail(message);
      return { raw: (info.message as Buffer).toString("utf8") };
    },
    close: () => transporter.close(),
  };
}

/** SMTP when SMTP_URL is set; otherwise the built-in mailbox, which keeps every message for /mailbox. */
export function getTransport(): MailTransport {
  // the signing key is part of the key of the cached transport: a changed DKIM setting (tests) makes a new one
  const url = `${env().SMTP_URL ?? "mailbox:"}#${env().dkim ? `${env().dkim!.domainName}/${env().dkim!.keySelector}` : ""}`;
  const current = store[KEY];
  if (current && current.url === url) return current.transport;
  current?.transport.close();
  const smtpUrl = env().SMTP_URL;
  const transport = smtpUrl === undefined ? mailboxTransport() : smtpTransport(smtpUrl);
  store[KEY] = { url, transport };
  return transport;
}

export function closeTransport(): void {
  store[KEY]?.transport.close();
  delete store[KEY];
}

/** Where mail goes, for the start-up banner: never prints credentials. */
export function describeTransport(): string {
  const url = env().SMTP_URL;
  if (!url) return `the built-in mailbox at ${env().appUrl}/mailbox (set SMTP_URL to send real mail)`;
  const parsed = new URL(url);
  return `SMTP server ${parsed.protocol}//${parsed.hostname}:${parsed.port || (parsed.protocol === "smtps:" ? 465 : 587)}`;
}
