import type { Metadata } from "next";
import type { ReactNode } from "react";
import { DocumentShell } from "@/components/document-shell";
// oxlint-disable-next-line import/no-unassigned-import -- the workspace's own classes, after the public ones (app/workspace.css)
import "../workspace.css";

// Everything under /admin depends on who is asking: never cached, never indexed.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Campaign workspace",
  robots: { index: false, follow: false },
};

// The workspace stays English and unprefixed (docs/decisions/024-languages.md).
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <DocumentShell locale="en" switcher={false}>
      {children}
    </DocumentShell>
  );
}
