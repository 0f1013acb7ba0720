import type { Metadata } from "next";
import type { ReactNode } from "react";

// Everything under /admin depends on who is asking: never cached, never indexed.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Campaign workspace",
  robots: { index: false, follow: false },
};

export default function AdminLayout({ children }: { children: ReactNode }) {
  return children;
}
