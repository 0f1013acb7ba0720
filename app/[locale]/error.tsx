"use client";

import Link from "next/link";

// Never shows the error itself: a message could carry a supporter's details or our internals.
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="container-page max-w-2xl py-16">
      <p className="eyebrow">Something went wrong</p>
      <h1 className="mt-2 text-4xl">Sorry, this page could not be shown</h1>
      <p className="mt-5 text-lg leading-relaxed">
        The problem is on our side, and nothing you did caused it. If you were signing an appeal, it may not have
        been recorded: please try again.
      </p>
      <p className="mt-8 flex flex-wrap gap-3">
        <button type="button" onClick={() => retry()} className="btn btn-primary">
          Try again
        </button>
        <Link href="/" className="btn btn-secondary">
          Go to urgent actions
        </Link>
      </p>
    </div>
  );
}
