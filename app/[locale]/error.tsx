"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

// Never shows the error itself: a message could carry a supporter's details or our internals.
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <div className="container-page max-w-2xl py-16">
      <p className="eyebrow">{t("eyebrow")}</p>
      <h1 className="mt-2 text-4xl">{t("title")}</h1>
      <p className="mt-5 text-lg leading-relaxed">{t("body")}</p>
      <p className="mt-8 flex flex-wrap gap-3">
        <button type="button" onClick={() => retry()} className="btn btn-primary">
          {t("retry")}
        </button>
        <Link href="/" className="btn btn-secondary">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}
