import type { Metadata } from "next";
import Link from "next/link";
import { EraseRequestForm } from "@/components/erase-request-form";
import { ERASURE_LINK_TTL_HOURS } from "@/lib/erasure/schemas";
import { requestErasureAction } from "./actions";

export const metadata: Metadata = {
  title: "Erase your details",
  description: "Have your name, email address and message removed from every appeal you signed.",
};

export default function ErasePage() {
  return (
    <div className="container-page max-w-2xl py-12 sm:py-16">
      <p className="eyebrow">Your privacy</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">Erase your details</h1>
      <p className="mt-5 text-lg leading-relaxed">
        Enter the email address you signed with. We email it a link that works once, for {ERASURE_LINK_TTL_HOURS}{" "}
        hours. The link shows what we hold and asks you to confirm; nothing is erased until you do.
      </p>
      <div className="mt-8 rounded-md border border-line bg-surface p-5 sm:p-6">
        <EraseRequestForm
          action={requestErasureAction}
          label="The email address you signed with"
          hint="We send the link to this address only, so only its owner can erase it."
          submitLabel="Email me the link"
          pendingLabel="Sending…"
        />
      </div>
      <p className="mt-8 text-[0.9375rem] text-ink-soft">
        What erasing does, and what we delete anyway after a while, is explained under{" "}
        <Link href="/about#privacy">Your privacy</Link>.
      </p>
    </div>
  );
}
