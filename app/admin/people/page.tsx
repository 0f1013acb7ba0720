import type { Metadata } from "next";
import Link from "next/link";
import { AdminShell, EmailAddress, ROLE_LABELS } from "@/components/admin/admin-shell";
import { EndSessionsForm } from "@/components/admin/end-sessions-form";
import { InviteForm } from "@/components/admin/invite-form";
import { UserAccessForm } from "@/components/admin/user-access-form";
import { formatDateTime, plural } from "@/components/format";
import { listUsers } from "@/lib/auth/commands/list-users";
import { requireAdmin } from "@/lib/auth/guards";
import { guardPage } from "../_lib/page-guard";
import { signOutAction } from "../actions";
import { endSessionsAction, inviteUserAction, userAccessAction } from "./actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const admin = await guardPage(requireAdmin);
  const people = listUsers();
  return (
    <AdminShell user={admin} current="people" signOutAction={signOutAction}>
      <p className="eyebrow">Campaign workspace</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">People</h1>
      <p className="mt-4 max-w-2xl text-lg leading-relaxed text-ink-soft">
        Only the people listed here can sign in. Admins named in the server’s ADMIN_EMAILS setting are added the
        first time they sign in.
      </p>
      <p className="mt-2 max-w-2xl text-ink-soft">
        A supporter asking to be forgotten: <Link href="/admin/erase">erase a supporter by address</Link>.
      </p>
      <div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,1fr)_24rem] lg:items-start">
        <section aria-labelledby="people-heading">
          <h2 id="people-heading" className="text-2xl">
            {plural(people.length, "person", "people")}
          </h2>
          <ul className="mt-4 divide-y divide-line overflow-hidden rounded-md border border-line bg-surface">
            {people.map((p) => (
              <li key={p.id} className="grid gap-x-6 gap-y-3 px-4 py-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-start">
                <div className="min-w-0">
                  <p className="font-semibold">
                    <EmailAddress value={p.email} />
                    {p.id === admin.id && <span className="font-normal text-ink-soft"> (you)</span>}
                  </p>
                  <p className="mt-1 text-[0.9375rem] text-ink-soft">
                    <span className="inline-block rounded-sm border border-ink px-1.5 text-[0.8125rem] font-bold uppercase tracking-wide text-ink">
                      {ROLE_LABELS[p.role]}
                    </span>
                    {p.disabledAt && <span className="ms-2 font-semibold text-danger">Disabled since {formatDateTime(p.disabledAt)}</span>}
                    <span className="ms-2">
                      {p.lastSignInAt ? `Last signed in ${formatDateTime(p.lastSignInAt)}` : "Never signed in"}
                      {" · "}
                      {plural(p.activeSessions, "active session", "active sessions")}
                    </span>
                  </p>
                </div>
                <div className="flex flex-col items-start gap-2 sm:items-end">
                  <EndSessionsForm action={endSessionsAction} userId={p.id} email={p.email} activeSessions={p.activeSessions} />
                  {p.id !== admin.id && <UserAccessForm action={userAccessAction} userId={p.id} email={p.email} disabled={p.disabled} />}
                </div>
              </li>
            ))}
          </ul>
        </section>
        <section className="rounded-md border border-line bg-surface p-5 sm:p-6">
          <InviteForm action={inviteUserAction} />
        </section>
      </div>
    </AdminShell>
  );
}
