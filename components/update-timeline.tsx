import type { UpdateKind } from "@/db/schema";
import { strong } from "./rich-tags";
import { useLocale, useTranslations } from "next-intl";
import { formatDay } from "./format";
import { RichText } from "./rich-text";

export type TimelineUpdate = {
  id: string;
  kind: UpdateKind;
  title: string;
  body: string;
  statusLabel: string | null;
  happenedOn: string;
};

/** The case's updates, newest first, ending with the day the urgent action was issued. */
export function UpdateTimeline({ updates, issuedOn, contentLanguage }: { updates: TimelineUpdate[]; issuedOn: string | null; contentLanguage: string }) {
  const t = useTranslations("updates");
  const locale = useLocale();
  return (
    <ol className="relative ms-1.5 border-s-2 border-line">
      {updates.map((u) => (
        <li key={u.id} className="relative pb-8 ps-6 last:pb-2">
          <span
            aria-hidden="true"
            className={`absolute -start-[9px] top-1.5 h-4 w-4 rounded-full border-2 border-paper ${u.kind === "outcome" ? "bg-good" : "bg-ink"}`}
          />
          <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-[0.9375rem]">
            <time dateTime={u.happenedOn} className="font-semibold">
              {formatDay(u.happenedOn, locale)}
            </time>
            <span className={u.kind === "outcome" ? "font-semibold text-good" : "text-ink-soft"}>
              {t(`kind.${u.kind}`)}
            </span>
          </p>
          <h3 className="mt-1 text-xl" lang={contentLanguage} dir="auto">
            {u.title}
          </h3>
          {u.statusLabel && (
            <p className="mt-1 text-[0.9375rem]">
              {t.rich("statusChanged", { status: u.statusLabel, strong })}
            </p>
          )}
          <RichText className="mt-2" lang={contentLanguage}>
            {u.body}
          </RichText>
        </li>
      ))}
      {issuedOn && (
        <li className="relative ps-6">
          <span aria-hidden="true" className="absolute -start-[9px] top-1.5 h-4 w-4 rounded-full border-2 border-ink bg-paper" />
          <p className="text-[0.9375rem]">
            <time dateTime={issuedOn} className="font-semibold">
              {formatDay(issuedOn, locale)}
            </time>
          </p>
          <p className="text-ink-soft">{t("issued")}</p>
        </li>
      )}
    </ol>
  );
}
