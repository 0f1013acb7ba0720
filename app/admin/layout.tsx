import type { Metadata } from "next";
import type { ReactNode } from "react";

// Everything under /admin depends on who is asking: never cached, never indexed.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Campaign workspace",
  robots: { index: false, follow: false },
  // Without JavaScript a form is a plain POST, and under the site-wide no-referrer policy the browser sends
  // "Origin: null", which Next refuses for server actions. same-origin sends our own origin to us only.
  referrer: "same-origin",
};

export default function AdminLayout({ children }: { children: ReactNode }) {
  return children;
}
