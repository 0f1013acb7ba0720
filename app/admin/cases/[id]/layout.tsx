import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireCampaigner } from "@/lib/auth/guards";
import { getCaseForEditor } from "@/lib/cases/admin-queries";
import { guardPage } from "../../_lib/page-guard";

export const dynamic = "force-dynamic";

// Every page under a case 404s alike for an unknown id or a user who may not see it. The frame (AdminShell and
// CaseHeader with the tabs) is drawn by each page, which also runs its own guard: a layout protects nothing.
export default async function CaseLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const user = await guardPage(requireCampaigner);
  const { id } = await params;
  if (!getCaseForEditor({ id, user })) notFound();
  return children;
}
