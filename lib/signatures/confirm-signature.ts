import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb, groupedWrite, writeTransaction, type Db } from "@/db/client";
import { appeals, cases, letterTemplates, signatureOffers, signatures, targets } from "@/db/schema";
import { caseContentVersion } from "../cases/content-version";
import { isOpenForSignatures, pickTemplate } from "../cases/queries";
import { countryName } from "../countries";
import { env } from "../env";
import { enqueueFaxLetter } from "../fax/enqueue-fax-letter";
import { renderLetter, signatureName } from "../letters/render";
import { letterVariantSeed } from "../letters/variants";
import { enqueueMessage, wakeOutbox } from "../outbox/enqueue-message";
import { hashToken, newId } from "../security/secret";
import { getChannelConfig } from "../targets/channel-config";
import { waitsForDigest } from "../digests/digest-rule";
import { routeAppeal } from "./route-appeal";
import { paceSettingsFor } from "../outbox/pacing";
import { officialTimeZone } from "../targets/time-zone";
import { letterDay, readSignedLetters, renderSignedLetters, type SignedLetter } from "./signed-letters";

export type ConfirmationState = "ready" | "changed" | "confirmed" | "expired" | "invalid" | "closed";

/** One letter as the confirmation page shows it. */
export type ShownLetter = Pick<SignedLetter, "targetId" | "recipient" | "language" | "subject" | "body">;

export type ConfirmationLookup = {
  state: ConfirmationState;
  caseSlug?: string;
  personName?: string;
  caseTitle?: string;
  /** For a case past its deadline: the last day it took action (YYYY-MM-DD). */
  closedOn?: string;
  /** What the letters will carry, shown before confirming: whoever typed this address into the form chose it,
   * and the owner of the address must see it (above all whether officials will see their address). */
  letter?: { signedAs: string; country: string; message: string | null; allowReply: boolean; letters: ShownLetter[] };
  /** For "changed": the case is no longer the version the supporter signed ("unrecorded": they signed before
   * letters were stored), so `letter.letters` are the letters as they read now, of `version`; confirming them
   * takes that version sent back (confirmSignature's acceptedVersion). */
  changed?: { version: string; reason: "changed" | "unrecorded" };
};

const lookupColumns = {
  id: signatures.id,
  status: signatures.status,
  caseId: cases.id,
  caseSlug: cases.slug,
  personName: cases.personName,
  caseTitle: cases.title,
  caseState: cases.state,
  actBefore: cases.actBefore,
};

/** A token is a pending signature's own link, or the link of an offer made for it (what was typed later for the
 * same address); an offer carries its own details and expiry. */
function findByToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const tokenHash = hashToken(token);
  const own = getDb()
    .select({
      ...lookupColumns,
      tokenExpiresAt: signatures.tokenExpiresAt,
      fullName: signatures.fullName,
      // the address picks the versions of a letter rendered anew (letterVariantSeed)
      email: signatures.email,
      initialsOnly: signatures.initialsOnly,
      country: signatures.country,
      message: signatures.message,
      allowReply: signatures.allowReply,
      contentVersion: signatures.contentVersion,
      letters: signatures.letters,
    })
    .from(signatures)
    .innerJoin(cases, eq(cases.id, signatures.caseId))
    .where(eq(signatures.tokenHash, tokenHash))
    .get();
  if (own) return { ...own, offerId: null };
  return getDb()
    .select({
      ...lookupColumns,
      offerId: signatureOffers.id,
      tokenExpiresAt: signatureOffers.tokenExpiresAt,
      fullName: signatureOffers.fullName,
      email: signatureOffers.email,
      initialsOnly: signatureOffers.initialsOnly,
      country: signatureOffers.country,
      message: signatureOffers.message,
      allowReply: signatureOffers.allowReply,
      contentVersion: signatureOffers.contentVersion,
      letters: signatureOffers.letters,
    })
    .from(signatureOffers)
    .innerJoin(signatures, eq(signatures.id, signatureOffers.signatureId))
    .innerJoin(cases, eq(cases.id, signatures.caseId))
    .where(eq(signatureOffers.tokenHash, tokenHash))
    .get();
}

/** What the confirmation page should say for a token, without changing anything (GET must not confirm:
 * mail scanners fetch links). */
export function getConfirmationByToken({ token, now = new Date() }: { token: string; now?: Date }): ConfirmationLookup {
  const row = findByToken(token);
  if (!row) return { state: "invalid" };
  const about = { caseSlug: row.caseSlug, personName: row.personName, caseTitle: row.caseTitle };
  // a merged signature was confirmed, then found to be a second count of the same person: its link says so
  if (row.status === "confirmed" || row.status === "merged") return { state: "confirmed", ...about };
  if (row.tokenExpiresAt.getTime() < now.getTime()) return { state: "expired", ...about };
  if (row.caseState !== "published") return { state: "closed", ...about };
  // past its deadline the case takes no more action: a late confirmation would send a letter nobody asked for now
  if (!isOpenForSignatures({ state: row.caseState, actBefore: row.actBefore }, now)) return { state: "closed", closedOn: row.actBefore, ...about };
  const details = { signedAs: signatureName(row), country: row.country, message: row.message, allowReply: row.allowReply };
  const db = getDb();
  const stored = readSignedLetters(row.letters);
  if (stored && row.contentVersion === caseContentVersion({ db, caseId: row.caseId })) {
    return { state: "ready", ...about, letter: { ...details, letters: stored.letters.map(shown) } };
  }
  // an approved change came in after they signed: nothing goes until they have read the letter as it reads now
  const current = renderSignedLetters({ db, caseId: row.caseId, supporter: row, now });
  return {
    state: "changed",
    ...about,
    letter: { ...details, letters: current.signed.letters.map(shown) },
    // a version without letters: the page they signed on was already older than the case (submit-signature.ts)
    changed: { version: current.version, reason: row.contentVersion ? "changed" : "unrecorded" },
  };
}

const shown = ({ targetId, recipient, language, subject, body }: SignedLetter): ShownLetter => ({ targetId, recipient, language, subject, body });

export type ConfirmSignatureResult = ConfirmationLookup & { appealsQueued?: number };

/**
 * Confirms a signature and writes one appeal per target, each email and fax appeal into the outbox, all in one
 * transaction (lib/signatures/route-appeal.ts decides where each goes). The status-guarded update makes a second confirmation (double click, two tabs) a no-op.
 * The letters sent are the ones stored when the supporter signed, byte for byte, while the case is still the
 * version they signed. When it changed in between, nothing is sent and the answer is "changed" (with the letters
 * as they read now) unless `acceptedVersion` is that new version: the supporter read it and confirmed it, and it
 * is rendered and sent.
 */
type ConfirmSignatureArgs = {
  token: string;
  /** The supporter's answer on the confirmation page; it can only withdraw the form's opt-in, never add one. */
  allowReply?: boolean;
  /** The case version whose letters the "changed" page showed and the supporter confirmed. */
  acceptedVersion?: string;
  now?: Date;
};

export function confirmSignature(args: ConfirmSignatureArgs): ConfirmSignatureResult {
  const result = writeTransaction(confirmation(args));
  if (result.appealsQueued) wakeOutbox();
  return result;
}

/** confirmSignature for the confirm POST: its transaction shares one commit with the others arriving together
 * (db/client.ts groupedWrite); resolves once it is durable, and wakes the outbox only then. */
export async function confirmSignatureGrouped(args: ConfirmSignatureArgs): Promise<ConfirmSignatureResult> {
  const result = await groupedWrite(confirmation(args));
  if (result.appealsQueued) wakeOutbox();
  return result;
}

function confirmation({
  token,
  allowReply,
  acceptedVersion,
  now = new Date(),
}: ConfirmSignatureArgs): (tx: Db) => ConfirmSignatureResult {
  const config = env();
  return (tx: Db): ConfirmSignatureResult => {
    const lookup = getConfirmationByToken({ token, now });
    if (lookup.state === "changed") {
      // changed again since the page was shown (or no page was shown): they confirm only what they have read
      if (acceptedVersion === undefined || acceptedVersion !== lookup.changed?.version) return lookup;
    } else if (lookup.state !== "ready") return lookup;

    const row = findByToken(token);
    if (!row) return { state: "invalid" };
    if (row.offerId) {
      // the owner chose the offer: its details (and its link) take the pending signature's place now, not before
      const offer = tx.select().from(signatureOffers).where(eq(signatureOffers.id, row.offerId)).get();
      if (!offer) return { state: "invalid" };
      const { id: _id, signatureId: _signatureId, createdAt: _createdAt, ...details } = offer;
      tx.update(signatures).set({ ...details, updatedAt: now }).where(and(eq(signatures.id, row.id), eq(signatures.status, "pending"))).run();
    }
    const signature = tx.select().from(signatures).where(eq(signatures.id, row.id)).get();
    if (!signature) return { state: "invalid" };
    if (signature.status === "confirmed") return { ...lookup, state: "confirmed" };
    const replyAllowed = signature.allowReply && allowReply !== false;
    signature.allowReply = replyAllowed;
    const version = caseContentVersion({ db: tx, caseId: signature.caseId });
    const stored = signature.contentVersion === version ? readSignedLetters(signature.letters) : null;
    if (!stored && (acceptedVersion === undefined || acceptedVersion !== version)) return lookup;
    // the stored letters, or (the supporter confirmed the new version) that version rendered now and sent as read
    const signed = stored ?? renderSignedLetters({ db: tx, caseId: signature.caseId, supporter: signature, now }).signed;
    const changed = tx
      .update(signatures)
      // the letters are cleared: from now on the appeals carry them, and a second copy would outlive their purge
      .set({ status: "confirmed", confirmedAt: now, updatedAt: now, letterDate: signed.date, allowReply: replyAllowed, contentVersion: version, letters: null })
      .where(and(eq(signatures.id, signature.id), eq(signatures.status, "pending")))
      .run();
    if (changed.changes === 0) return { ...lookup, state: "confirmed" };
    // the other offers for this address die with the choice made
    tx.delete(signatureOffers).where(eq(signatureOffers.signatureId, signature.id)).run();

    const theCase = tx.select().from(cases).where(eq(cases.id, signature.caseId)).get()!;
    const templates = tx.select().from(letterTemplates).where(eq(letterTemplates.caseId, theCase.id)).all();
    const caseTargets = tx.select().from(targets).where(eq(targets.caseId, theCase.id)).orderBy(asc(targets.position)).all();
    const preferred = theCase.languages.split(",").map((l) => l.trim());
    const fromName = `${signatureName(signature)} via ${config.MAIL_FROM_NAME}`;
    // Officials may answer the supporter only if the supporter asked for it; otherwise the organisation's address.
    // Never for an embassy copy (the supporter's consent was about the officials of the case, and a mission in
    // their own country is the last place their address should go) nor for a fax (the gateway's reports would
    // reach the supporter instead of us).
    const supporterReplyTo = signature.allowReply ? signature.email : (config.REPLY_TO ?? null);
    const organisationReplyTo = config.REPLY_TO ?? null;

    const channelConfig = getChannelConfig();
    const signedAs = `${signatureName(signature)}, ${countryName(signature.country)}`;
    let queued = 0;
    for (const target of caseTargets) {
      const template = pickTemplate(templates, target.language, preferred);
      if (!template) throw new Error(`case ${theCase.id} has no letter template`);
      const route = routeAppeal({ tx, target, caseCountry: theCase.country, supporterCountry: signature.country, channelConfig });
      // a routed copy to a country with no usable mission: no letter; getMissingMissionCountries reports it
      if (!route) continue;
      // A stored letter goes as stored. Missing only for a routed copy whose mission differs from the one picked at
      // signing (a mission closed or was added): the same letter, same day, addressed to the mission picked now.
      const letter =
        signed.letters.find((l) => l.targetId === target.id && l.missionId === route.missionId) ??
        renderLetter({
          template,
          supporter: signature,
          target: route.letterTarget,
          caseInfo: { personName: theCase.personName, reference: theCase.reference },
          date: letterDay(signed.date),
          variantSeed: letterVariantSeed({ email: signature.email, caseId: theCase.id, templateId: template.id }),
        });
      let outboxId: string | null = null;
      // a letter to an official in digest mode gets no outbox row: it waits for their daily digest (lib/digests),
      // which counts it as emailed when it is sent
      if (route.channel === "email" && !waitsForDigest(target, route.channel)) {
        const replyTo = route.missionId ? organisationReplyTo : supporterReplyTo;
        // an official's own rate and office hours; a routed copy (a mission) gets the defaults
        const pace = route.missionId ? paceSettingsFor(null, null) : paceSettingsFor(target, officialTimeZone(target));
        outboxId = enqueueMessage(tx, { kind: "appeal", to: route.deliveryAddress!, fromName, replyTo, subject: letter.subject, text: letter.body, pace }, now);
      } else if (route.channel === "fax") {
        outboxId = enqueueFaxLetter(tx, { number: route.deliveryAddress!, recipient: route.recipient[0] ?? target.title, signedAs, fromName, subject: letter.subject }, now);
      }
      if (outboxId) queued++;
      tx.insert(appeals)
        .values({
          id: newId(),
          signatureId: signature.id,
          targetId: target.id,
          caseId: theCase.id,
          channel: route.channel,
          language: template.language,
          subject: letter.subject,
          body: letter.body,
          recipient: route.recipient.join("\n"),
          deliveryAddress: route.deliveryAddress,
          missionId: route.missionId,
          outboxId,
          createdAt: now,
        })
        .run();
    }
    return { ...lookup, state: "confirmed", appealsQueued: queued };
  };
}
