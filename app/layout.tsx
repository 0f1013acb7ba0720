import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = {
  title: { default: "Vigil: urgent actions for people at risk", template: "%s · Vigil" },
  description:
    "Write to the officials who hold the fate of people detained, disappeared or threatened for defending human rights.",
  applicationName: "Vigil",
  formatDetection: { telephone: false, email: false, address: false },
};

export const viewport: Viewport = {
  themeColor: "#16140f",
  colorScheme: "light",
};

// No <html> here: its lang and dir depend on the locale, so app/[locale]/layout.tsx, app/admin/layout.tsx,
// app/mailbox/layout.tsx and app/not-found.tsx each render components/document-shell.tsx.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
