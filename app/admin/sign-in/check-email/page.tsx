import type { Metadata } from "next";
import Link from "next/link";
import { SIGN_IN_LINK_MINUTES } from "@/lib/auth/send-sign-in-link";
import { canOpenMailbox } from "@/lib/mailbox/queries";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Check your email" };

// The same page for every address, invited or not: it must not tell anyone who has an account.
export default async function CheckEmailPage() {
  return (
    <div className="container-page max-w-xl py-12 sm:py-16">
      <p className="eyebrow">Campaign workspace</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">Check your email</h1>
      <div className="mt-6 space-y-4 text-lg leading-relaxed">
        <p>
          If that address is invited to this workspace, a sign-in link is on its way to it. Open the link on this
          device; it works once, for {SIGN_IN_LINK_MINUTES} minutes.
        </p>
        <p className="text-[0.9375rem] text-ink-soft">
          Nothing after a few minutes? Look in your spam folder, check the address you typed, or ask an admin
          whether you have been invited.
        </p>
        {(await canOpenMailbox()) && (
          <p className="rounded-md border-2 border-ink bg-accent-soft p-4 text-[0.9375rem]">
            <strong>No SMTP server is configured</strong>, so mail is kept in the{" "}
            <Link href="/mailbox">built-in mailbox</Link>.
          </p>
        )}
        <p>
          <Link href="/admin/sign-in" className="btn btn-secondary">
            Use a different address
          </Link>
        </p>
      </div>
    </div>
  );
}
