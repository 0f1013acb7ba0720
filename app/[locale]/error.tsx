"use client";

import NextLink from "next/link";
import { useClientLocale, useClientTranslations } from "@/components/client-intl";

// Never shows the error itself: a message could carry a supporter's details or our internals.
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  const t = useClientTranslations("errorPage");
  const locale = useClientLocale();
  return (
    <div className="container-page max-w-2xl py-16">
      <p className="eyebrow">{t("eyebrow")}</p>
      <h1 className="mt-2 text-4xl">{t("title")}</h1>
      <p className="mt-5 text-lg leading-relaxed">{t("body")}</p>
      <p className="mt-8 flex flex-wrap gap-3">
        <button type="button" onClick={() => retry()} className="btn btn-primary">
          {t("retry")}
        </button>
        <NextLink href={`/${locale}`} className="btn btn-secondary">
          {t("home")}
        </NextLink>
      </p>
    </div>
  );
}
