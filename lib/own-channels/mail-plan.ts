// Who a supporter's own email goes to: the one rule for the thank-you page's links and the letter editor's
// length figures, so the campaigner sees the length of exactly the link supporters get. Pure and isomorphic.
import { buildMailto, MailtoAddressError, type MailtoLinks } from "../letters/mailto";

export type MailLetter = { targetId: string; role: "primary" | "copy"; email: string | null; subject: string; body: string };
export type OwnMail = { targetId: string; to: string; cc: string[]; ccTargetIds: string[]; subject: string; body: string };

/**
 * One email per official who has an address, written to them (their own letter, their salutation), with the
 * case's copy targets in Cc, as urgent actions ask ("send copies to…"). When no primary official has an address,
 * each copy target with one gets its own letter instead, so no address the case lists is left out.
 */
export function ownMailPlan(letters: MailLetter[]): OwnMail[] {
  const withEmail = letters.filter((l): l is MailLetter & { email: string } => Boolean(l.email?.trim()));
  const primaries = withEmail.filter((l) => l.role === "primary");
  const copies = withEmail.filter((l) => l.role === "copy");
  if (primaries.length === 0) {
    return copies.map((l) => ({ targetId: l.targetId, to: l.email, cc: [], ccTargetIds: [], subject: l.subject, body: l.body }));
  }
  return primaries.map((l) => ({
    targetId: l.targetId,
    to: l.email,
    cc: copies.map((c) => c.email),
    ccTargetIds: copies.map((c) => c.targetId),
    subject: l.subject,
    body: l.body,
  }));
}

/** The links for one planned email, or null when an address on file is not a plain address (it is never put in
 * a link then: the page shows the letter to copy without one). */
export function ownMailLinks(mail: OwnMail, fallbackSubject: string): MailtoLinks | null {
  try {
    return buildMailto({ to: [mail.to], cc: mail.cc, subject: mail.subject, body: mail.body, fallbackSubject });
  } catch (error) {
    if (error instanceof MailtoAddressError) return null;
    throw error;
  }
}

/** The subject used when a letter's own is blank: never an empty `subject=`. */
export function fallbackSubjectFor(caseInfo: { personName: string; reference: string }): string {
  return `${caseInfo.personName} (${caseInfo.reference})`;
}

/** The length of a planned email's mailto: link (whether it fits or not), or null when an address on file cannot
 * go in a link. */
export function ownMailLength(mail: OwnMail, fallbackSubject: string): number | null {
  return ownMailLinks(mail, fallbackSubject)?.length ?? null;
}
