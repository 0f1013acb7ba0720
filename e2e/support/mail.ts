import { expect } from "@playwright/test";

export type CapturedMail = {
  messageId: string;
  from: string;
  to: string[];
  replyTo: string | null;
  subject: string;
  text: string;
  headers: Record<string, string>;
};

const api = () => `http://127.0.0.1:${process.env.E2E_MAIL_API_PORT}`;

export async function mailTo(address: string): Promise<CapturedMail[]> {
  const res = await fetch(`${api()}/messages?to=${encodeURIComponent(address)}`);
  return (await res.json()) as CapturedMail[];
}

/** Polls the SMTP capture until `count` messages to `address` have arrived, then returns them. */
export async function waitForMail(address: string, { count = 1, timeout = 15_000 } = {}): Promise<CapturedMail[]> {
  let found: CapturedMail[] = [];
  await expect
    .poll(async () => (found = await mailTo(address)).length, { timeout, message: `waiting for ${count} mail(s) to ${address}` })
    .toBeGreaterThanOrEqual(count);
  return found;
}

export function confirmLinkIn(mail: CapturedMail): string {
  const match = /https?:\/\/\S+\/confirm\/[A-Za-z0-9_-]+/.exec(mail.text);
  if (!match) throw new Error(`no confirmation link in: ${mail.subject}`);
  return match[0];
}

let counter = 0;
/** A unique supporter address per call, so tests never share mail. */
export function uniqueEmail(label: string): string {
  return `${label}-${process.pid}-${Date.now()}-${counter++}@supporters.example.net`;
}
