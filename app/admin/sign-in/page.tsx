import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/admin/sign-in-form";
import { getCurrentUser } from "@/lib/auth/guards";
import { requestSignInLink } from "./actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await getCurrentUser()) redirect("/admin");
  return (
    <div className="container-page max-w-xl py-12 sm:py-16">
      <p className="eyebrow">Campaign workspace</p>
      <h1 className="mt-2 text-4xl sm:text-5xl">Sign in</h1>
      <p className="mt-4 text-lg leading-relaxed text-ink-soft">
        For campaigners and admins of this Vigil site. Supporters never need an account.
      </p>
      <div className="mt-8 rounded-md border border-line bg-surface p-5 sm:p-6">
        <SignInForm action={requestSignInLink} />
      </div>
    </div>
  );
}
