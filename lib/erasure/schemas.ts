// What the /erase form and the admin's erase form may send. Shared by the server and the forms.
import { z } from "zod";
import type { FormState } from "../forms/form-state";
import { emailProblemKey } from "../signatures/schemas";

/** How long an "erase my details" link works. */
export const ERASURE_LINK_TTL_HOURS = 24;

export const EraseRequestSchema = z.object({
  email: z
    .string()
    .transform((s) => s.normalize("NFC").trim())
    .superRefine((value, ctx) => {
      // a message key (lib/i18n/error-key.ts): the public erase form translates it, the admin's shows English
      const problem = emailProblemKey(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
});

export type EraseRequestFormState = FormState<"email">;

/** What an erasure did, in counts only (the audit log keeps these and never the address). */
export type ErasureCounts = {
  /** confirmed signatures kept as anonymous counted rows */
  signaturesErased: number;
  /** pending (unconfirmed) signatures deleted outright: they were never counted */
  pendingDeleted: number;
  /** letters in their name not yet sent: cancelled (email and fax) or removed from the post queue */
  lettersCancelled: number;
  /** letters already delivered, or printed for posting: their text emptied */
  lettersEmptied: number;
  /** emails to them or from their signatures: emptied in the outbox */
  messagesEmptied: number;
  /** built-in mailbox copies deleted */
  mailboxDeleted: number;
};

/** The person's details as the erasure link's page shows them before they confirm: counts only. */
export type ErasurePreview = { confirmed: number; pending: number; unsentLetters: number; following: number };
