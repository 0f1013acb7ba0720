import { useLocale, useTranslations } from "next-intl";
import { strongNowrap } from "./rich-tags";
import { Link } from "@/i18n/navigation";
import { formatDay } from "./format";
import { GoalBar } from "./goal-bar";
import { PersonPortrait } from "./person-portrait";
import { RiskBadge } from "./risk-badge";

export type CaseCardProps = {
  slug: string;
  personName: string;
  personNameLocal: string | null;
  photoPath: string | null;
  photoAlt: string | null;
  title: string;
  riskLabel: string;
  isOutcome: boolean;
  countryName: string;
  actBefore: string;
  goal: number;
  signatureCount: number;
  open: boolean;
  outcome: string | null;
  /** the language the campaigner wrote the title and outcome in (lib/i18n/content-language.ts) */
  contentLanguage: string;
};

/** An open urgent action: who, what risk, by when, how far, and one way in. */
export function CaseCard({ c, headingLevel = 3 }: { c: CaseCardProps; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const t = useTranslations("caseCard");
  const locale = useLocale();
  return (
    <article className="flex h-full flex-col overflow-hidden rounded-md border border-line bg-surface shadow-[0_1px_0_rgba(22,20,15,0.06)]">
      <div className="aspect-[2/1] w-full border-b border-line sm:aspect-[3/2]">
        <PersonPortrait name={c.personName} photoPath={c.photoPath} photoAlt={c.photoAlt} />
      </div>
      <div className="flex flex-1 flex-col gap-3 p-5">
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <RiskBadge label={c.riskLabel} outcome={c.isOutcome} />
          <span className="text-[0.9375rem] text-ink-soft">{c.countryName}</span>
        </p>
        <div>
          <Heading className="text-2xl" dir="auto">
            {c.personName}
          </Heading>
          {c.personNameLocal && (
            <p className="mt-0.5 text-ink-soft">
              <span dir="auto">{c.personNameLocal}</span>
            </p>
          )}
        </div>
        <p className="leading-snug" lang={c.contentLanguage} dir="auto">
          {c.title}
        </p>
        <div className="mt-auto flex flex-col gap-4 pt-2">
          <p className="text-[0.9375rem]">
            {t.rich("actBefore", { date: formatDay(c.actBefore, locale), strong: strongNowrap })}
          </p>
          <GoalBar count={c.signatureCount} goal={c.goal} />
          <Link href={`/cases/${c.slug}`} className="btn btn-dark w-full">
            {t("readAndAct")}
            <span className="sr-only">
              {" "}
              {t("forPerson", { name: c.personName })}
            </span>
          </Link>
        </div>
      </div>
    </article>
  );
}

/** A closed case or an outcome: news first, the way back to the full story second. */
export function OutcomeCard({ c }: { c: CaseCardProps }) {
  const t = useTranslations("caseCard");
  const locale = useLocale();
  return (
    <article className="flex h-full gap-4 rounded-md border border-line bg-surface p-4">
      <div className="h-24 w-20 flex-none overflow-hidden rounded-sm border border-line">
        <PersonPortrait name={c.personName} photoPath={c.photoPath} photoAlt={c.photoAlt} size="small" />
      </div>
      <div className="flex min-w-0 flex-col gap-1.5">
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <RiskBadge label={c.riskLabel} outcome={c.isOutcome} />
          <span className="text-[0.9375rem] text-ink-soft">{c.countryName}</span>
        </p>
        <h3 className="text-xl" dir="auto">
          {c.personName}
        </h3>
        <p className="text-[0.9375rem] leading-snug" lang={c.contentLanguage} dir="auto">
          {c.outcome ?? c.title}
        </p>
        <p className="text-[0.9375rem] text-ink-soft">
          {t(c.open ? "openUntil" : "closedOn", { date: formatDay(c.actBefore, locale) })}
        </p>
        <p className="mt-1">
          <Link href={`/cases/${c.slug}`} className="font-semibold">
            {c.open ? t("readAndAct") : t("readFullStory")}
            <span className="sr-only">
              {" "}
              {t("ofPerson", { name: c.personName })}
            </span>
          </Link>
        </p>
      </div>
    </article>
  );
}
