// A supporter's whole journey in one call, for integration tests: sign through the form's parser and command,
// then confirm with the token from the queued confirmation email, as the link would. Vitest only (it loads
// server modules); Playwright drives the real pages instead (e2e/support/journey.ts).
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { parseSignForm } from "@/lib/signatures/schemas";
import { submitSignature } from "@/lib/signatures/submit-signature";

let counter = 0;

/** A fresh supporter address on a reserved domain (RFC 2606), unique in the run. */
export const uniqueSupporterEmail = () => `supporter-${++counter}-${crypto.randomUUID().slice(0, 8)}@supporters.example.net`;

/** Signs `slug` from `country` and confirms; returns what confirmSignature returns and the address signed with.
 * APP_URL must be set (the token is read from the link in the confirmation email). */
export function signAndConfirm({
  slug,
  country = "GB",
  fullName = "Amira Haddad",
  allowReply = false,
}: {
  slug: string;
  country?: string;
  fullName?: string;
  /** ticks "let officials reply to my email address" */
  allowReply?: boolean;
}) {
  const email = uniqueSupporterEmail();
  const fields: [string, string][] = [["fullName", fullName], ["email", email], ["country", country], ["message", ""]];
  if (allowReply) fields.push(["allowReply", "on"]);
  const parsed = parseSignForm(fields);
  if (!parsed.ok) throw new Error(`the test's form was refused: ${JSON.stringify(parsed.errors)}`);
  const submitted = submitSignature({ slug, input: parsed.data, clientAddress: `198.51.100.${counter % 250}-${crypto.randomUUID()}` });
  if (!submitted.ok) throw new Error(`signing was refused: ${JSON.stringify(submitted)}`);
  const confirmation = getDb().select().from(outbox).where(eq(outbox.toAddress, email)).get();
  const appUrl = process.env.APP_URL ?? "";
  const token = new RegExp(`${appUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/en/confirm/([A-Za-z0-9_-]+)`).exec(confirmation?.textBody ?? "")?.[1];
  if (!token) throw new Error("no confirmation link queued");
  return { ...confirmSignature({ token }), email };
}
