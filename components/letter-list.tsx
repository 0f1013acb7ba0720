import type { ReactNode } from "react";
import { bdi } from "./rich-tags";
import type { PreviewLetter } from "@/lib/letters/preview";

export type { PreviewLetter };

/** A letter longer than this starts folded when letters open "short". */
const SHORT_LETTER = 700;

/** The list's words in the page's language; made by letterListLabels from either side's translator. */
export type LetterListLabels = { letter: string; copy: string; subject: string; unavailable: string; to: (recipient: string) => ReactNode };

type LabelKey = "letter" | "copy" | "subject" | "unavailable";
/** The "letterList" messages as the list takes them: from next-intl's getTranslations on a server page, from
 * useClientTranslations in the sign form and the letter editor (the list renders on either side, so it takes
 * its words rather than reaching for one side's translator). */
export function letterListLabels(t: {
  (key: LabelKey): string;
  rich(key: "to", values: { recipient: string; bdi: typeof bdi }): ReactNode;
}): LetterListLabels {
  return {
    letter: t("letter"),
    copy: t("copy"),
    subject: t("subject"),
    unavailable: t("unavailable"),
    to: (recipient) => t.rich("to", { recipient, bdi }),
  };
}

/** The letters exactly as each official will receive them; the first open, the others a tap away (or every one
 * open, or only the short ones). */
export function LetterList({
  letters,
  labels,
  open = "first",
}: {
  letters: (Omit<PreviewLetter, "role"> & { role?: PreviewLetter["role"] })[];
  labels: LetterListLabels;
  open?: "first" | "all" | "short";
}) {
  return (
    <ul className="mt-3 space-y-3">
      {letters.map((l, i) => (
        <li key={l.targetId}>
          <details
            open={open === "all" || (open === "first" ? i === 0 : [...l.body].length <= SHORT_LETTER)}
            className="group rounded-md border border-line bg-surface"
          >
            <summary className="flex cursor-pointer list-none items-start gap-2 rounded-md px-4 py-3 font-semibold leading-snug [&::-webkit-details-marker]:hidden">
              <span aria-hidden="true" className="mt-0.5 inline-block transition-transform group-open:rotate-90 rtl:group-open:-rotate-90">
                ›
              </span>
              <span>
                <span className="sr-only">{labels.letter} </span>
                {labels.to(l.recipient)}
                {l.role === "copy" && <span className="ms-2 text-[0.875rem] font-normal text-ink-soft">{labels.copy}</span>}
              </span>
            </summary>
            <div className="border-t border-line px-4 pb-4 pt-3">
              {l.subject || l.body ? (
                <>
                  <p className="text-[0.9375rem]">
                    <span className="text-ink-soft">{labels.subject} </span>
                    <strong dir="auto" lang={l.language}>
                      {l.subject}
                    </strong>
                  </p>
                  <div className="letter mt-3" dir="auto" lang={l.language}>
                    {l.body}
                  </div>
                </>
              ) : (
                <p className="text-ink-soft">{labels.unavailable}</p>
              )}
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
