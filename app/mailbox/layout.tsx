import type { ReactNode } from "react";
import { DocumentShell } from "@/components/document-shell";
// oxlint-disable-next-line import/no-unassigned-import -- the workspace's own classes, after the public ones (app/workspace.css)
import "../workspace.css";

// The demo mailbox shows what was sent in any language, but its own words are English, like the workspace.
export default function MailboxLayout({ children }: { children: ReactNode }) {
  return (
    <DocumentShell locale="en" switcher={false}>
      {children}
    </DocumentShell>
  );
}
