import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/format";
import { MailText } from "@/components/mail-text";
import { getMailboxMessage, canOpenMailbox } from "@/lib/mailbox/queries";
import { MailboxBanner } from "@/components/mailbox-banner";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Message", robots: { index: false, follow: false } };

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!(await canOpenMailbox())) notFound();
  const { id } = await params;
  const message = await getMailboxMessage({ id });
  if (!message) notFound();
  const header = (name: string) => message.headers.find((h) => h.name === name)?.value ?? null;

  const rows: [string, string | null][] = [
    ["From", message.from],
    ["To", message.to],
    ["Reply-To", message.replyTo],
    ["Subject", message.subject],
    ["Date", message.date ? formatDateTime(message.date) : null],
    ["Message-ID", message.messageId],
    ["Auto-Submitted", header("auto-submitted")],
  ];

  return (
    <div className="container-page max-w-4xl py-10">
      <p>
        <Link href="/mailbox" className="font-semibold">
          <span aria-hidden="true" className="inline-block rtl:-scale-x-100">←</span> All messages
        </Link>
      </p>
      <h1 className="mt-3 text-3xl" dir="auto">
        {message.subject || "(no subject)"}
      </h1>
      <div className="mt-4">
        <MailboxBanner />
      </div>
      <article className="mt-6 overflow-hidden rounded-md border border-line bg-surface">
        <dl className="grid grid-cols-1 gap-x-4 border-b border-line bg-paper px-4 py-3 text-[0.9375rem] sm:grid-cols-[9rem_1fr]">
          {rows
            .filter(([, v]) => v)
            .map(([name, value]) => (
              <div key={name} className="contents">
                <dt className="pt-1 text-ink-soft sm:pt-0.5">{name}</dt>
                <dd className="[overflow-wrap:anywhere] sm:pt-0.5" dir="auto">
                  {value}
                </dd>
              </div>
            ))}
        </dl>
        <div className="p-4 sm:p-6">
          <MailText text={message.text} />
        </div>
      </article>
      <details className="mt-6">
        <summary className="cursor-pointer font-semibold">Show the raw message</summary>
        <pre className="mt-3 overflow-x-auto rounded-md border border-line bg-surface p-4 text-[0.8125rem] leading-snug">{message.raw}</pre>
      </details>
    </div>
  );
}
