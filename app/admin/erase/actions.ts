"use server";

import { defineAction, formText } from "@/lib/actions/define-action";
import { requireAdmin, type CurrentUser } from "@/lib/auth/guards";
import { eraseSupporter } from "@/lib/erasure/erase-supporter";
import { EraseRequestSchema, type EraseRequestFormState } from "@/lib/erasure/schemas";
import { fieldErrors, formError } from "@/lib/forms/form-state";

/** An admin erases a supporter by address (a request by letter or phone): the same erasure as the mailed link,
 * audited with counts only. */
export const eraseSupporterAction = defineAction<[], { email: string }, EraseRequestFormState, CurrentUser>({
  name: "eraseSupporterAction",
  read: (formData) => ({ email: formText(formData, "email") }),
  guard: requireAdmin,
  refused: ({ values, message }) => formError(values, message),
  failed: ({ values }) => formError(values, "Something went wrong and nothing was erased. Please try again."),
  async work({ values, user: admin }) {
    const parsed = EraseRequestSchema.safeParse(values);
    if (!parsed.success) return fieldErrors(values, parsed.error);
    const c = eraseSupporter({ email: parsed.data.email, actorUserId: admin.id });
    const found = c.signaturesErased + c.pendingDeleted;
    // the address is not repeated back: the form is emptied, and the page may be left open
    const done =
      found === 0
        ? `No appeal was signed with that address. Any email kept for it was emptied (${c.messagesEmptied} in the outbox, ${c.mailboxDeleted} in the mailbox).`
        : `Erased: ${c.signaturesErased} confirmed appeal(s) kept as anonymous counts, ${c.pendingDeleted} unconfirmed deleted, ${c.lettersCancelled} unsent letter(s) cancelled, ${c.lettersEmptied} letter text(s) and ${c.messagesEmptied} email(s) emptied.`;
    return { values: {}, done };
  },
});
