import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
// oxlint-disable-next-line import/no-unassigned-import -- the stylesheet is imported for its side effect
import "./globals.css";

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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="flex-1">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
