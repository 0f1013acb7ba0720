import type { Metadata } from "next";
import Link from "next/link";
import { MessagePanel } from "@/components/message-panel";
import { ERASURE_LINK_TTL_HOURS } from "@/lib/erasure/schemas";
import { canOpenMailbox } from "@/lib/mailbox/queries";

// The same page for every address, whether or not it signed anything: the page must not reveal who signed.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

export default async function EraseCheckEmailPage() {
  return (
    <MessagePanel eyebrow="One more step" title="Check your email">
      <p>
        We have sent a link to the address you entered. Open it to see what we hold and to confirm the erasure. It
        works once, for {ERASURE_LINK_TTL_HOURS} hours.
      </p>
      {(await canOpenMailbox()) && (
        <p className="rounded-md border-2 border-ink bg-accent-soft p-4">
          This demo has no mail server: the link is in the <Link href="/mailbox">built-in mailbox</Link>.
        </p>
      )}
      <p>
        No email after a few minutes? Look in your spam folder, or <Link href="/erase">ask again</Link> and check
        the address you type.
      </p>
    </MessagePanel>
  );
}
