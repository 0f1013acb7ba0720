import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { SIGN_IN_BROWSER_COOKIE, openedInAskingBrowser } from "@/lib/auth/sign-in-browser";

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
  // the link works only in the browser that asked for it (lib/auth/sign-in-browser.ts): elsewhere, no button
  const cookie = (await cookies()).get(SIGN_IN_BROWSER_COOKIE)?.value;
  const here = usable && openedInAskingBrowser({ cookie, params: new URLSearchParams(fields.map(([n, v]) => [n, v])) });
  // shown before the button, so nobody presses it for an account that is not theirs
  const email = fields.find(([name]) => name === "email")?.[1];

  return (
    <div className="container-page max-w-xl py-12 sm:py-16">
      <p className="eyebrow">Campaign workspace</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">Sign in to Vigil</h1>
      <div className="mt-6 space-y-5 text-lg leading-relaxed">
        {usable && !here ? (
          <>
            <p className="rounded-md border-2 border-danger bg-danger-bg p-4 font-semibold text-danger" role="alert">
              Open this link in the browser where you asked for it.
            </p>
            <p>
              A sign-in link works only in the browser that asked for it, so that nobody can sign you in to an
              account that is not yours by sending you their link. If you asked in another browser or on another
              device, open the link there, or ask for a new link in this one.
            </p>
            <p>
              <Link href="/admin/sign-in" className="btn btn-primary">
                Ask for a new link here
              </Link>
            </p>
          </>
        ) : usable ? (
          <>
            {email && (
              <p>
                Signing in as <strong className="[overflow-wrap:anywhere]">{email}</strong>
              </p>
            )}
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
