import "server-only";
import net from "node:net";
import nodemailer from "nodemailer";
import type { Transporter } from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import SMTPPool from "nodemailer/lib/smtp-pool";
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

type SocketOptions = { host?: string; port?: number | string; secure?: boolean; connectionTimeout?: number };
type SocketCallback = (error: Error | null, socket?: { connection: net.Socket } | false) => void;

/** nodemailer's `getSocket` hook: each pooled connection on a TCP socket with Nagle's algorithm off. With it on
 * (Node's default for net sockets), the short last write of every message (the "." that ends DATA) waits for the
 * server's delayed ACK, about 40 ms on Linux: one connection carried ~21 messages/s to a local relay, and the outbox
 * drain was bound by that wait, not by work (decision 029). nodemailer still speaks TLS over it: smtps: upgrades
 * the socket at once, smtp: at STARTTLS. A socket that cannot connect is handed back as `false`: nodemailer then
 * connects itself and reports the failure through its own path (an error handed to this hook would leave the pool
 * holding a dead connection, and the queue stalled). */
function connectWithoutNagle(options: SocketOptions, callback: SocketCallback): void {
  const port = Number(options.port) || (options.secure ? 465 : 587);
  const socket = net.connect({ host: options.host ?? "localhost", port, noDelay: true });
  const giveUp = () => {
    clearTimeout(timer);
    socket.destroy();
    callback(null, false);
  };
  const timer = setTimeout(giveUp, options.connectionTimeout ?? 15_000);
  socket.once("error", giveUp);
  socket.once("connect", () => {
    clearTimeout(timer);
    socket.off("error", giveUp);
    socket.setKeepAlive(true);
    callback(null, { connection: socket });
  });
}

function smtpTransport(url: string): MailTransport {
  const { protocol, hostname } = new URL(url);
  // Supporters' names, Reply-To addresses and the SMTP password cross this connection: off this machine, refuse
  // to send in clear text when the server's STARTTLS offer is stripped (smtps: is TLS from the start).
  const offMachine = !/^(127\.|localhost$|\[::1\]$)/.test(hostname);
  // A pool built here, not `createTransport(url, options)`: with a URL first, nodemailer takes the second argument
  // as defaults of every MESSAGE, so pool, maxConnections, requireTLS and the timeouts were silently ignored and
  // each message opened a connection of its own (decision 029). SMTPPool parses the URL itself (its query too).
  const pool = new SMTPPool({
    url,
    pool: true,
    requireTLS: protocol === "smtp:" && offMachine,
    // one connection per message in flight (the delivery loop never has more), each reused for many messages
    maxConnections: env().OUTBOX_CONCURRENCY,
    maxMessages: 1000,
    getSocket: connectWithoutNagle as never,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  const transporter: Transporter = nodemailer.createTransport(pool, dkimOption());
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
