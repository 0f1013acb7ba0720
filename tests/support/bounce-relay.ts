// A relay that accepts every message, as an organisation's smarthost does, and later learns that some could not
// be delivered: for those recipients it writes an RFC 3464 delivery status notification, or an RFC 5965 abuse
// report, and sends it with nodemailer to the message's envelope sender (the VERP address) through the given
// SMTP server: the bounce listener under test. Reports are held until flush(), so a test decides when they land.
import nodemailer from "nodemailer";
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from "./smtp-capture";

export type RelayVerdict = { dsn: { action: "failed" | "delayed"; status: string; diagnostic: string } } | { complaint: "abuse" } | null;

export type BouncingRelay = SmtpCapture & {
  /** Sends every report held so far to the bounce listener; resolves with each one's SMTP outcome. */
  flush(): Promise<{ to: string; accepted: boolean; response: string }[]>;
};

export function deliveryStatusNotification(mail: Pick<CapturedMail, "envelope" | "messageId" | "subject">, dsn: { action: string; status: string; diagnostic: string }): string {
  const rcpt = mail.envelope.rcptTo[0] ?? "";
  return [
    "From: Mail Delivery System <MAILER-DAEMON@relay.example.net>",
    `To: <${mail.envelope.mailFrom}>`,
    "Subject: Undelivered Mail Returned to Sender",
    "Auto-Submitted: auto-replied",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="dsn-boundary-1"',
    "",
    "--dsn-boundary-1",
    "Content-Type: text/plain; charset=utf-8",
    "",
    `Your message to ${rcpt} could not be delivered.`,
    "",
    "--dsn-boundary-1",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; relay.example.net",
    "Arrival-Date: Wed, 2 Dec 2026 07:00:00 +0000",
    "",
    `Final-Recipient: rfc822; ${rcpt}`,
    `Original-Recipient: rfc822; ${rcpt}`,
    `Action: ${dsn.action}`,
    `Status: ${dsn.status}`,
    "Remote-MTA: dns; mx.example.org",
    `Diagnostic-Code: smtp; ${dsn.diagnostic}`,
    "",
    "--dsn-boundary-1",
    "Content-Type: text/rfc822-headers",
    "",
    `Message-ID: ${mail.messageId}`,
    `Subject: ${mail.subject}`,
    "",
    "--dsn-boundary-1--",
    "",
  ].join("\r\n");
}

export function abuseReport(mail: Pick<CapturedMail, "envelope" | "messageId" | "raw">): string {
  return [
    "From: Feedback Loop <fbl@isp.example.net>",
    `To: <${mail.envelope.mailFrom}>`,
    "Subject: Abuse report",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=feedback-report; boundary="arf-boundary-1"',
    "",
    "--arf-boundary-1",
    "Content-Type: text/plain",
    "",
    "A recipient marked this message as spam.",
    "",
    "--arf-boundary-1",
    "Content-Type: message/feedback-report",
    "",
    "Feedback-Type: abuse",
    "User-Agent: ExampleFBL/1.0",
    "Version: 1",
    `Original-Mail-From: <${mail.envelope.mailFrom}>`,
    "",
    "--arf-boundary-1",
    "Content-Type: message/rfc822",
    "",
    mail.raw.replace(/\r?\n/g, "\r\n").trimEnd(),
    "",
    "--arf-boundary-1--",
    "",
  ].join("\r\n");
}

/** Sends raw report text to `to` through the SMTP server at `port`, with the null sender bounces use. */
export async function sendReport({ port, to, raw }: { port: number; to: string; raw: string }): Promise<{ to: string; accepted: boolean; response: string }> {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  try {
    const info = await transport.sendMail({ envelope: { from: "", to }, raw });
    return { to, accepted: info.accepted.length === 1, response: info.response };
  } catch (error) {
    return { to, accepted: false, response: (error as { response?: string }).response ?? (error as Error).message };
  } finally {
    transport.close();
  }
}

export async function startBouncingRelay({ listenerPort, verdict }: { listenerPort: () => number; verdict: (rcpt: string) => RelayVerdict }): Promise<BouncingRelay> {
  const held: { to: string; raw: string }[] = [];
  const capture = await startSmtpCapture({
    onMessage(mail) {
      const v = verdict(mail.envelope.rcptTo[0] ?? "");
      if (!v) return;
      held.push({ to: mail.envelope.mailFrom, raw: "dsn" in v ? deliveryStatusNotification(mail, v.dsn) : abuseReport(mail) });
    },
  });
  return {
    ...capture,
    async flush() {
      const reports = held.splice(0);
      const results = [];
      for (const report of reports) results.push(await sendReport({ port: listenerPort(), ...report }));
      return results;
    },
  };
}
