import type { Metadata } from "next";
import Link from "next/link";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign-in problem" };

// Auth.js sends ?error=<type>. Only the types a person can meet here get their own words; the rest share one.
const MESSAGES: Record<string, { title: string; body: string }> = {
  Verification: {
    title: "This sign-in link no longer works",
    body: "Sign-in links work once, and only for a short time. It may have been used already (some mail programs open links to check them), it has expired, or an admin has withdrawn this account's access. Ask for a new one.",
  },
  OtherBrowser: {
    title: "Open this link in the browser where you asked for it",
    body: "A sign-in link works only in the browser that asked for it, so that nobody can sign you in to an account that is not yours by sending you their link. Open it in that browser, or ask for a new link in this one.",
  },
  AccessDenied: {
    title: "This address cannot sign in",
    body: "Only people an admin has invited can sign in, and an admin may have ended this account's access. Ask an admin of this workspace.",
  },
};

const FALLBACK = {
  title: "Sign-in did not work",
  body: "Something went wrong on our side while signing you in. Please try again in a moment; if it keeps happening, tell an admin.",
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const { error } = await searchParams;
  const message = (typeof error === "string" && Object.hasOwn(MESSAGES, error) ? MESSAGES[error] : undefined) ?? FALLBACK;
  return (
    <div className="container-page max-w-xl py-12 sm:py-16">
      <p className="eyebrow">Campaign workspace</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">{message.title}</h1>
      <p className="mt-6 text-lg leading-relaxed">{message.body}</p>
      <p className="mt-8">
        <Link href="/admin/sign-in" className="btn btn-primary">
          Back to sign in
        </Link>
      </p>
    </div>
  );
}
