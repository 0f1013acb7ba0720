export type TargetView = {
  id: string;
  role: "primary" | "copy";
  title: string;
  name: string | null;
  office: string | null;
  postalAddress: string;
  countryName: string;
  email: string | null;
  fax: string | null;
};

function channel(t: TargetView): string {
  if (t.email) return "Sent by email";
  if (t.fax) return "Faxed by Vigil";
  return "Printed and posted by Vigil";
}

function Target({ t }: { t: TargetView }) {
  return (
    <li className="rounded-md border border-line bg-surface p-4">
      <p className="font-semibold leading-snug">{t.name ? `${t.name}, ${t.title}` : t.title}</p>
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
        <dd>{channel(t)}</dd>
      </dl>
    </li>
  );
}

/** The officials an appeal is addressed to, and who gets a copy. */
export function TargetList({ targets }: { targets: TargetView[] }) {
  const primary = targets.filter((t) => t.role === "primary");
  const copies = targets.filter((t) => t.role === "copy");
  return (
    <div className="space-y-6">
      {primary.length > 0 && (
        <div>
          <h3 className="text-lg">Addressed to</h3>
          <ul className="mt-2 grid max-w-2xl gap-3">
            {primary.map((t) => (
              <Target key={t.id} t={t} />
            ))}
          </ul>
        </div>
      )}
      {copies.length > 0 && (
        <div>
          <h3 className="text-lg">Copies to</h3>
          <ul className="mt-2 grid max-w-2xl gap-3">
            {copies.map((t) => (
              <Target key={t.id} t={t} />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
