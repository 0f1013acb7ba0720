import type { ReactNode } from "react";

/** A single-message page (confirm, unsubscribe): a small label, the one heading, then what to do. */
export function MessagePanel({ eyebrow, title, children }: { eyebrow: string; title: ReactNode; children: ReactNode }) {
  return (
    <div className="container-page max-w-2xl py-12 sm:py-16">
      <p className="eyebrow">{eyebrow}</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">{title}</h1>
      <div className="mt-6 space-y-5 text-lg leading-relaxed">{children}</div>
    </div>
  );
}
