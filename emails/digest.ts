// One official's day of letters in one email (lib/digests). Plain text, like every appeal: a personal letter
// needs no HTML, and no bulk headers (List-Unsubscribe, Precedence) are ever added to it. Pure: the staff preview
// and the outbox row are rendered by this same function from the same letters.
export type DigestLetter = { subject: string; body: string };

export type DigestEmailProps = {
  personName: string;
  reference: string;
  /** how the official is greeted, as on their letters: "Your Excellency" */
  salutation: string;
  /** the day it is sent on, in the official's zone: 'YYYY-MM-DD' */
  day: string;
  countryCount: number;
  format: "inline" | "pdf";
  /** the attached PDF's file name (format "pdf") */
  attachmentName?: string;
  organisation: string;
  letters: DigestLetter[];
};

export const digestPreviewProps: DigestEmailProps = {
  personName: "Gao Zhisheng",
  reference: "UA 27/20",
  salutation: "Your Excellency",
  day: "2026-12-02",
  countryCount: 2,
  format: "inline",
  organisation: "Vigil",
  letters: [
    { subject: "Release Gao Zhisheng (UA 27/20)", body: "Your Excellency,\n\nI urge you to release Gao Zhisheng and let his family know where he is.\n\nYours sincerely,\nAmira Haddad, Norway" },
    { subject: "Gao Zhisheng must be freed", body: "Your Excellency,\n\nPlease make sure Gao Zhisheng is protected from torture and can see a lawyer of his choice.\n\nRespectfully,\nLiu Wei, Canada" },
  ],
};

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2026-12-02" → "2 December 2026" */
export function formatDigestDay(day: string): string {
  return dayFormat.format(new Date(`${day}T12:00:00Z`));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "312 appeals for Gao Zhisheng from 41 countries — 2 December 2026" */
export function digestSubject({ letterCount, countryCount, personName, day }: { letterCount: number; countryCount: number; personName: string; day: string }): string {
  return `${plural(letterCount, "appeal", "appeals")} for ${personName} from ${plural(countryCount, "country", "countries")} — ${formatDigestDay(day)}`;
}

const RULE = "—".repeat(24);

export function digestEmail(props: DigestEmailProps = digestPreviewProps): { subject: string; text: string } {
  const n = props.letters.length;
  const subject = digestSubject({ letterCount: n, countryCount: props.countryCount, personName: props.personName, day: props.day });
  const where =
    props.format === "pdf"
      ? `They are in the attached PDF${props.attachmentName ? ` (${props.attachmentName})` : ""}, each letter on its own page, in full and as its writer signed it.`
      : "Each follows below in full, as its writer signed it.";
  const intro = [
    `${props.salutation},`,
    "",
    `This email holds ${plural(n, "letter", "letters")} about ${props.personName} (${props.reference}), written to you by ${n === 1 ? "a supporter" : "supporters"} in ${plural(props.countryCount, "country", "countries")}. ${where}`,
    "",
    `${props.organisation} gathers the letters written to you each day into one email, rather than sending each one separately.`,
  ];
  if (props.format === "pdf") return { subject, text: `${intro.join("\n")}\n` };
  const letters = props.letters.flatMap((letter, i) => ["", RULE, `Letter ${i + 1} of ${n}`, `Subject: ${letter.subject}`, "", letter.body.trimEnd()]);
  return { subject, text: `${[...intro, ...letters].join("\n")}\n` };
}
