// A real SMTP server on 127.0.0.1 for integration and end-to-end tests: it keeps every message it accepts,
// parsed back by mailparser, so tests read mail exactly as a receiving server would have it.
// No `server-only` imports here: Playwright (e2e/) loads this file in plain Node.
import net, { type AddressInfo } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";

export type CapturedMail = {
  messageId: string;
  /** The From header as text, e.g. `"Amira Haddad via Vigil" <appeals@vigil.example.org>` */
  from: string;
  fromName: string;
  fromAddress: string;
  /** Addresses in the To header */
  to: string[];
  replyTo: string | null;
  subject: string;
  text: string;
  /** Header name (lower case) → value as sent; repeated headers are joined with a newline */
  headers: Record<string, string>;
  /** What the client said in the SMTP dialogue, which is where the mail actually goes. smtp-server shows
   * punycode domains decoded; `smtpUtf8` says whether the client needed the SMTPUTF8 extension, which many
   * receiving servers do not offer. */
  envelope: { mailFrom: string; rcptTo: string[]; smtpUtf8: boolean };
  raw: string;
  /** When the client began this message (its first RCPT TO) and when the server answered its DATA (after any
   * `delayMs`), in ms since the epoch: together, the time the message was in flight. */
  startedAt: number;
  acceptedAt: number;
};

export type SmtpRejection = { code: number; message: string };

export type SmtpCapture = {
  port: number;
  url: string;
  messages: CapturedMail[];
  /** Every RCPT TO the server refused, in order */
  rejections: { address: string; code: number }[];
  /** Polls until `predicate(messages)` holds, then returns the messages; throws after `timeoutMs`. */
  waitFor(predicate: (messages: readonly CapturedMail[]) => boolean, timeoutMs?: number): Promise<CapturedMail[]>;
  close(): Promise<void>;
};

function addresses(value: AddressObject | AddressObject[] | undefined): { name: string; address: string }[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((a) => a.value).map((a) => ({ name: a.name, address: a.address ?? "" }));
}

export async function startSmtpCapture({
  port = 0,
  rejectWith,
  delayMs = 0,
  onMessage,
}: {
  port?: number;
  /** Answer RCPT TO for this address with an SMTP error instead of accepting it */
  rejectWith?: (rcpt: string) => SmtpRejection | null;
  /** Wait this long before answering each message's DATA, like a slow server */
  delayMs?: number;
  /** Called with each message once it is recorded, before the client is answered (a relay's next step) */
  onMessage?: (mail: CapturedMail) => void;
} = {}): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  const rejections: SmtpCapture["rejections"] = [];
  const startedAt = new Map<string, number>();

  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    // close() waits this long for pooled client connections before cutting them
    closeTimeout: 500,
    onRcptTo(address: SMTPServerAddress, session, callback) {
      if (session.envelope.rcptTo.length === 0) startedAt.set(session.id, Date.now());
      const rejection = rejectWith?.(address.address) ?? null;
      if (!rejection) return callback();
      rejections.push({ address: address.address, code: rejection.code });
      callback(Object.assign(new Error(rejection.message), { responseCode: rejection.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw)
          .then(async (parsed) => {
            const from = addresses(parsed.from)[0];
            const headers: Record<string, string> = {};
            for (const { key, line } of parsed.headerLines) {
              const value = line.slice(line.indexOf(":") + 1).trim();
              headers[key] = headers[key] === undefined ? value : `${headers[key]}\n${value}`;
            }
            // the message is recorded before the client is told it was accepted, so a resolved send is readable
            const mail: CapturedMail = {
              messageId: parsed.messageId ?? "",
              from: parsed.from?.text ?? "",
              fromName: from?.name ?? "",
              fromAddress: from?.address ?? "",
              to: addresses(parsed.to).map((a) => a.address),
              replyTo: parsed.replyTo ? addresses(parsed.replyTo).map((a) => a.address).join(", ") : null,
              subject: parsed.subject ?? "",
              text: (parsed.text ?? "").replace(/\r\n/g, "\n"),
              headers,
              envelope: {
                mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
                rcptTo: session.envelope.rcptTo.map((r) => r.address),
                smtpUtf8: session.envelope.smtpUtf8 === true,
              },
              raw,
              startedAt: startedAt.get(session.id) ?? Date.now(),
              acceptedAt: Date.now(),
            };
            messages.push(mail);
            onMessage?.(mail);
            if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
            mail.acceptedAt = Date.now();
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });

  // a client dropping its socket (a pool closing, a killed server) is routine here, not a test failure
  server.on("error", () => {});

  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  const actualPort = (server.server.address() as AddressInfo).port;

  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    messages,
    rejections,
    async waitFor(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(messages)) {
        if (Date.now() > deadline) {
          const seen = messages.map((m) => `${m.to.join(",")}: ${m.subject}`).join("\n  ");
          throw new Error(`SMTP capture: condition not met within ${timeoutMs} ms; received ${messages.length}:\n  ${seen}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return [...messages];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago): for "the mail server is down". */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
