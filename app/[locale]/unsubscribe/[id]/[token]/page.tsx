import type { Metadata } from "next";
import { bdiAuto as bdi } from "@/components/rich-tags";
import { getTranslations } from "next-intl/server";
import { setPageLocale } from "@/i18n/page-locale";
import { MessagePanel } from "@/components/message-panel";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { getUnsubscribeByToken } from "@/lib/updates/unsubscribe-follower";
import { unsubscribeAction } from "./actions";

// Looked up per request; looking never unsubscribes (mail scanners open links).
export const dynamic = "force-dynamic";

type Params = Promise<{ locale: Locale; id: string; token: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "unsubscribe" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

export default async function UnsubscribePage({ params }: { params: Params }) {
  const { locale, id, token } = await params;
  setPageLocale(locale);
  const t = await getTranslations("unsubscribe");
  const found = getUnsubscribeByToken({ signatureId: id, token });
  const who = found.personName ?? t("thisPerson");
  const caseLink = found.caseSlug ? (
    <Link href={`/cases/${found.caseSlug}`} className="btn btn-secondary">
      {t("caseLink")}
    </Link>
  ) : null;

  if (found.state === "subscribed") {
    return (
      <MessagePanel eyebrow={t("eyebrow")} title={t.rich("title", { name: who, bdi })}>
        <p>{t.rich("body", { name: who, bdi })}</p>
        <p>{t("stillCounted")}</p>
        <form action={unsubscribeAction.bind(null, id, token, locale)}>
          <button type="submit" className="btn btn-primary w-full px-8 py-4 text-xl sm:w-auto">
            {/* one flex item, so the name wraps with the words around it */}
            <span>{t.rich("button", { name: who, bdi })}</span>
          </button>
        </form>
        <p className="text-[0.9375rem] text-ink-soft">{t("changedMind")}</p>
      </MessagePanel>
    );
  }
  if (found.state === "unsubscribed") {
    return (
      <MessagePanel eyebrow={t("doneEyebrow")} title={t("doneTitle")}>
        <p>{t.rich("doneBody", { name: who, bdi })}</p>
        {caseLink && <p>{caseLink}</p>}
      </MessagePanel>
    );
  }
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
