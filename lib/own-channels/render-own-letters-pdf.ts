import "server-only";
import { countryName } from "../countries";
import { renderLettersPdf, type PdfResult } from "../letters/pdf";
import { letterPdfOptions } from "../letters/pdf-options";
import { getSupporterLetters } from "./queries";

/**
 * "Print and post it yourself": the supporter's own letters (all of them, or one official's) through the one
 * letter renderer, so the address sits in the envelope window as on the organisation's print run. The letter is
 * the supporter's, so the letterhead and the window's return line are theirs too (their name as it signs and
 * their country: we hold no postal address of theirs); the paper is the organisation's (PRINT_PAPER). Undefined
 * for anyone without the thank-you token.
 */
export async function renderOwnLettersPdf({
  caseSlug,
  signatureId,
  token,
  targetId,
}: {
  caseSlug: string;
  signatureId: string;
  token: string;
  targetId?: string;
}): Promise<PdfResult | undefined> {
  const found = getSupporterLetters({ caseSlug, signatureId, token });
  if (!found) return undefined;
  const letters = found.letters.filter((l) => !targetId || l.targetId === targetId);
  if (letters.length === 0) return undefined;
  return renderLettersPdf(
    letters.map((l) => ({
      id: l.appealId,
      recipientLines: l.recipientLines,
      date: l.date,
      language: l.language,
      onBehalfOf: found.signedAs,
      supporterCountry: found.country,
      subject: l.subject,
      body: l.body,
    })),
    // the supporter's name heads the letter inside the envelope, never the window: the postal service of the state
    // written to reads what shows through
    { paper: letterPdfOptions().paper, organisation: found.signedAs, returnAddress: [countryName(found.country)], windowReturnLine: false },
  );
}
