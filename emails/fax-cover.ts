// The plain-text cover of a fax sent through an email-to-fax gateway. Most gateways fax the body as a cover page
// and then the PDF attachment, which holds the letter itself: so the cover says only who it is for and from whom.
export type FaxCoverProps = {
  /** the official, e.g. "Xi Jinping, President of the People's Republic of China" */
  recipient: string;
  /** the fax number, formatted for reading, e.g. "+86 10 6529 2345" */
  faxNumber: string;
  /** the supporter's name (or initials) and country, as the letter signs it */
  signedAs: string;
  organisation: string;
  subject: string;
};

export const faxCoverPreviewProps: FaxCoverProps = {
  recipient: "Xi Jinping, President of the People’s Republic of China",
  faxNumber: "+44 20 7946 0123",
  signedAs: "Amira Haddad, Norway",
  organisation: "Vigil",
  subject: "Release Li Qiaochu (UA 27/20)",
};

/** Subject and text only: a fax gateway faxes text, and an HTML part could be faxed as a second cover. */
export function faxCoverEmail(props: FaxCoverProps = faxCoverPreviewProps): { subject: string; text: string } {
  const text = [
    "FAX",
    "",
    `To: ${props.recipient}`,
    `Fax: ${props.faxNumber}`,
    `From: ${props.signedAs}, sent on their behalf by ${props.organisation}`,
    `Re: ${props.subject}`,
    "",
    "The letter follows on the next page(s).",
    "",
  ].join("\n");
  return { subject: props.subject, text };
}
