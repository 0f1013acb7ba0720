import { useLocale, useTranslations } from "next-intl";
import { countryName } from "@/lib/countries";
import { channelFor, type ChannelConfig } from "@/lib/targets/channel";
import { officialName } from "@/lib/targets/naming";
import type { Target } from "@/lib/targets/types";

export type TargetView = Pick<Target, "id" | "role" | "title" | "name" | "office" | "postalAddress" | "email" | "fax" | "routing"> &
  Partial<Pick<Target, "missionOf">> & {
    countryName: string;
  };

/** A routed copy has no address of its own: it goes to the mission of `missionOf` in the supporter's country. */
function RoutedCopy({ missionOf }: { missionOf: string }) {
  const t = useTranslations("targets");
  const state = countryName(missionOf, useLocale());
  return (
    <li className="rounded-md border border-line bg-surface p-4">
      <p className="font-semibold leading-snug">{t("routedTitle", { state })}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-[0.9375rem]">
        <dt className="text-ink-soft">{t("yourLetter")}</dt>
        <dd>{t("routedBody", { state })}</dd>
      </dl>
    </li>
  );
}

function Target({ t, channelConfig }: { t: TargetView; channelConfig: ChannelConfig }) {
  const tr = useTranslations("targets");
  if (t.routing === "mission" && t.missionOf) return <RoutedCopy missionOf={t.missionOf} />;
  return (
    <li className="rounded-md border border-line bg-surface p-4">
      <p className="font-semibold leading-snug" dir="auto">
        {officialName(t)}
      </p>
      {t.office && (
        <p className="text-ink-soft" dir="auto">
          {t.office}
        </p>
      )}
      <address className="mt-2 whitespace-pre-line not-italic leading-snug" dir="auto">
        {t.postalAddress}
      </address>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-[0.9375rem]">
        {t.email && (
          <>
            <dt className="text-ink-soft">{tr("email")}</dt>
            <dd className="break-all" dir="ltr">
              {t.email}
            </dd>
          </>
        )}
        {t.fax && (
          <>
            <dt className="text-ink-soft">{tr("fax")}</dt>
            <dd dir="ltr">{t.fax}</dd>
          </>
        )}
        <dt className="text-ink-soft">{tr("yourLetter")}</dt>
        <dd>{t.routing === "mission" ? tr("missionBody") : tr(`channel.${channelFor(t, channelConfig)}`)}</dd>
      </dl>
    </li>
  );
}

/** The officials an appeal is addressed to, and who gets a copy. `channelConfig` comes from the server
 * (getChannelConfig), so the words say what this installation really does with each letter. */
export function TargetList({ targets, channelConfig }: { targets: TargetView[]; channelConfig: ChannelConfig }) {
  const primary = targets.filter((target) => target.role === "primary");
  const copies = targets.filter((target) => target.role === "copy");
  const t = useTranslations("targets");
  return (
    <div className="space-y-6">
      {primary.length > 0 && (
        <div>
          <h3 className="text-lg">{t("addressedTo")}</h3>
          <ul className="mt-2 grid max-w-2xl gap-3">
            {primary.map((target) => (
              <Target key={target.id} t={target} channelConfig={channelConfig} />
            ))}
          </ul>
        </div>
      )}
      {copies.length > 0 && (
        <div>
          <h3 className="text-lg">{t("copiesTo")}</h3>
          <ul className="mt-2 grid max-w-2xl gap-3">
            {copies.map((target) => (
              <Target key={target.id} t={target} channelConfig={channelConfig} />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
