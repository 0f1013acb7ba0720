"use client";

// The mailbox keeps an error boundary inside its own <html> (app/layout.tsx renders none).
export { default } from "@/app/[locale]/error";
