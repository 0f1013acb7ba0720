import Link from "next/link";
import { CaseStateBadge, type CaseStateKey } from "./case-state-badge";

export type CaseTab = "details" | "targets" | "letter" | "updates" | "stats" | "print" | "digests" | "review" | "changes";

/** The top of every page about one case: who, where it is in the workflow, the preview, and the tabs. */
export function CaseHeader({
  caseId,
  slug,
  personName,
  reference,
  state,
  scheduled,
  current,
  canExport = false,
  pendingChanges = 0,
}: {
  caseId: string;
  slug: string;
  personName: string;
  reference: string;
  state: CaseStateKey;
  scheduled: boolean;
  current: CaseTab;
  /** admins only: the CSV of confirmed signatures (a button posting to the export route) */
  canExport?: boolean;
  /** changes to this live case waiting for an admin (lib/revisions) */
  pendingChanges?: number;
}) {
  const base = `/admin/cases/${caseId}`;
  const tabs: { key: CaseTab; href: string; label: string }[] = [
    { key: "details", href: base, label: "Details" },
    { key: "targets", href: `${base}/targets`, label: "Targets" },
    { key: "letter", href: `${base}/letter`, label: "Letter" },
    { key: "updates", href: `${base}/updates`, label: "Updates" },
    { key: "stats", href: `${base}/stats`, label: "Signatures" },
    { key: "print", href: `${base}/print`, label: "Print run" },
    { key: "digests", href: `${base}/digests`, label: "Digests" },
    { key: "review", href: `${base}/review`, label: "Review & publish" },
    { key: "changes", href: `${base}/changes`, label: pendingChanges > 0 ? `Changes (${pendingChanges} waiting)` : "Changes" },
  ];
  const isPublic = state === "published" || state === "closed";
  return (
    <header>
      <nav aria-label="Breadcrumb" className="text-[0.9375rem]">
        <ol className="flex flex-wrap items-center gap-x-2 text-ink-soft">
          <li>
            <Link href="/admin/cases">Cases</Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" className="text-ink" dir="auto">
            {personName}
          </li>
        </ol>
      </nav>
      <div className="mt-3 flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[0.9375rem] text-ink-soft">
            <CaseStateBadge state={state} scheduled={scheduled} />
            <span>{reference}</span>
          </p>
          <h1 className="mt-1 text-3xl [overflow-wrap:anywhere] sm:text-4xl" dir="auto">
            {personName}
          </h1>
        </div>
        {/* a plain link, not <Link>: a prefetch must not run the route that turns preview mode on */}
        <a href={isPublic ? `/cases/${slug}` : `${base}/preview`} className="btn btn-secondary min-h-0 px-3 py-1.5 text-[0.9375rem]">
          {isPublic ? "View public page" : "Preview as supporters see it"}
        </a>
      </div>
      <nav aria-label={`Case of ${personName}`} className="mt-5 border-b border-line">
        <ul className="flex flex-wrap items-end gap-x-5 gap-y-1 font-semibold sm:gap-x-6">
          {tabs.map((t) => (
            <li key={t.key}>
              <Link
                href={t.href}
                aria-current={current === t.key ? "page" : undefined}
                className={`-mb-px inline-block border-b-4 pb-2 no-underline ${current === t.key ? "border-ink" : "border-transparent hover:border-line-strong"}`}
              >
                {t.label}
              </Link>
            </li>
          ))}
          {canExport && (
            <li>
              {/* a POST, not a link: taking the signatures is written to the audit log (the route refuses a GET);
                  the answer is a download, so the page stays as it is */}
              <form method="post" action={`${base}/export`}>
                <button type="submit" className="-mb-px inline-block cursor-pointer border-b-4 border-transparent pb-2 font-semibold hover:border-line-strong">
                  Export CSV
                </button>
              </form>
            </li>
          )}
        </ul>
      </nav>
    </header>
  );
}
