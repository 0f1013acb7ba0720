import Link from "next/link";

export type CaseSubnavKey = "updates" | "stats";

/** Where a signed-in person can go from one case's updates or statistics: the two pages, the export (admins),
 * and the public page. Sits under the case tabs. */
export function CaseSubnav({
  caseId,
  slug,
  personName,
  reference,
  current,
  canExport,
}: {
  caseId: string;
  slug: string;
  personName: string;
  reference: string;
  current: CaseSubnavKey;
  canExport: boolean;
}) {
  const links: { key: CaseSubnavKey | "details"; href: string; label: string }[] = [
    { key: "details", href: `/admin/cases/${caseId}`, label: "Case details" },
    { key: "updates", href: `/admin/cases/${caseId}/updates`, label: "Updates" },
    { key: "stats", href: `/admin/cases/${caseId}/stats`, label: "Statistics" },
  ];
  return (
    <div>
      <nav aria-label="Breadcrumb" className="text-[0.9375rem]">
        <ol className="flex flex-wrap items-center gap-x-2 text-ink-soft">
          <li>
            <Link href="/admin/dashboard">Dashboard</Link>
          </li>
          <li aria-hidden="true">/</li>
          <li className="text-ink">
            <span dir="auto">{personName}</span> <span className="text-ink-soft">({reference})</span>
          </li>
        </ol>
      </nav>
      <nav aria-label={`Case of ${personName}`} className="mt-4 border-b border-line">
        <ul className="flex flex-wrap items-end gap-x-6 gap-y-2 font-semibold">
          {links.map((l) => (
            <li key={l.key}>
              <Link
                href={l.href}
                aria-current={current === l.key ? "page" : undefined}
                className={`-mb-px inline-block border-b-4 pb-2 no-underline ${current === l.key ? "border-ink" : "border-transparent hover:border-line-strong"}`}
              >
                {l.label}
              </Link>
            </li>
          ))}
          {canExport && (
            <li>
              <a href={`/admin/cases/${caseId}/export`} className="-mb-px inline-block border-b-4 border-transparent pb-2 no-underline hover:border-line-strong" download>
                Export CSV
              </a>
            </li>
          )}
          <li>
            <Link href={`/cases/${slug}`} className="-mb-px inline-block border-b-4 border-transparent pb-2 no-underline hover:border-line-strong">
              Public page
            </Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}
