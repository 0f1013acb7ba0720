import type { UpdateKind } from "@/db/schema";
import { UPDATE_KIND_LABELS } from "@/lib/labels";
import { button, eraseLine, eraseUrlFor, escapeHtml, layout, paragraphs, type RenderedEmail } from "./html";

export type UpdateNoticeEmailProps = {
  supporterName: string;
  personName: string;
  kind: UpdateKind;
  title: string;
  /** The update as the campaigner wrote it (Markdown reads well enough as plain text) */
  body: string;
  /** e.g. "14 March 2025" */
  happenedOn: string;
  /** The new risk status in words, when the update changed it */
  statusLabel: string | null;
  caseUrl: string;
  unsubscribeUrl: string;
};

export const updateNoticePreviewProps: UpdateNoticeEmailProps = {
  supporterName: "Amira Haddad",
  personName: "Li Qiaochu",
  kind: "outcome",
  title: "Li Qiaochu released on bail",
  body: "Li Qiaochu was released on bail on 14 March and is back with her family.\n\nThank you to everyone who wrote: the authorities received more than 12,000 letters.",
  happenedOn: "14 March 2025",
  statusLabel: "Released",
  caseUrl: "http://localhost:3000/cases/li-qiaochu",
  unsubscribeUrl: "http://localhost:3000/unsubscribe/example-signature/example-token",
};

/** What happened next, for a supporter who asked to hear back. Every notice carries its own way out. */
export function updateNoticeEmail(props: UpdateNoticeEmailProps = updateNoticePreviewProps): RenderedEmail {
  const label = UPDATE_KIND_LABELS[props.kind];
  const subject = `${props.kind === "outcome" ? "Outcome" : "Update"}: ${props.personName}: ${props.title}`;
  const intro = `Dear ${props.supporterName}, you asked to hear what happens to ${props.personName}. Here is the latest.`;
  const status = props.statusLabel ? `Status now: ${props.statusLabel}` : null;
  const why = `You are receiving this because you signed the appeal for ${props.personName} and asked for updates.`;
  const text = [
    intro,
    `${label}, ${props.happenedOn}\n${props.title}${status ? `\n${status}` : ""}`,
    props.body,
    `Read the case:\n${props.caseUrl}`,
    `${why} Stop emails about ${props.personName}:\n${props.unsubscribeUrl}`,
    eraseLine(props.caseUrl),
  ].join("\n\n");
  const html = layout({
    title: subject,
    body: `${paragraphs(intro)}
<p style="margin:0 0 4px;font-family:Arial,Helvetica,sans-serif;font-size:13px;font-weight:700;text-transform:uppercase;letter-spacing:.06em">${escapeHtml(label)} · ${escapeHtml(props.happenedOn)}</p>
<h1 style="margin:0 0 8px;font-size:24px;line-height:1.25">${escapeHtml(props.title)}</h1>
${status ? `<p style="margin:0 0 16px"><strong>${escapeHtml(status)}</strong></p>` : ""}
${paragraphs(props.body)}
${button(props.caseUrl, `Read about ${props.personName}`)}`,
    footer: `${escapeHtml(why)} <a href="${escapeHtml(props.unsubscribeUrl)}">Stop emails about ${escapeHtml(props.personName)}</a>. <a href="${escapeHtml(eraseUrlFor(props.caseUrl))}">Remove my details</a>.`,
  });
  return { subject, text: `${text}\n`, html };
}
