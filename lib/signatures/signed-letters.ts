import "server-only";
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { caseContentVersion, contentVersionOf, getCaseContent } from "../cases/content-version";
import { pickTemplate, todayIso } from "../cases/queries";
import { renderLetter, type LetterSupporter } from "../letters/render";
import { letterVariantSeed } from "../letters/variants";
import { getChannelConfig } from "../targets/channel-config";
import { officialName } from "../targets/naming";
import { routeAppeal } from "./route-appeal";

/** One letter as the supporter signed it: to one official (or, for a routed copy, the mission picked for their
 * country then), rendered from the case's letter. */
export type SignedLetter = {
  targetId: string;
  /** the mission a routed copy was written to; null for a fixed official */
  missionId: string | null;
  /** whom it is addressed to, as the confirmation page names them */
  recipient: string;
  language: string;
  subject: string;
  body: string;
};

/** What is stored on a pending signature (and on an offer): the letters and the day they are dated. */
export type SignedLetters = { date: string; letters: SignedLetter[] };

const SignedLettersSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  letters: z.array(
    z.object({
      targetId: z.string(),
      missionId: z.string().nullable(),
      recipient: z.string(),
      language: z.string(),
      subject: z.string(),
      body: z.string(),
    }),
  ),
});

/** The stored letters of a signature or offer, or null when there are none (signed before letters were stored)
 * or the column cannot be read: then nothing stored is sent, and the supporter confirms the letter as it reads now. */
export function readSignedLetters(json: string | null): SignedLetters | null {
  if (!json) return null;
  try {
    const parsed = SignedLettersSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The content version of a case as a page shows it now: the sign form sends it back, so signing knows which
 * letters the supporter previewed. */
export function getCaseVersionForSigning({ caseId }: { caseId: string }): string | null {
  return caseContentVersion({ db: getDb(), caseId });
}

/** The Date a stored letter day stands for, as the renderer and the print run read it. */
export const letterDay = (date: string) => new Date(`${date}T12:00:00Z`);

/**
 * One supporter's letters to every official of the case, as they read now, and the case's content version they
 * were rendered from: stored when the supporter signs (and when they confirm a changed case's new version), so
 * what is sent is what they were shown. Routed copies are rendered for the mission their country has today;
 * confirming routes them again (a mission may close in between). A case with an official but no letter throws,
 * as confirming always did: publishing refuses such a case.
 */
export function renderSignedLetters({
  db,
  caseId,
  supporter,
  now,
}: {
  db: Db;
  caseId: string;
  /** the address picks the letter's versions (letterVariantSeed), as the sign form's preview did */
  supporter: LetterSupporter & { email: string };
  now: Date;
}): { version: string; signed: SignedLetters; officials: string[] } {
  // the version and the letters from the same rows: what is stored is exactly what that version stands for
  const content = getCaseContent({ db, caseId });
  if (!content) throw new Error(`case ${caseId} does not exist`);
  const version = contentVersionOf(content);
  const { row: theCase, letters: templates, officials: caseTargets } = content;
  const preferred = theCase.languages.split(",").map((l) => l.trim());
  const channelConfig = getChannelConfig();
  const letters: SignedLetter[] = [];
  for (const target of caseTargets) {
    const template = pickTemplate(templates, target.language, preferred);
    if (!template) throw new Error(`case ${caseId} has no letter template`);
    const route = routeAppeal({ tx: db, target, caseCountry: theCase.country, supporterCountry: supporter.country, channelConfig });
    // a routed copy to a country with no usable mission: no letter (getMissingMissionCountries reports it)
    if (!route) continue;
    const letter = renderLetter({
      template,
      supporter,
      target: route.letterTarget,
      caseInfo: { personName: theCase.personName, reference: theCase.reference },
      date: now,
      variantSeed: letterVariantSeed({ email: supporter.email, caseId, templateId: template.id }),
    });
    letters.push({
      targetId: target.id,
      missionId: route.missionId,
      recipient: route.missionId ? route.letterTarget.title : officialName(target),
      language: template.language,
      ...letter,
    });
  }
  // every official by name, from the same rows (the confirmation email lists them)
  return { version, signed: { date: todayIso(now), letters }, officials: caseTargets.map(officialName) };
}
