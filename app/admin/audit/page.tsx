import type { Metadata } from "next";
import Link from "next/link";
import { AdminShell, EmailAddress } from "@/components/admin/admin-shell";
import { formatDateTime, formatNumber } from "@/components/format";
import { AUDIT_PAGE_SIZE, listAuditEntries, type AuditLogEntry } from "@/lib/audit/queries";
import { requireAdmin } from "@/lib/auth/guards";
import { guardPage } from "../_lib/page-guard";
import { signOutAction } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Audit log" };

// Known actions in words; an action this page does not know yet is shown as recorded.
const ACTION_LABELS: Record<string, string> = {
  "auth.sign_in": "Signed in",
  "user.invite": "Invited",
  "user.disable": "Disabled access",
  "user.enable": "Enabled access",
  "user.role_from_config": "Made admin by ADMIN_EMAILS",
  "user.admin_from_config": "Added as admin by ADMIN_EMAILS",
  "sessions.end": "Ended sessions",
  "update.post": "Posted an update",
  "signatures.export": "Exported signatures",
  "missions.import": "Imported diplomatic missions",
  "email_health.reset": "Reset an official’s email status",
};

function describeDetails(details: AuditLogEntry["details"]): string {
  return Object.entries(details)
    .filter(([key]) => !key.endsWith("Id"))
    .map(([key, value]) => `${key}: ${value === null ? "–" : String(value)}`)
    .join(", ");
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const admin = await guardPage(requireAdmin);
  const { page: pageParam } = await searchParams;
  const requested = Number.parseInt(typeof pageParam === "string" ? pageParam : "1", 10);
  const { entries, page, pageCount, total } = listAuditEntries({ page: Number.isFinite(requested) ? requested : 1 });

  return (
    <AdminShell user={admin} current="dashboard" signOutAction={signOutAction}>
      <p className="eyebrow">Campaign workspace</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">Audit log</h1>
      <p className="mt-3 max-w-2xl text-ink-soft">
        Who did what, and when: newest first, {AUDIT_PAGE_SIZE} to a page. The log names staff and cases only;
        it never holds a supporter’s name, address or message. Times are UTC.
      </p>

      {entries.length === 0 ? (
        <p className="mt-8 text-ink-soft">Nothing has been recorded yet.</p>
      ) : (
        <ol className="mt-8 divide-y divide-line overflow-hidden rounded-md border border-line bg-surface" aria-label={`Audit entries, page ${page} of ${pageCount}`}>
          {entries.map((e) => {
            const details = describeDetails(e.details);
            return (
              <li key={e.id} className="grid gap-x-6 gap-y-1 px-4 py-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
                <time dateTime={e.at.toISOString()} className="text-[0.9375rem] text-ink-soft tabular-nums">
                  {formatDateTime(e.at)}
                </time>
                <div className="min-w-0">
                  <p>
                    <strong>{e.actorEmail ? <EmailAddress value={e.actorEmail} /> : "The system"}</strong>{" "}
                    <span>{(ACTION_LABELS[e.action] ?? e.action).toLowerCase()}</span>
                    {e.subjectType && (
                      <>
                        {" "}
                        <span className="text-ink-soft">·</span>{" "}
                        {e.subjectType === "case" && e.subjectId ? (
                          <Link href={`/admin/cases/${e.subjectId}/stats`}>{e.subjectLabel ?? `case ${e.subjectId}`}</Link>
                        ) : e.subjectLabel ? (
                          <EmailAddress value={e.subjectLabel} />
                        ) : (
                          <span className="text-ink-soft">
                            {e.subjectType} {e.subjectId}
                          </span>
                        )}
                      </>
                    )}
                  </p>
                  <p className="text-[0.875rem] text-ink-soft">
                    <code>{e.action}</code>
                    {details && <> · {details}</>}
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
      )}

      <nav aria-label="Audit log pages" className="mt-6 flex flex-wrap items-center justify-between gap-3">
        <p className="text-ink-soft">
          Page {formatNumber(page)} of {formatNumber(pageCount)} · {formatNumber(total)} entries
        </p>
        <p className="flex gap-3">
          {page > 1 && (
            <Link href={`/admin/audit?page=${page - 1}`} className="btn btn-secondary" rel="prev">
              Newer
            </Link>
          )}
          {page < pageCount && (
            <Link href={`/admin/audit?page=${page + 1}`} className="btn btn-secondary" rel="next">
              Older
            </Link>
          )}
        </p>
      </nav>
    </AdminShell>
  );
}
