import type { Metadata } from "next";
import { strong } from "@/components/rich-tags";
import { getTranslations } from "next-intl/server";
import { setPageLocale } from "@/i18n/page-locale";
import { SubmitButton } from "@/components/forms/submit-button";
import { MessagePanel } from "@/components/message-panel";
import { Link } from "@/i18n/navigation";
import { getErasureByToken } from "@/lib/erasure/confirm-erasure";
import type { Locale } from "@/lib/i18n/locales";
import { confirmErasureAction } from "../actions";

// Looked up per request; looking never erases (mail scanners open links).
export const dynamic = "force-dynamic";

type Params = Promise<{ locale: Locale; token: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "eraseToken" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

export default async function EraseTokenPage({ params, searchParams }: { params: Params; searchParams: Promise<{ failed?: string }> }) {
  const { locale, token } = await params;
  setPageLocale(locale);
  const t = await getTranslations("eraseToken");
  const { failed } = await searchParams;
  const found = getErasureByToken({ token });
  if (found.state === "invalid") {
    return (
      <MessagePanel eyebrow={t("invalidEyebrow")} title={t("invalidTitle")}>
        <p>{t("invalidBody")}</p>
        <p>
          <Link href="/erase" className="btn btn-dark">
            {t("newLink")}
          </Link>
        </p>
      </MessagePanel>
    );
  }
  const { confirmed, pending, unsentLetters, following } = found.preview;
  const nothing = confirmed + pending === 0;
  return (
    <MessagePanel eyebrow={t("metaTitle")} title={nothing ? t("titleNothing") : t("title")}>
      {nothing ? (
        <p>{t("nothingBody")}</p>
      ) : (
        <ul className="list-disc space-y-2 ps-6">
          {confirmed > 0 && <li>{t.rich("confirmed", { count: confirmed, strong })}</li>}
          {pending > 0 && <li>{t("pending", { count: pending })}</li>}
          {unsentLetters > 0 && <li>{t.rich("unsent", { count: unsentLetters, strong })}</li>}
          {following > 0 && <li>{t("following")}</li>}
          <li>{t("delivered")}</li>
        </ul>
      )}
      {failed && (
        <p role="alert" className="rounded-md border-2 border-danger bg-danger-bg p-4 font-semibold text-danger">
          {t("failed")}
        </p>
      )}
      <p>{t("cannotUndo")}</p>
      <form action={confirmErasureAction.bind(null, token, locale)}>
        <SubmitButton className="btn btn-primary w-full px-8 py-4 text-xl sm:w-auto" pendingLabel={t("erasing")}>
          {t("button")}
        </SubmitButton>
      </form>
      <p className="text-[0.9375rem] text-ink-soft">{t("changedMind")}</p>
    </MessagePanel>
  );
}
