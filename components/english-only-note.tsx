import { useLocale, useTranslations } from "next-intl";

/** Above a page whose text exists only in English so far (about, accessibility): says so in the reader's
 * language, so a French or Arabic reader knows why it changes language (docs/decisions/024-languages.md). */
export function EnglishOnlyNote() {
  const t = useTranslations("englishOnly");
  if (useLocale() === "en") return null;
  return (
    <div className="container-page max-w-3xl pt-8">
      <p className="rounded-md border border-line bg-surface p-3 text-[0.9375rem]" data-testid="english-only-note">
        {t("note")}
      </p>
    </div>
  );
}
