import type { Metadata } from "next";
import Link from "next/link";
import { plural } from "@/components/format";
import { MessagePanel } from "@/components/message-panel";
import { SubmitButton } from "@/components/forms/submit-button";
import { getErasureByToken } from "@/lib/erasure/confirm-erasure";
import { confirmErasureAction } from "../actions";

// Looked up per request; looking never erases (mail scanners open links).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Erase your details", robots: { index: false, follow: false } };

export default async function EraseTokenPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ failed?: string }> }) {
  const { token } = await params;
  const { failed } = await searchParams;
  const found = getErasureByToken({ token });
  if (found.state === "invalid") {
    return (
      <MessagePanel eyebrow="Link not valid" title="This erasure link has been used or has expired">
        <p>Each link works once, for a day. If your details are still here, ask for a new link.</p>
        <p>
          <Link href="/erase" className="btn btn-dark">
            Ask for a new link
          </Link>
        </p>
      </MessagePanel>
    );
  }
  const { confirmed, pending, unsentLetters, following } = found.preview;
  const nothing = confirmed + pending === 0;
  return (
    <MessagePanel eyebrow="Erase your details" title={nothing ? "We hold no appeal signed with this address" : "Erase your details from every appeal?"}>
      {nothing ? (
        <p>Pressing the button still removes any email we kept for this address.</p>
      ) : (
        <ul className="list-disc space-y-2 ps-6">
          {confirmed > 0 && (
            <li>
              <strong>{plural(confirmed, "confirmed appeal", "confirmed appeals")}</strong>: your name, email address and
              message are removed. Each stays in the public count, with its country and date only, so the counts stay
              true.
            </li>
          )}
          {pending > 0 && <li>{plural(pending, "unconfirmed appeal is", "unconfirmed appeals are")} deleted.</li>}
          {unsentLetters > 0 && (
            <li>
              <strong>{plural(unsentLetters, "letter", "letters")} in your name not yet sent</strong> will not be sent: they are
              cancelled.
            </li>
          )}
          {following > 0 && <li>You get no more update emails.</li>}
          <li>The text of letters already delivered is emptied in our records. Letters already printed for the post may still be posted.</li>
        </ul>
      )}
      {failed && (
        <p role="alert" className="rounded-md border-2 border-danger bg-danger-bg p-4 font-semibold text-danger">
          Something went wrong on our side and nothing was erased. Please press the button again in a moment.
        </p>
      )}
      <p>This cannot be undone. You may sign again later, as a new supporter.</p>
      <form action={confirmErasureAction.bind(null, token)}>
        <SubmitButton className="btn btn-primary w-full px-8 py-4 text-xl sm:w-auto" pendingLabel="Erasing…">
          Erase my details
        </SubmitButton>
      </form>
      <p className="text-[0.9375rem] text-ink-soft">Changed your mind? Close this page and nothing changes.</p>
    </MessagePanel>
  );
}
