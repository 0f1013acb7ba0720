// The About page states this site's retention periods in every language (app/[locale]/about/page.tsx). A period
// of 0 days is legal (RETAIN_*_DAYS=0: the job deletes at its next run, within a minute) and must not read
// "after 0 days": each language has its own =0 sentence, and the other counts take the language's plural forms.
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { MESSAGES } from "./messages";

const strong = (chunks: string) => chunks;

describe.each(LOCALES)("the retention periods on /%s/about", (locale) => {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "about.deletion" });
  const pending = (days: number) => t.markup("pending", { strong, pendingDays: days, linkHours: 72, totalDays: days + 3 });
  const letters = (days: number) => t.markup("letters", { strong, letterDays: days });
  const mailbox = (days: number) => t.markup("mailbox", { strong, mailboxDays: days });

  it("reads 0 days as 'within a minute', never as a number of days", () => {
    for (const sentence of [pending(0), letters(0), mailbox(0)]) {
      expect(sentence).not.toMatch(/(^|[^0-9])0([^0-9.,]|$)/);
      expect(sentence).not.toContain("<");
    }
    // and the 0-day sentence is not the 1-day one
    expect(mailbox(0)).not.toBe(mailbox(1));
  });

  it("gives each count its own number, formatted for the language", () => {
    const seven = new Intl.NumberFormat(locale).format(7);
    const thirty = new Intl.NumberFormat(locale).format(30);
    expect(pending(7)).toContain(seven);
    expect(pending(7)).toContain(new Intl.NumberFormat(locale).format(72));
    expect(letters(30)).toContain(thirty);
    expect(mailbox(30)).toContain(thirty);
  });
});

it("uses the Arabic dual for two days and the English singular for one", () => {
  const ar = createTranslator({ locale: "ar", messages: MESSAGES.ar, namespace: "about.deletion" });
  expect(ar.markup("mailbox", { strong, mailboxDays: 2 })).toContain("بعد يومين");
  const en = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "about.deletion" });
  expect(en.markup("mailbox", { strong, mailboxDays: 1 })).toContain("deleted after 1 day.");
  expect(en.markup("mailbox", { strong, mailboxDays: 0 })).toContain("deleted within a minute.");
});
