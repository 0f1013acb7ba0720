import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { setPageLocale } from "@/i18n/page-locale";
import type { ReactNode } from "react";
import { formatDay } from "@/components/format";
import { LetterList, letterListLabels } from "@/components/letter-list";
import { MessagePanel } from "@/components/message-panel";
import { Link } from "@/i18n/navigation";
import { countryName } from "@/lib/countries";
import type { Locale } from "@/lib/i18n/locales";
import { getSignatureIdByConfirmationToken } from "@/lib/own-channels/queries";
import { thanksPath } from "@/lib/own-channels/thanks-token";
import { getConfirmationByToken } from "@/lib/signatures/confirm-signature";
import type { ConfirmationLookup } from "@/lib/signatures/confirm-signature";
import { confirmAppeal } from "./actions";

// Looked up per request; looking never confirms (mail scanners open links). The token stays out of every
// other site's Referer (Referrer-Policy: same-origin, set for the whole site in next.config.js).
export const dynamic = "force-dynamic";

type Params = Promise<{ locale: Locale; token: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "confirm" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

export default async function ConfirmPage({ params }: { params: Params }) {
  const { locale, token } = await params;
  setPageLocale(locale);
  const t = await getTranslations("confirm");
  const found = getConfirmationByToken({ token });
  // the person's name keeps its own direction inside a sentence in any language
  const name = (chunks: ReactNode) => (found.personName ? <bdi dir="auto">{chunks}</bdi> : <>{chunks}</>);
  const who = found.personName ?? t("thisPerson");
  const caseHref = found.caseSlug ? `/cases/${found.caseSlug}` : "/";
  // the campaigner's title stays in the language it was written in
  const caseTitle = found.caseTitle && (
    <p className="text-ink-soft" dir="auto">
      {found.caseTitle}
    </p>
  );
  const count = found.letter?.letters.length ?? 1;
  const labels = letterListLabels(await getTranslations("letterList"));

  switch (found.state) {
    case "ready":
      return (
        <MessagePanel eyebrow={t("lastStep")} title={t.rich("readyTitle", { name: who, bdi: name })}>
          {caseTitle}
          <p>{t("readyBody")}</p>
          {found.letter && <LetterDetails letter={found.letter} locale={locale} />}
          {found.letter && (
            <section aria-labelledby="your-letters">
              <h2 id="your-letters" className="text-2xl">
                {t("yourLetters", { count })}
              </h2>
              <LetterList letters={found.letter.letters} labels={labels} open="short" />
            </section>
          )}
          <ConfirmForm token={token} locale={locale} offerReply={found.letter?.allowReply ?? false} label={t("confirmButton")} />
          <NotYou />
        </MessagePanel>
      );
    case "changed": {
      // nothing was sent: the letter they signed is not the case's any more, so they read the new one first
      const unrecorded = found.changed?.reason === "unrecorded";
      return (
        <MessagePanel
          eyebrow={unrecorded ? t("lastStep") : t("changedEyebrow")}
          title={unrecorded ? t.rich("readyTitle", { name: who, bdi: name }) : t("changedTitle")}
        >
          {caseTitle}
          <p>{unrecorded ? t("unrecordedBody") : t("changedBody")}</p>
          {found.letter && <LetterDetails letter={found.letter} locale={locale} />}
          {found.letter && (
            <section aria-labelledby="new-letters">
              <h2 id="new-letters" className="text-2xl">
                {t("lettersNow", { count })}
              </h2>
              <LetterList letters={found.letter.letters} labels={labels} open="all" />
            </section>
          )}
          <ConfirmForm token={token} locale={locale} offerReply={found.letter?.allowReply ?? false} version={found.changed?.version} label={t("confirmVersion")} />
          <NotYou />
        </MessagePanel>
      );
    }
    case "confirmed": {
      // the confirmation link stays the supporter's way back to their own letters and channels
      const signatureId = getSignatureIdByConfirmationToken({ token });
      const thanks =
        found.caseSlug && signatureId
          ? thanksPath({ caseSlug: found.caseSlug, signatureId, locale })
          : found.caseSlug
            ? `/${locale}/cases/${found.caseSlug}/thanks`
            : undefined;
      return (
        <MessagePanel eyebrow={t("alreadyEyebrow")} title={t("alreadyTitle")}>
          <p>{t.rich("alreadyBody", { name: who, bdi: name })}</p>
          <p className="flex flex-wrap gap-3">
            {thanks && (
              <a href={thanks} className="btn btn-dark">
                {t("sendYourself")}
              </a>
            )}
            <Link href={caseHref} className="btn btn-secondary">
              {t("backToCase")}
            </Link>
          </p>
        </MessagePanel>
      );
    }
    case "expired":
      return (
        <MessagePanel eyebrow={t("expiredEyebrow")} title={t("expiredTitle")}>
          <p>{t.rich("expiredBody", { name: who, bdi: name })}</p>
          <p>
            <Link href={caseHref} className="btn btn-primary">
              {t("signAgain")}
            </Link>
          </p>
        </MessagePanel>
      );
    case "closed":
      return (
        <MessagePanel eyebrow={t("closedEyebrow")} title={t("closedTitle")}>
          <p>
            {found.closedOn
              ? t.rich("closedOnBody", { name: who, bdi: name, date: formatDay(found.closedOn, locale) })
              : t.rich("closedBody", { name: who, bdi: name })}{" "}
            {t("thanksForWanting")}
          </p>
          <p className="flex flex-wrap gap-3">
            <Link href={caseHref} className="btn btn-secondary">
              {t("latestNews")}
            </Link>
            <Link href="/" className="btn btn-dark">
              {t("seeOpen")}
            </Link>
          </p>
        </MessagePanel>
      );
    default:
      return (
        <MessagePanel eyebrow={t("invalidEyebrow")} title={t("invalidTitle")}>
          <p>{t("invalidBody")}</p>
          <p>
            <Link href="/" className="btn btn-dark">
              {t("seeActions")}
            </Link>
          </p>
        </MessagePanel>
      );
  }
}

/** Who signs and what goes with the letters: whoever typed this address into the form chose it, and the owner of
 * the address must see it (above all whether officials will see their address). */
async function LetterDetails({ letter, locale }: { letter: NonNullable<ConfirmationLookup["letter"]>; locale: Locale }) {
  const t = await getTranslations("confirm");
  return (
    <dl className="space-y-2 rounded-md border border-line bg-surface p-4 text-base">
      <div>
        <dt className="font-semibold">{t("signed")}</dt>
        <dd>
          <bdi dir="auto">{letter.signedAs}</bdi>
          {t("listSeparator")}
          {countryName(letter.country, locale)}
        </dd>
      </div>
      <div>
        <dt className="font-semibold">{t("personalMessage")}</dt>
        <dd dir="auto" className="whitespace-pre-line">
          {letter.message ?? t("none")}
        </dd>
      </div>
      <div>
        <dt className="font-semibold">{t("yourEmail")}</dt>
        <dd>{letter.allowReply ? t("emailAskedReply") : t("emailHidden")}</dd>
      </div>
    </dl>
  );
}

/** The one button that confirms (a POST: looking at the page never does). `version`: the case version whose
 * letters the "changed" page showed; confirming refuses if the case changed again since. */
async function ConfirmForm({ token, locale, offerReply, version, label }: { token: string; locale: Locale; offerReply: boolean; version?: string; label: string }) {
  const t = await getTranslations("confirm");
  return (
    <form action={confirmAppeal.bind(null, token, locale)} className="space-y-4">
      {version && <input type="hidden" name="version" value={version} />}
      {offerReply && (
        <>
          <input type="hidden" name="replyOffered" value="1" />
          <label className="flex items-start gap-3 text-base">
            {/* unticked: whoever typed this address into the form ticked the opt-in, not necessarily its owner */}
            <input type="checkbox" name="allowReply" className="mt-1 size-5" />
            <span>{t("allowReply")}</span>
          </label>
        </>
      )}
      <button type="submit" className="btn btn-primary w-full px-8 py-4 text-xl sm:w-auto">
        {label}
      </button>
    </form>
  );
}

async function NotYou() {
  const t = await getTranslations("confirm");
  return <p className="text-[0.9375rem] text-ink-soft">{t("notYou")}</p>;
}
