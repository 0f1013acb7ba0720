import { countryName } from "@/lib/countries";
import { CHANNEL_LABELS, channelFor, type ChannelConfig } from "@/lib/targets/channel";
import { officialName } from "@/lib/targets/naming";
import type { Target } from "@/lib/targets/types";

export type TargetView = Pick<Target, "id" | "role" | "title" | "name" | "office" | "postalAddress" | "email" | "fax" | "routing"> &
  Partial<Pick<Target, "missionOf">> & {
    countryName: string;
  };

/** A routed copy has no address of its own: it goes to the mission of `missionOf` in the supporter's country. */
function RoutedCopy({ missionOf }: { missionOf: string }) {
  const state = countryName(missionOf);
  return (
    <li className="rounded-md border border-line bg-surface p-4">
      <p className="font-semibold leading-snug">A copy to the embassy of {state} in your country</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-[0.9375rem]">
        <dt className="text-ink-soft">Your letter</dt>
        <dd>
          Sent by Vigil to the embassy of {state} (or its consulate) in the country you sign from: by email where it
          has an address, otherwise printed and posted. Where it has no mission, no copy is sent.
        </dd>
      </dl>
    </li>
  );
}

function Target({ t, channelConfig }: { t: TargetView; channelConfig: ChannelConfig }) {
  if (t.routing === "mission" && t.missionOf) return <RoutedCopy missionOf={t.missionOf} />;
  return (
    <li className="rounded-md border border-line bg-surface p-4">
      <p className="font-semibold leading-snug">{officialName(t)}</p>
      {t.office && <p className="text-ink-soft">{t.office}</p>}
      <address className="mt-2 whitespace-pre-line not-italic leading-snug">{t.postalAddress}</address>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-[0.9375rem]">
        {t.email && (
          <>
            <dt className="text-ink-soft">Email</dt>
            <dd className="break-all">{t.email}</dd>
          </>
        )}
        {t.fax && (
          <>
            <dt className="text-ink-soft">Fax</dt>
            <dd>{t.fax}</dd>
          </>
        )}
        <dt className="text-ink-soft">Your letter</dt>
        <dd>
          {t.routing === "mission"
            ? "Sent by Vigil to the mission in your country, by email or post, where there is one"
            : CHANNEL_LABELS[channelFor(t, channelConfig)]}
        </dd>
      </dl>
    </li>
  );
}

/** The officials an appeal is addressed to, and who gets a copy. `channelConfig` comes from the server
 * (getChannelConfig), so the words say what this installation really does with each letter. */
export function TargetList({ targets, channelConfig }: { targets: TargetView[]; channelConfig: ChannelConfig }) {
  const primary = targets.filter((t) => t.role === "primary");
  const copies = targets.filter((t) => t.role === "copy");
  return (
    <div className="space-y-6">
      {primary.length > 0 && (
        <div>
          <h3 className="text-lg">Addressed to</h3>
          <ul className="mt-2 grid max-w-2xl gap-3">
            {primary.map((t) => (
              <Target key={t.id} t={t} channelConfig={channelConfig} />
            ))}
          </ul>
        </div>
      )}
      {copies.length > 0 && (
        <div>
          <h3 className="text-lg">Copies to</h3>
          <ul className="mt-2 grid max-w-2xl gap-3">
            {copies.map((t) => (
              <Target key={t.id} t={t} channelConfig={channelConfig} />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
