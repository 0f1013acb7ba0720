import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="container-page max-w-2xl py-16">
      <p className="eyebrow">{t("eyebrow")}</p>
      <h1 className="mt-2 text-4xl">{t("title")}</h1>
      <p className="mt-5 text-lg leading-relaxed">{t("body")}</p>
      <p className="mt-8">
        <Link href="/" className="btn btn-primary">
          {t("cta")}
        </Link>
      </p>
    </div>
  );
}
