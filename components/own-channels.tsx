import type { MailtoLinks } from "@/lib/letters/mailto";
import { CopyTextButton } from "./copy-text-button";
import { SubmitButton } from "./forms/submit-button";

export type OwnMailView = {
  targetId: string;
  official: string;
  to: string;
  cc: string[];
  ccOfficials: string[];
  subject: string;
  body: string;
  /** null: an address on file is not one a link may carry; the letter is offered to copy instead */
  links: MailtoLinks | null;
  reported: boolean;
};

export type OwnPostView = { targetId: string; official: string; recipientLines: string[]; pdfHref: string; reported: boolean };

type ReportAction = (formData: FormData) => Promise<void>;

/**
 * The supporter's own channels on their thank-you page: their letter from their own mailbox (a mail link and
 * web-mail compose links, or the letter to copy when a link would be too long), the letter printed for an
 * envelope, and "I sent it / I posted it". Every form is a plain POST that works without JavaScript.
 */
const PAPER_WORDS = {
  A4: "on A4 with the address where a DL or C5 window envelope shows it",
  Letter: "on US Letter with the address where a #10 window envelope shows it",
} as const;

export function OwnChannels({
  mails,
  posts,
  allPdfHref,
  paper,
  reportAction,
}: {
  mails: OwnMailView[];
  posts: OwnPostView[];
  allPdfHref: string;
  paper: keyof typeof PAPER_WORDS;
  reportAction: ReportAction;
}) {
  return (
    <section aria-labelledby="own-heading" className="mt-10 max-w-2xl">
      <h2 id="own-heading" className="text-2xl">
        Send it yourself too
      </h2>
      <p className="mt-2 text-ink-soft">
        A letter from your own address or in your own envelope is noticed. Tell us when you have sent it: we count
        those apart, as “reported by supporters”.
      </p>

      {mails.length > 0 && (
        <section aria-labelledby="own-email-heading" className="mt-6">
          <h3 id="own-email-heading" className="text-xl">
            Send it from your own email
          </h3>
          <ul className="mt-3 space-y-4">
            {mails.map((m) => (
              <li key={m.targetId} id={`own-email-${m.targetId}`} className="rounded-md border border-line bg-surface p-4" data-own-email={m.targetId}>
                <p className="font-semibold" dir="auto">
                  To {m.official}
                </p>
                <p className="text-[0.9375rem] text-ink-soft">
                  <span className="font-mono [overflow-wrap:anywhere]">{m.to}</span>
                  {m.cc.length > 0 && (
                    <>
                      {" "}
                      · Cc: <span dir="auto">{m.ccOfficials.join(", ")}</span> (<span className="font-mono [overflow-wrap:anywhere]">{m.cc.join(", ")}</span>)
                    </>
                  )}
                </p>
                {m.links?.fits ? (
                  <ul className="mt-3 flex flex-wrap gap-2">
                    <li>
                      <a href={m.links.mailto} className="btn btn-primary min-h-10 px-3.5 py-1.5 text-[0.9375rem]">
                        Open in your email app
                      </a>
                    </li>
                    <li>
                      <a href={m.links.gmail} target="_blank" rel="noopener noreferrer" className="btn btn-secondary min-h-10 px-3.5 py-1.5 text-[0.9375rem]">
                        Gmail
                      </a>
                    </li>
                    <li>
                      <a href={m.links.outlook} target="_blank" rel="noopener noreferrer" className="btn btn-secondary min-h-10 px-3.5 py-1.5 text-[0.9375rem]">
                        Outlook
                      </a>
                    </li>
                  </ul>
                ) : (
                  <CopyFallback mail={m} />
                )}
                <ReportForm action={reportAction} targetId={m.targetId} channel="email" reported={m.reported} label="I sent it by email" doneLabel="Recorded: you sent it by email. Thank you." />
              </li>
            ))}
          </ul>
        </section>
      )}

      {posts.length > 0 && (
        <section aria-labelledby="own-post-heading" className="mt-8">
          <h3 id="own-post-heading" className="text-xl">
            Print and post it yourself
          </h3>
          <p className="mt-2 text-[0.9375rem] text-ink-soft">
            Each letter prints {PAPER_WORDS[paper]}. Fold it at the marks.
          </p>
          <p className="mt-3">
            <a href={allPdfHref} className="btn btn-dark min-h-10 px-3.5 py-1.5 text-[0.9375rem]">
              All your letters (PDF)
            </a>
          </p>
          <ul className="mt-3 space-y-4">
            {posts.map((p) => (
              <li key={p.targetId} id={`own-post-${p.targetId}`} className="rounded-md border border-line bg-surface p-4" data-own-post={p.targetId}>
                <p className="font-semibold" dir="auto">
                  To {p.official}
                </p>
                <address className="mt-2 not-italic leading-snug" dir="auto">
                  {p.recipientLines.map((line, i) => (
                    <span key={i} className="block">
                      {line}
                    </span>
                  ))}
                </address>
                <p className="mt-3">
                  <a href={p.pdfHref} className="font-semibold">
                    Print this letter (PDF)
                  </a>
                </p>
                <ReportForm action={reportAction} targetId={p.targetId} channel="post" reported={p.reported} label="I posted it" doneLabel="Recorded: you posted it. Thank you." />
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function CopyFallback({ mail }: { mail: OwnMailView }) {
  const id = `own-letter-${mail.targetId}`;
  return (
    <div className="mt-3 space-y-3">
      <p className="text-[0.9375rem]">
        {mail.links ? "This letter is too long for a mail link. " : ""}Copy the letter into a new email to{" "}
        <span className="font-mono font-semibold [overflow-wrap:anywhere]">{mail.to}</span>
        {mail.cc.length > 0 && (
          <>
            {" "}
            (Cc <span className="font-mono [overflow-wrap:anywhere]">{mail.cc.join(", ")}</span>)
          </>
        )}
        .
      </p>
      <div>
        <label htmlFor={`${id}-subject`} className="field-label text-[0.9375rem]">
          Subject
        </label>
        <input id={`${id}-subject`} type="text" readOnly value={mail.subject} dir="auto" className="input" />
      </div>
      <div>
        <label htmlFor={id} className="field-label text-[0.9375rem]">
          Your letter
        </label>
        <textarea id={id} readOnly rows={10} value={mail.body} dir="auto" className="input font-serif" />
      </div>
      <p className="flex flex-wrap gap-3">
        <CopyTextButton text={mail.body} label="Copy the letter" />
        <CopyTextButton text={[mail.to, ...mail.cc].join(", ")} label="Copy the address" />
      </p>
    </div>
  );
}

function ReportForm({ action, targetId, channel, reported, label, doneLabel }: { action: ReportAction; targetId: string; channel: "email" | "post"; reported: boolean; label: string; doneLabel: string }) {
  if (reported) {
    return (
      <output className="mt-3 block font-semibold text-good">{doneLabel}</output>
    );
  }
  return (
    <form action={action} className="mt-3">
      <input type="hidden" name="targetId" value={targetId} />
      <input type="hidden" name="channel" value={channel} />
      <SubmitButton className="btn btn-secondary min-h-10 px-3.5 py-1.5 text-[0.9375rem]" pendingLabel="Recording…">
        {label}
      </SubmitButton>
    </form>
  );
}
