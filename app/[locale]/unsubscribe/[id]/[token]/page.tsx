import type { Metadata } from "next";
import { MessagePanel } from "@/components/message-panel";
import Link from "next/link";
import { getUnsubscribeByToken } from "@/lib/updates/unsubscribe-follower";
import { unsubscribeAction } from "./actions";

// Looked up per request; looking never unsubscribes (mail scanners open links).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Stop update emails",
  robots: { index: false, follow: false },
};

export default async function UnsubscribePage({ params }: { params: Promise<{ id: string; token: string }> }) {
  const { id, token } = await params;
  const found = getUnsubscribeByToken({ signatureId: id, token });
  const name = found.personName ? <span dir="auto">{found.personName}</span> : "this person";
  const caseLink = found.caseSlug ? (
    <Link href={`/cases/${found.caseSlug}`} className="btn btn-secondary">
      Read the latest on the case page
    </Link>
  ) : null;

  if (found.state === "subscribed") {
    return (
      <MessagePanel eyebrow="Update emails" title={<>Stop emails about {name}?</>}>
        <p>You asked to hear what happens to {name}. Press the button and we will send you no more updates about this case.</p>
        <p>Your appeal stays counted, and the case page will still show every update.</p>
        <form action={unsubscribeAction.bind(null, id, token)}>
          <button type="submit" className="btn btn-primary w-full px-8 py-4 text-xl sm:w-auto">
            {/* one flex item, so the name wraps with the words around it */}
            <span>Stop emails about {name}</span>
          </button>
        </form>
        <p className="text-[0.9375rem] text-ink-soft">Changed your mind? Close this page and nothing changes.</p>
      </MessagePanel>
    );
  }
  if (found.state === "unsubscribed") {
    return (
      <MessagePanel eyebrow="Unsubscribed" title="You will get no more emails about this case">
        <p>
          We will not email you updates about {name} again. Your appeal stays counted. Thank you for standing with{" "}
          {name}.
        </p>
        {caseLink && <p>{caseLink}</p>}
      </MessagePanel>
    );
  }
  return (
    <MessagePanel eyebrow="Link not recognised" title="This unsubscribe link is not valid">
      <p>It may have been copied incompletely. Use the link at the bottom of the most recent update email.</p>
      <p>
        <Link href="/" className="btn btn-dark">
          See urgent actions
        </Link>
      </p>
    </MessagePanel>
  );
}
