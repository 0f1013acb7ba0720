// Reads a bounce or complaint as the listener received it: an RFC 3464 delivery status notification
// (multipart/report; report-type=delivery-status) or an RFC 5965 abuse report (report-type=feedback-report).
// Anything else is "ignored", with the reason kept for staff. Pure: no database, no server imports.
import { simpleParser } from "mailparser";

export type ParsedReport =
  | { kind: "hard" | "soft"; status: string; diagnostic: string | null }
  | { kind: "complaint"; feedbackType: string }
  | { kind: "ignored"; reason: string };

/** "Name: value" fields of one block, continuation lines unfolded; names lower-cased. */
function fields(block: string): Map<string, string> {
  const out = new Map<string, string>();
  let last: string | null = null;
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) {
      out.set(last, `${out.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    if (!out.has(last)) out.set(last, line.slice(colon + 1).trim());
  }
  return out;
}

// "smtp; 550 5.1.1 <x@y>: user unknown": the type prefix goes, the rest is the remote server's own words
const diagnosticText = (value: string | undefined) => (value ? value.replace(/^[a-z0-9-]+\s*;\s*/i, "").slice(0, 500) : null);

export function parseDeliveryStatus(body: string): ParsedReport {
  // the first block describes the message, each further block one recipient (RFC 3464 2.1)
  const blocks = body.split(/\r?\n[ \t]*\r?\n/).map(fields).filter((f) => f.size > 0);
  const recipients = blocks.filter((f) => f.has("action") || f.has("final-recipient"));
  if (recipients.length === 0) return { kind: "ignored", reason: "a delivery status report without a recipient block" };
  // Vigil sends every message to one recipient: its block is the report
  const r = recipients[0]!;
  const action = (r.get("action") ?? "").toLowerCase();
  const status = /^([245])\.\d{1,3}\.\d{1,3}/.exec(r.get("status") ?? "")?.[0];
  if (!status) return { kind: "ignored", reason: `no valid Status field (${(r.get("status") ?? "none").slice(0, 40)})` };
  const diagnostic = diagnosticText(r.get("diagnostic-code"));
  if (action === "failed" && status.startsWith("5")) return { kind: "hard", status, diagnostic };
  if ((action === "failed" || action === "delayed") && status.startsWith("4")) return { kind: "soft", status, diagnostic };
  if (action === "delayed") return { kind: "soft", status, diagnostic };
  return { kind: "ignored", reason: `not a failure (Action: ${action.slice(0, 20) || "none"}, Status: ${status})` };
}

export function parseFeedbackReport(body: string): ParsedReport {
  const f = fields(body);
  const type = f.get("feedback-type");
  if (!type) return { kind: "ignored", reason: "a feedback report without a Feedback-Type" };
  return { kind: "complaint", feedbackType: type.toLowerCase().slice(0, 40) };
}

/** The top-level parts of a multipart body: each one's content type and its body, decoded from base64 or
 * quoted-printable where the part says so. */
function reportParts(raw: string, boundary: string): { type: string; body: string }[] {
  const delimiter = `--${boundary}`;
  const chunks = raw.split(/\r?\n/).reduce<string[][]>((acc, line) => {
    if (line === delimiter || line.startsWith(`${delimiter}--`)) acc.push([]);
    else acc.at(-1)?.push(line);
    return acc;
  }, []);
  return chunks.flatMap((lines) => {
    const blank = lines.indexOf("");
    if (blank < 0) return [];
    const head = fields(lines.slice(0, blank).join("\n"));
    const type = (head.get("content-type") ?? "text/plain").split(";")[0]!.trim().toLowerCase();
    const encoding = (head.get("content-transfer-encoding") ?? "").toLowerCase();
    let body = lines.slice(blank + 1).join("\n");
    if (encoding === "base64") body = Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    else if (encoding === "quoted-printable") {
      body = body.replace(/=\n/g, "").replace(/=([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
    return [{ type, body }];
  });
}

export async function parseReport(raw: Buffer | string): Promise<ParsedReport> {
  let parsed;
  try {
    parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
  } catch {
    return { kind: "ignored", reason: "not a readable message" };
  }
  const contentType = parsed.headers.get("content-type") as { value?: string; params?: Record<string, string> } | undefined;
  if (contentType?.value?.toLowerCase() !== "multipart/report") return { kind: "ignored", reason: `not a report (${(contentType?.value ?? "no Content-Type").slice(0, 60)})` };
  const reportType = (contentType.params?.["report-type"] ?? "").toLowerCase();
  // mailparser folds a message/delivery-status part into the text: the report's parts are read from the raw MIME
  const boundary = contentType.params?.boundary;
  if (!boundary) return { kind: "ignored", reason: "a report without a MIME boundary" };
  const parts = reportParts(typeof raw === "string" ? raw : raw.toString("utf8"), boundary);
  const part = (type: string) => parts.find((p) => p.type === type)?.body;
  if (reportType === "delivery-status") {
    const body = part("message/delivery-status") ?? part("message/global-delivery-status");
    return body === undefined ? { kind: "ignored", reason: "a delivery status report without its message/delivery-status part" } : parseDeliveryStatus(body);
  }
  if (reportType === "feedback-report") {
    const body = part("message/feedback-report");
    return body === undefined ? { kind: "ignored", reason: "a feedback report without its message/feedback-report part" } : parseFeedbackReport(body);
  }
  return { kind: "ignored", reason: `an unknown report type (${reportType.slice(0, 40) || "none"})` };
}
