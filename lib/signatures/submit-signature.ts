import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { groupedWrite, preparedFor, writeTransaction, type Db } from "@/db/client";
import { cases, signatureOffers, signatures } from "@/db/schema";
import { alreadySignedEmail } from "@/emails/already-signed";
import { confirmSignatureEmail } from "@/emails/confirm-signature";
import { isOpenForSignatures } from "../cases/queries";
import { formatDay } from "@/components/format";
import { env } from "../env";
import { DEFAULT_LOCALE, localePath, type Locale } from "../i18n/locales";
import { signatureName } from "../letters/render";
import { enqueueMessage, wakeOutbox } from "../outbox/enqueue-message";
import { rateLimitUnit } from "../security/client-address";
import { consumeRateLimit } from "../security/rate-limits";
import { hashToken, newId, randomToken } from "../security/secret";
import { renderSignedLetters } from "./signed-letters";
import { canonicalEmail, DISPOSABLE_EMAIL_MESSAGE, isDisposableAddress } from "./canonical-email";
import type { SignAppealInput } from "./schemas";

export type SubmitSignatureResult =
  | { ok: true }
  | { ok: false; code: "not_found" | "closed"; message: string }
  | { ok: false; code: "disposable_email"; field: "email"; message: string }
  | { ok: false; code: "rate_limited"; message: string; retryAfterMinutes: number };

/**
 * Records an unconfirmed signature and queues its confirmation email, in one transaction. The result is the
 * same whether or not the address had signed before (the page must not reveal who signed): a pending
 * signature is never written over (whoever typed the address may not be its owner); what was typed becomes an
 * offer with its own link, which takes the signature's place only if the owner confirms it. A confirmed one
 * gets an "already signed" note by email instead.
 * Per-address limits stop the form being used to mail-bomb a third party; once hit, nothing more is sent to
 * that address but the page still reads the same.
 */
type SubmitSignatureArgs = {
  /** the language of the page they signed on: stored, and every email to them is written in it */
  locale?: Locale;
  slug: string;
  input: SignAppealInput;
  clientAddress: string;
  /** the case's content version the page showed (its preview); null when unknown (not from the page) */
  seenVersion?: string | null;
  now?: Date;
};

export function submitSignature(args: SubmitSignatureArgs): SubmitSignatureResult {
  const work = submission(args);
  if (typeof work !== "function") return work;
  const result = writeTransaction(work);
  if (result.ok) wakeOutbox();
  return result;
}

/** submitSignature for the sign POST: its transaction shares one commit with the others arriving together
 * (db/client.ts groupedWrite); resolves once it is durable, and wakes the outbox only then. */
export async function submitSignatureGrouped(args: SubmitSignatureArgs): Promise<SubmitSignatureResult> {
  const work = submission(args);
  if (typeof work !== "function") return work;
  const result = await groupedWrite(work);
  if (result.ok) wakeOutbox();
  return result;
}

const caseBySlug = preparedFor((db) =>
  db
    .select({ id: cases.id, slug: cases.slug, title: cases.title, personName: cases.personName, state: cases.state, actBefore: cases.actBefore })
    .from(cases)
    .where(eq(cases.slug, sql.placeholder("slug")))
    .prepare(),
);
const signatureOf = preparedFor((db) =>
  db
    .select({ id: signatures.id, status: signatures.status, confirmedAt: signatures.confirmedAt })
    .from(signatures)
    .where(and(eq(signatures.caseId, sql.placeholder("caseId")), eq(signatures.emailNormalized, sql.placeholder("emailNormalized"))))
    .prepare(),
);

/** The refusal decided before any write, or the transaction's work. */
function submission({
  slug,
  input,
  clientAddress,
  seenVersion = null,
  locale = DEFAULT_LOCALE,
  now = new Date(),
}: SubmitSignatureArgs): SubmitSignatureResult | ((tx: Db) => SubmitSignatureResult) {
  const config = env();
  // before the transaction: a refused address writes nothing, not even a rate-limit hit
  if (isDisposableAddress(input.email)) return { ok: false, code: "disposable_email", field: "email", message: DISPOSABLE_EMAIL_MESSAGE };
  // one person, one count: the uniqueness of a signature and every per-address limit use the canonical address
  const emailNormalized = canonicalEmail(input.email);

  return (tx: Db): SubmitSignatureResult => {
    const found = caseBySlug(tx).get({ slug });
    if (!found || (found.state !== "published" && found.state !== "closed")) {
      return { ok: false, code: "not_found", message: "This urgent action does not exist." };
    }
    if (!isOpenForSignatures(found, now)) {
      return { ok: false, code: "closed", message: "This urgent action is no longer taking signatures." };
    }

    const client = consumeRateLimit(tx, { name: "signPerClient", subject: rateLimitUnit(clientAddress), now });
    if (!client.allowed) return { ok: false, code: "rate_limited", retryAfterMinutes: client.retryAfterMinutes, message: client.message };
    // Mail to one address: once over either limit nothing more is sent to it, and the page still reads the same.
    const perCase = consumeRateLimit(tx, { name: "signPerEmailPerCase", subject: [found.id, emailNormalized], now });
    const overall = consumeRateLimit(tx, { name: "signPerEmail", subject: emailNormalized, now });
    if (!perCase.allowed || !overall.allowed) return { ok: true };

    const caseUrl = `${config.appUrl}${localePath(locale, `/cases/${found.slug}`)}`;
    const existing = signatureOf(tx).get({ caseId: found.id, emailNormalized });

    if (existing?.status === "confirmed") {
      const mail = alreadySignedEmail({
        personName: found.personName,
        caseUrl,
        confirmedOn: formatDay(existing.confirmedAt ?? now, locale),
        locale,
      });
      enqueueMessage(tx, { kind: "already_signed", to: input.email, ...mail, headers: { "Auto-Submitted": "auto-generated" } }, now);
      return { ok: true };
    }

    const token = randomToken();
    const fields = {
      fullName: input.fullName,
      email: input.email,
      country: input.country,
      message: input.message === "" ? null : input.message,
      initialsOnly: input.initialsOnly,
      allowReply: input.allowReply,
      followUpdates: input.followUpdates,
      locale,
      tokenHash: hashToken(token),
      tokenExpiresAt: new Date(now.getTime() + config.CONFIRM_TOKEN_TTL_HOURS * 3_600_000),
    };
    // the letters as the supporter previewed them, with the version of the case they came from: confirming
    // sends exactly these, or nothing if an approved change came in between (lib/signatures/confirm-signature.ts)
    const { version, signed, officials } = renderSignedLetters({ db: tx, caseId: found.id, supporter: fields, now });
    // The page they previewed was older than the case is now: what they read cannot be rendered again, and what
    // reads now they have not read. No letters are stored, so confirming shows the letter as it reads now first.
    const stale = seenVersion !== null && seenVersion !== version;
    const letters = stale ? { contentVersion: seenVersion, letters: null } : { contentVersion: version, letters: JSON.stringify(signed) };
    if (existing) {
      // still pending: the pending row and its link stay as they are; the new details wait under their own link
      tx.insert(signatureOffers).values({ id: newId(), signatureId: existing.id, createdAt: now, ...fields, ...letters }).run();
    } else {
      tx.insert(signatures).values({ id: newId(), caseId: found.id, status: "pending", emailNormalized, createdAt: now, updatedAt: now, ...fields, ...letters }).run();
    }

    const mail = confirmSignatureEmail({
      supporterName: signatureName(input),
      personName: found.personName,
      caseTitle: found.title,
      confirmUrl: `${config.appUrl}${localePath(locale, `/confirm/${token}`)}`,
      caseUrl,
      targets: officials,
      expiresInHours: config.CONFIRM_TOKEN_TTL_HOURS,
      signedAs: signatureName(input),
      message: fields.message,
      allowReply: input.allowReply,
      locale,
    });
    enqueueMessage(tx, { kind: "confirmation", to: input.email, ...mail, headers: { "Auto-Submitted": "auto-generated" } }, now);
    return { ok: true };
  };
}
