import type { Metadata } from "next";
import Link from "next/link";
import { AdminShell } from "@/components/admin/admin-shell";
import { EraseRequestForm } from "@/components/erase-request-form";
import { requireAdmin } from "@/lib/auth/guards";
import { guardPage } from "../_lib/page-guard";
import { signOutAction } from "../actions";
import { eraseSupporterAction } from "./actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Erase a supporter" };

export default async function AdminErasePage() {
  const admin = await guardPage(requireAdmin);
  return (
    <AdminShell user={admin} current="people" signOutAction={signOutAction}>
      <p className="eyebrow">Campaign workspace</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">Erase a supporter</h1>
      <div className="mt-4 max-w-2xl space-y-3 text-lg leading-relaxed text-ink-soft">
        <p>
          For a supporter who asks by letter or phone. Supporters can do this themselves at{" "}
          <Link href="/erase">/erase</Link>, by a link mailed to their address.
        </p>
        <p>
          Their name, address and messages go from every case; their confirmed appeals stay counted without them;
          letters not yet sent are cancelled. The audit log records that you did it and how many rows changed, never
          the address. It cannot be undone.
        </p>
      </div>
      <section className="mt-8 max-w-xl rounded-md border border-line bg-surface p-5 sm:p-6">
        <EraseRequestForm
          action={eraseSupporterAction}
          label="The supporter's email address"
          hint="Every spelling that signs as the same person is found (as when they sign)."
          submitLabel="Erase this supporter"
          pendingLabel="Erasing…"
        />
      </section>
    </AdminShell>
  );
}
