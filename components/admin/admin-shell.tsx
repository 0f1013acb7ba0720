import Link from "next/link";
import { Fragment, type ReactNode } from "react";

export type AdminShellUser = { email: string; role: "admin" | "campaigner" };

export const ROLE_LABELS: Record<AdminShellUser["role"], string> = { admin: "Admin", campaigner: "Campaigner" };

/** An address that wraps after "@" and dots rather than mid-word on a narrow screen. */
export function EmailAddress({ value }: { value: string }) {
  const parts = value.split(/(?<=[@.])/);
  return (
    <span className="[overflow-wrap:anywhere]">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}

/** The frame of every signed-in page: who you are, where you can go, and the way out. */
export function AdminShell({
  user,
  current,
  signOutAction,
  children,
}: {
  user: AdminShellUser;
  current: "dashboard" | "cases" | "print" | "bounces" | "people";
  signOutAction: (formData: FormData) => Promise<void>;
  children: ReactNode;
}) {
  const links = [
    { key: "dashboard", href: "/admin", label: "Dashboard" },
    { key: "cases", href: "/admin/cases", label: "Cases" },
    { key: "print", href: "/admin/print", label: "Print runs" },
    ...(user.role === "admin"
      ? [
          { key: "bounces", href: "/admin/bounces", label: "Bounces" },
          { key: "people", href: "/admin/people", label: "People" },
        ]
      : []),
  ];
  return (
    <>
      <div className="border-b border-line bg-paper-deep">
        <div className="container-page flex flex-wrap items-center justify-between gap-x-6 gap-y-3 py-3">
          <nav aria-label="Campaign workspace">
            <ul className="flex flex-wrap items-center gap-x-5 gap-y-1 font-semibold">
              {links.map((l) => (
                <li key={l.key}>
                  <Link
                    href={l.href}
                    aria-current={current === l.key ? "page" : undefined}
                    className={current === l.key ? "underline decoration-2 underline-offset-4" : "no-underline hover:underline"}
                  >
                    {l.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-2 text-[0.9375rem]">
            <p className="min-w-0">
              Signed in as{" "}
              <strong>
                <EmailAddress value={user.email} />
              </strong>{" "}
              <span className="ms-1 inline-block rounded-sm border border-ink px-1.5 text-[0.8125rem] font-bold uppercase tracking-wide">
                {ROLE_LABELS[user.role]}
              </span>
            </p>
            <form action={signOutAction}>
              <button type="submit" className="btn btn-secondary min-h-0 px-3 py-1 text-[0.9375rem]">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </div>
      <div className="container-page py-10">{children}</div>
    </>
  );
}
