import type { Metadata } from "next";
import Link from "next/link";
import { MessagePanel } from "@/components/message-panel";

export const metadata: Metadata = { title: "Your details are erased", robots: { index: false } };

export default function EraseDonePage() {
  return (
    <MessagePanel eyebrow="Erased" title="Your details are erased">
      <p>
        Your name, email address and messages are gone from every appeal you signed, letters not yet sent in your
        name are cancelled, and we will send you no more emails. Your appeals stay in the public counts, without you.
      </p>
      <p>
        <Link href="/" className="btn btn-dark">
          See urgent actions
        </Link>
      </p>
    </MessagePanel>
  );
}
