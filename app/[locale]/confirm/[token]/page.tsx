import type { Metadata } from "next";
import { MessagePanel } from "@/components/message-panel";
import Link from "next/link";
import { countryName } from "@/lib/countries";
import { getSignatureIdByConfirmationToken } from "@/lib/own-channels/queries";
import { thanksPath } from "@/lib/own-channels/thanks-token";
import { getConfirmationByToken } from "@/lib/signatures/confirm-signature";
import { LetterList } from "@/components/letter-list";
import type { ConfirmationLookup } from "@/lib/signatures/confirm-signature";
import { confirmAppeal } from "./actions";

// Looked up per request; looking never confirms (mail scanners open links). The token stays out of every
// other site's Referer (Referrer-Policy: same-origin, set for the whole site in next.config.js).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Confirm your appeal",
  robots: { index: false, follow: false },
};

export default async function ConfirmPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = getConfirmationByToken({ token });
  const name = found.personName ? <span dir="auto">{found.personName}</span> : "this person";
  const caseHref = found.caseSlug ? `/cases/${found.caseSlug}` : "/";

  switch (found.state) {
    case "ready":
      return (
        <MessagePanel eyebrow="Last step" title={<>Confirm your appeal for {name}</>}>
          {found.caseTitle && <p className="text-ink-soft">{found.caseTitle}</p>}
          <p>
            When you confirm, your letter is sent to the officials in your name and counted on the case page.
          </p>
          {found.letter && <LetterDetails letter={found.letter} />}
          {found.letter && (
            <section aria-labelledby="your-letters">
              <h2 id="your-letters" className="text-2xl">
                Your {found.letter.letters.length === 1 ? "letter" : "letters"}
              </h2>
              <LetterList letters={found.letter.letters} open="short" />
            </section>
          )}
          <ConfirmForm token={token} offerReply={found.letter?.allowReply ?? false} label="Confirm my appeal" />
          <NotYou />
        </MessagePanel>
      );
    case "changed":
      // nothing was sent: the letter they signed is not the case's any more, so they read the new one first
      return (
        <MessagePanel
          eyebrow={found.changed?.reason === "unrecorded" ? "Last step" : "The case changed"}
          title={
            found.changed?.reason === "unrecorded" ? (
              <>Confirm your appeal for {name}</>
            ) : (
              "This case changed after you signed: here is the letter as it reads now"
            )
          }
        >
          {found.caseTitle && <p className="text-ink-soft">{found.caseTitle}</p>}
          <p>
            {found.changed?.reason === "unrecorded"
              ? "Here is your letter as it reads now. Nothing is sent until you confirm it."
              : "The campaign team changed this urgent action after you signed, so nothing has been sent. Read the letter as it reads now, and confirm this version if you still want it sent in your name."}
          </p>
          {found.letter && <LetterDetails letter={found.letter} />}
          {found.letter && (
            <section aria-labelledby="new-letters">
              <h2 id="new-letters" className="text-2xl">
                The {found.letter.letters.length === 1 ? "letter" : "letters"} as {found.letter.letters.length === 1 ? "it reads" : "they read"} now
              </h2>
              <LetterList letters={found.letter.letters} open="all" />
            </section>
          )}
          <ConfirmForm token={token} offerReply={found.letter?.allowReply ?? false} version={found.changed?.version} label="Confirm this version" />
          <NotYou />
        </MessagePanel>
      );
    case "confirmed": {
      // the confirmation link stays the supporter's way back to their own letters and channels
      const signatureId = getSignatureIdByConfirmationToken({ token });
      const thanks = found.caseSlug && signatureId ? thanksPath({ caseSlug: found.caseSlug, signatureId }) : found.caseSlug ? `/cases/${found.caseSlug}/thanks` : undefined;
      return (
        <MessagePanel eyebrow="Already confirmed" title="You have already confirmed. Thank you.">
          <p>Your appeal for {name} was confirmed and counted once. Nothing more needs doing.</p>
          <p className="flex flex-wrap gap-3">
            {thanks && (
              <Link href={thanks} className="btn btn-dark">
                Send it yourself too, and see the count
              </Link>
            )}
            <Link href={caseHref} className="btn btn-secondary">
              Back to the case
            </Link>
          </p>
        </MessagePanel>
      );
    }
    case "expired":
      return (
        <MessagePanel eyebrow="Link expired" title="This link has expired">
          <p>
            For your safety, confirmation links work for a limited time. Your appeal for {name} was not sent. Sign
            again and we will email you a fresh link.
          </p>
          <p>
            <Link href={caseHref} className="btn btn-primary">
              Sign again
            </Link>
          </p>
        </MessagePanel>
      );
    case "closed":
      return (
        <MessagePanel eyebrow="Urgent action closed" title="This urgent action has closed">
          <p>
            {found.closedOn
              ? <>This urgent action closed on {new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${found.closedOn}T00:00:00Z`))}; your appeal for {name} was not sent.</>
              : <>The appeal for {name} stopped taking signatures before you confirmed, so your letter was not sent.</>}
            Thank you for wanting to help.
          </p>
          <p className="flex flex-wrap gap-3">
            <Link href={caseHref} className="btn btn-secondary">
              Read the latest news
            </Link>
            <Link href="/" className="btn btn-dark">
              See urgent actions open now
            </Link>
          </p>
        </MessagePanel>
      );
    default:
      return (
        <MessagePanel eyebrow="Link not recognised" title="This confirmation link is not valid">
          <p>
            It may have been copied incompletely, or replaced by a newer link if you signed twice. Use the link in
            your most recent email, or sign again from the case page.
          </p>
          <p>
            <Link href="/" className="btn btn-dark">
              See urgent actions
            </Link>
          </p>
        </MessagePanel>
      );
  }
}

/** Who signs and what goes with the letters: whoever typed this address into the form chose it, and the owner of
 * the address must see it (above all whether officials will see their address). */
function LetterDetails({ letter }: { letter: NonNullable<ConfirmationLookup["letter"]> }) {
  return (
    <dl className="space-y-2 rounded-md border border-line bg-surface p-4 text-base">
      <div>
        <dt className="font-semibold">Signed</dt>
        <dd dir="auto">
          {letter.signedAs}, {countryName(letter.country)}
        </dd>
      </div>
      <div>
        <dt className="font-semibold">Your personal message</dt>
        <dd dir="auto" className="whitespace-pre-line">
          {letter.message ?? "None"}
        </dd>
      </div>
      <div>
        <dt className="font-semibold">Your email address</dt>
        <dd>
          {letter.allowReply
            ? "The form asked for officials to see it and reply to you. Tick the box below if you want this; otherwise it is not shown to them."
            : "Not shown to officials. Their replies go to Vigil."}
        </dd>
      </div>
    </dl>
  );
}

/** The one button that confirms (a POST: looking at the page never does). `version`: the case version whose
 * letters the "changed" page showed; confirming refuses if the case changed again since. */
function ConfirmForm({ token, offerReply, version, label }: { token: string; offerReply: boolean; version?: string; label: string }) {
  return (
    <form action={confirmAppeal.bind(null, token)} className="space-y-4">
      {version && <input type="hidden" name="version" value={version} />}
      {offerReply && (
        <>
          <input type="hidden" name="replyOffered" value="1" />
          <label className="flex items-start gap-3 text-base">
            {/* unticked: whoever typed this address into the form ticked the opt-in, not necessarily its owner */}
            <input type="checkbox" name="allowReply" className="mt-1 size-5" />
            <span>Let officials see my email address and reply to me</span>
          </label>
        </>
      )}
      <button type="submit" className="btn btn-primary w-full px-8 py-4 text-xl sm:w-auto">
        {label}
      </button>
    </form>
  );
}

function NotYou() {
  return (
    <p className="text-[0.9375rem] text-ink-soft">
      Did not ask for this? Close this page: nothing will be sent, and your address will not be used.
    </p>
  );
}
