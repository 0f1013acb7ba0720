import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/format";
import { canOpenMailbox, listMailboxMessages } from "@/lib/mailbox/queries";
import { MailboxBanner } from "@/components/mailbox-banner";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Built-in mailbox", robots: { index: false, follow: false } };

export default async function MailboxPage() {
  if (!(await canOpenMailbox())) notFound();
  const messages = listMailboxMessages();

  return (
    <div className="container-page max-w-4xl py-10">
      <h1 className="text-4xl">Mailbox</h1>
      <div className="mt-4">
        <MailboxBanner />
      </div>
      <p className="mt-6 text-ink-soft">
        {messages.length === 0
          ? "No messages yet. Sign an appeal and its confirmation email will appear here."
          : `${messages.length} most recent message${messages.length === 1 ? "" : "s"}, newest first.`}
      </p>
      {messages.length > 0 && (
        <ol className="mt-3 divide-y divide-line overflow-hidden rounded-md border border-line bg-surface">
          {messages.map((m) => (
            <li key={m.id}>
              <Link href={`/mailbox/${m.id}`} className="block px-4 py-3 no-underline hover:bg-paper">
                <span className="block font-semibold underline decoration-1 underline-offset-2" dir="auto">
                  {m.subject || "(no subject)"}
                </span>
                <span className="mt-0.5 flex flex-wrap justify-between gap-x-4 text-[0.9375rem] text-ink-soft">
                  <span className="break-all">To {m.to}</span>
                  <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt)}</time>
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
