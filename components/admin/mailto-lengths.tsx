import { MAILTO_MAX_LENGTH, MAILTO_WARN_LENGTH, mailtoLengthLevel } from "@/lib/letters/mailto";

export type MailtoLengthRow = { targetId: string; recipient: string; cc: number; length: number | null };

const n = (value: number) => value.toLocaleString("en-GB");

/** Per official with an email: how long the thank-you page's "Send it from your own email" link will be for
 * the sample supporter, and what supporters get when it is too long. */
export function MailtoLengths({ rows }: { rows: MailtoLengthRow[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="mailto-heading" className="mt-6 rounded-md border border-line bg-surface p-4">
      <h3 id="mailto-heading" className="text-lg">
        Supporters’ own email links
      </h3>
      <p className="mt-1 text-[0.875rem] text-ink-soft">
        After confirming, supporters can send the letter from their own email through a link. Mail apps and browsers
        start failing above {n(MAILTO_MAX_LENGTH)} characters.
      </p>
      <ul className="mt-3 space-y-2 text-[0.9375rem]">
        {rows.map((r) => {
          const level = r.length === null ? "too_long" : mailtoLengthLevel(r.length);
          return (
            <li key={r.targetId} data-mailto-length={r.targetId} data-level={r.length === null ? "invalid" : level}>
              <span className="font-semibold" dir="auto">
                {r.recipient}
              </span>
              {r.cc > 0 && <span className="text-ink-soft">{` (with ${r.cc} in Cc)`}</span>}
              {": "}
              {r.length === null ? (
                <span className="text-danger">an address on file cannot go in a mail link: supporters will be offered copy and paste.</span>
              ) : (
                <>
                  <span className="tabular-nums">{`${n(r.length)} characters`}</span>
                  {level === "warn" && (
                    <span className="font-semibold text-danger">{` · over ${n(MAILTO_WARN_LENGTH)}: some mail apps may cut it. Shorten the letter to be safe.`}</span>
                  )}
                  {level === "too_long" && (
                    <span className="font-semibold text-danger"> · too long for a mail link: supporters will be offered copy and paste.</span>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
