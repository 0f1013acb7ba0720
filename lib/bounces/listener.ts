import "server-only";
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";
import { env } from "../env";
import { checkBounceAddress } from "../mail/verp";
import { parseReport } from "./parse-report";
import { keepRefusedAddress, recordReport } from "./record-bounce";
import { getRunningBounceListener, setRunningBounceListener, type BounceListener } from "./running-listener";

export const MAX_REPORT_BYTES = 1024 * 1024;
const MAX_CONNECTIONS = 20;


/** Vigil's own receiver for bounces and complaints (decision 018), fed by the bounce domain's MX or the relay.
 * RCPT is accepted only for a well-formed, correctly signed bounce address at BOUNCE_DOMAIN (else 550), so
 * nobody can use it to reach anyone; a message is at most 1 MB. Each accepted message is parsed and applied to
 * the row its address names (lib/bounces/record-bounce.ts); one that does not parse is kept as "ignored". */
export async function startBounceListener({ port = env().BOUNCE_SMTP_PORT, host = "0.0.0.0" }: { port?: number; host?: string } = {}): Promise<BounceListener | null> {
  if (port === undefined) return null;
  const running = getRunningBounceListener();
  if (running) return running;
  const server = new SMTPServer({
    name: env().bounceDomain,
    banner: "Vigil bounce listener",
    // a bounce comes from an MTA over the network: no login, no TLS offered here (put a relay in front for that)
    disabledCommands: ["AUTH", "STARTTLS"],
    authOptional: true,
    size: MAX_REPORT_BYTES,
    maxClients: MAX_CONNECTIONS,
    socketTimeout: 60_000,
    closeTimeout: 2_000,
    logger: false,
    onRcptTo(address: SMTPServerAddress, session, callback) {
      // one report names one letter: a second recipient is refused rather than applied twice
      if (session.envelope.rcptTo.length >= 1) return callback(Object.assign(new Error("5.5.3 One recipient per report"), { responseCode: 452 }));
      const checked = checkBounceAddress(address.address);
      if (!checked.ok) {
        keepRefusedAddress({ envelopeTo: address.address, reason: checked.reason });
        return callback(Object.assign(new Error("5.1.1 No such bounce address"), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const envelopeTo = session.envelope.rcptTo[0]?.address ?? "";
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          return callback(Object.assign(new Error("5.3.4 Message too big"), { responseCode: 552 }));
        }
        parseReport(Buffer.concat(chunks))
          .then((report) => {
            const outcome = recordReport({ envelopeTo, report });
            // counts only: never an address, a subject or a diagnostic that may quote one
            if (outcome.kind !== "ignored") console.warn(`[bounces] ${outcome.kind}${outcome.switched ? ": an official's address now goes by fax or post" : ""}`);
            callback();
          })
          .catch((error: Error) => {
            console.error(`[bounces] could not record a report (${error.name})`);
            callback(Object.assign(new Error("4.3.0 Try again later"), { responseCode: 451 }));
          });
      });
    },
  });
  server.on("error", (error: Error) => console.error(`[bounces] listener error (${error.name})`));
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, host, () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  const listener: BounceListener = {
    port: (server.server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        setRunningBounceListener(undefined);
        server.close(() => resolve());
      }),
  };
  setRunningBounceListener(listener);
  return listener;
}
