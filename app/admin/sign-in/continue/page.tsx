import type { Metadata } from "next";
import Link from "next/link";

// Where the emailed sign-in link leads. Looking at this page changes nothing: mail scanners that open links find
// a form, and only the person pressing the button spends the single-use token.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign in", robots: { index: false, follow: false } };

const PARAM = /^[A-Za-z0-9_-]{1,40}$/;

export default async function ContinueSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Auth.js's own callback parameters, passed on unchanged; it checks them (and keeps callbackUrl on this site).
  const fields = Object.entries(params).flatMap(([name, value]) =>
    PARAM.test(name) && typeof value === "string" && value.length <= 2000 ? [[name, value] as const] : [],
  );
  const usable = fields.some(([name]) => name === "token");

  return (
    <div className="container-page max-w-xl py-12 sm:py-16">
      <p className="eyebrow">Campaign workspace</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">Sign in to Vigil</h1>
      <div className="mt-6 space-y-5 text-lg leading-relaxed">
        {usable ? (
          <>
            <p>Press the button to finish signing in on this device.</p>
            <form action="/api/auth/callback/email" method="get">
              {fields.map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              <button type="submit" className="btn btn-primary w-full px-8 py-4 text-xl sm:w-auto">
                Sign in
              </button>
            </form>
            <p className="text-[0.9375rem] text-ink-soft">
              This extra step is there because email security scanners open every link in a message, which would
              use up a link that works only once.
            </p>
          </>
        ) : (
          <p>
            This sign-in link is incomplete. <Link href="/admin/sign-in">Ask for a new one</Link>.
          </p>
        )}
      </div>
    </div>
  );
}
