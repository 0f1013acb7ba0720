import { useTranslations } from "next-intl";
import { address } from "./rich-tags";
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
  paper: "A4" | "Letter";
  reportAction: ReportAction;
}) {
  const t = useTranslations("ownChannels");
  return (
    <section aria-labelledby="own-heading" className="mt-10 max-w-2xl">
      <h2 id="own-heading" className="text-2xl">
        {t("heading")}
      </h2>
      <p className="mt-2 text-ink-soft">
        {t("intro")}
      </p>

      {mails.length > 0 && (
        <section aria-labelledby="own-email-heading" className="mt-6">
          <h3 id="own-email-heading" className="text-xl">
            {t("emailHeading")}
          </h3>
          <ul className="mt-3 space-y-4">
            {mails.map((m) => (
              <li key={m.targetId} id={`own-email-${m.targetId}`} className="rounded-md border border-line bg-surface p-4" data-own-email={m.targetId}>
                <p className="font-semibold" dir="auto">
                  {t("to", { official: m.official })}
                </p>
                <p className="text-[0.9375rem] text-ink-soft">
                  <span className="font-mono [overflow-wrap:anywhere]" dir="ltr">
                    {m.to}
                  </span>
                  {m.cc.length > 0 && (
                    <>
                      {" "}
                      · {t("cc")} <span dir="auto">{m.ccOfficials.join(", ")}</span> (<span className="font-mono [overflow-wrap:anywhere]">{m.cc.join(", ")}</span>)
                    </>
                  )}
                </p>
                {m.links?.fits ? (
                  <ul className="mt-3 flex flex-wrap gap-2">
                    <li>
                      <a href={m.links.mailto} className="btn btn-primary min-h-10 px-3.5 py-1.5 text-[0.9375rem]">
                        {t("openApp")}
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
                <ReportForm action={reportAction} targetId={m.targetId} channel="email" reported={m.reported} label={t("sentEmail")} doneLabel={t("sentEmailDone")} pendingLabel={t("recording")} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {posts.length > 0 && (
        <section aria-labelledby="own-post-heading" className="mt-8">
          <h3 id="own-post-heading" className="text-xl">
            {t("postHeading")}
          </h3>
          <p className="mt-2 text-[0.9375rem] text-ink-soft">
            {t(paper === "A4" ? "paperA4" : "paperLetter")}
          </p>
          <p className="mt-3">
            <a href={allPdfHref} className="btn btn-dark min-h-10 px-3.5 py-1.5 text-[0.9375rem]">
              {t("allPdf")}
            </a>
          </p>
          <ul className="mt-3 space-y-4">
            {posts.map((p) => (
              <li key={p.targetId} id={`own-post-${p.targetId}`} className="rounded-md border border-line bg-surface p-4" data-own-post={p.targetId}>
                <p className="font-semibold" dir="auto">
                  {t("to", { official: p.official })}
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
                    {t("onePdf")}
                  </a>
                </p>
                <ReportForm action={reportAction} targetId={p.targetId} channel="post" reported={p.reported} label={t("posted")} doneLabel={t("postedDone")} pendingLabel={t("recording")} />
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
  const t = useTranslations("ownChannels");
  return (
    <div className="mt-3 space-y-3">
      <p className="text-[0.9375rem]">
        {mail.links ? `${t("tooLong")} ` : ""}
        {t.rich(mail.cc.length > 0 ? "copyIntoCc" : "copyInto", {
          to: mail.to,
          cc: mail.cc.join(", "),
          addr: address,
        })}
      </p>
      <div>
        <label htmlFor={`${id}-subject`} className="field-label text-[0.9375rem]">
          {t("subject")}
        </label>
        <input id={`${id}-subject`} type="text" readOnly value={mail.subject} dir="auto" className="input" />
      </div>
      <div>
        <label htmlFor={id} className="field-label text-[0.9375rem]">
          {t("yourLetter")}
        </label>
        <textarea id={id} readOnly rows={10} value={mail.body} dir="auto" className="input font-serif" />
      </div>
      <p className="flex flex-wrap gap-3">
        <CopyTextButton text={mail.body} label={t("copyLetter")} />
        <CopyTextButton text={[mail.to, ...mail.cc].join(", ")} label={t("copyAddress")} />
      </p>
    </div>
  );
}

function ReportForm({ action, targetId, channel, reported, label, doneLabel, pendingLabel }: { action: ReportAction; targetId: string; channel: "email" | "post"; reported: boolean; label: string; doneLabel: string; pendingLabel: string }) {
  if (reported) {
    return (
      <output className="mt-3 block font-semibold text-good">{doneLabel}</output>
    );
  }
  return (
    <form action={action} className="mt-3">
      <input type="hidden" name="targetId" value={targetId} />
      <input type="hidden" name="channel" value={channel} />
      <SubmitButton className="btn btn-secondary min-h-10 px-3.5 py-1.5 text-[0.9375rem]" pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </form>
  );
}
