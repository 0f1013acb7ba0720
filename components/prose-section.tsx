import type { ReactNode } from "react";

/** A titled section of a long-form page (about, accessibility): a rule above, an h2, then prose. */
export function ProseSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} id={id} className="border-t border-line pt-8">
      <h2 id={`${id}-heading`} className="text-3xl">
        {title}
      </h2>
      <div className="prose-vigil mt-4">{children}</div>
    </section>
  );
}
