import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPublicCaseBySlug } from "@/lib/cases/queries";
import { env } from "@/lib/env";
import { canOpenMailbox } from "@/lib/mailbox/queries";

// Reads the same whether or not the address had already signed: the page must not reveal who signed.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

export default async function CheckEmailPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const found = getPublicCaseBySlug({ slug });
  if (!found) notFound();
  const hours = env().CONFIRM_TOKEN_TTL_HOURS;

  return (
    <div className="container-page max-w-2xl py-12 sm:py-16">
      <p className="eyebrow">One more step</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">Check your email</h1>
      <p className="mt-5 text-lg leading-relaxed">
        We have sent you an email with a link to confirm your appeal for{" "}
        <strong dir="auto">{found.personName}</strong>. Your letter goes to the officials only when you open that
        link, and only then is it counted.
      </p>

      {(await canOpenMailbox()) && (
        <div className="mt-6 rounded-md border-2 border-ink bg-accent-soft p-4">
          <p className="font-semibold">This demo has no mail server.</p>
          <p className="mt-1">
            Every email it sends is kept in the built-in mailbox instead.{" "}
            <Link href="/mailbox" className="font-semibold">
              Open the built-in mailbox
            </Link>
          </p>
        </div>
      )}

      <ul className="mt-8 space-y-4 border-t border-line pt-6">
        <li>
          <strong>The link works for {hours} hours.</strong> After that, simply sign again.
        </li>
        <li>
          <strong>Nothing has been sent yet.</strong> No official receives anything, and your name is not shown
          anywhere, until you confirm.
        </li>
        <li>
          <strong>No email after a few minutes?</strong> Look in your spam or promotions folder. If it is not
          there, go back and check the address you typed.
        </li>
      </ul>

      <p className="mt-10">
        <Link href={`/cases/${found.slug}`} className="font-semibold">
          Back to {found.personName}’s page
        </Link>
      </p>
    </div>
  );
}
