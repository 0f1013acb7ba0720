"use server";

import { revalidatePath } from "next/cache";
import { defineAction, formTexts, readNothing } from "@/lib/actions/define-action";
import { requireCampaigner, type CurrentUser } from "@/lib/auth/guards";
import { formError, withErrors } from "@/lib/forms/form-state";
import { listLetterTemplatesByCase, previewCaseLetters } from "@/lib/letters/queries";
import { LetterTemplateError } from "@/lib/letters/render";
import { saveLetterTemplate } from "@/lib/letters/save-letter-template";
import { LETTER_FIELDS, parseLetterForm, type LetterFormState, type LetterFormValues, type TestLetterState } from "@/lib/letters/schemas";
import { sendTestLetter } from "@/lib/letters/send-test-letter";
import { PROPOSED_MESSAGE } from "@/lib/revisions/describe";
import { getCaseForEditing } from "@/lib/targets/queries";
import { languageChoices, languageName } from "@/lib/targets/schemas";

const ID = /^[A-Za-z0-9-]{1,64}$/;
const GONE = "This case no longer exists. Nothing was saved.";

/**
 * Saves the model letter in one language, or (intent "preview", the no-JavaScript path) hands the typed text
 * back so the page renders its preview. Bound by the page to the URL's case id, which is looked up again; only
 * the form's own fields are read. A letter with an unknown merge field is refused with the field named, and the
 * typed text comes back untouched.
 */
export const saveLetterAction = defineAction<[caseId: string], LetterFormValues, LetterFormState, CurrentUser>({
  name: "saveLetterAction",
  read: (formData) => formTexts(formData, LETTER_FIELDS),
  guard: requireCampaigner,
  refused: ({ values, message }) => formError(values, message),
  async work({ args: [caseId], values, formData, user }) {
    const theCase = typeof caseId === "string" && ID.test(caseId) ? getCaseForEditing({ caseId, user }) : null;
    if (!theCase) return formError(values, GONE);

    const preview = () =>
      previewCaseLetters({ caseId: theCase.id, draft: { language: values.language ?? "", subject: values.subject ?? "", body: values.body ?? "" } });
    if (formData.get("intent") === "preview") return { values, previewed: true, preview: preview() };

    const existing = listLetterTemplatesByCase({ caseId: theCase.id }).map((t) => t.language);
    const parsed = parseLetterForm((name) => formData.get(name), [...languageChoices(theCase.languages), ...existing]);
    if (!parsed.ok) return { ...withErrors(values, parsed.errors), preview: preview() };
    try {
      const saved = saveLetterTemplate({ caseId: theCase.id, input: parsed.data, actorId: user.id });
      if (!saved) return formError(values, GONE);
      if (saved.revisionId) {
        revalidatePath(`/admin/cases/${theCase.id}`, "layout");
        return { values: { language: parsed.data.language, subject: parsed.data.subject, body: parsed.data.body }, done: PROPOSED_MESSAGE };
      }
    } catch (error) {
      if (error instanceof LetterTemplateError) return { values, fieldErrors: { body: [error.message] } };
      throw error;
    }
    revalidatePath(`/admin/cases/${theCase.id}/letter`);
    revalidatePath("/[locale]/cases/[slug]", "page");
    const at = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" }).format(new Date());
    return { values: { language: parsed.data.language, subject: parsed.data.subject, body: parsed.data.body }, done: `Saved the ${languageName(parsed.data.language)} letter at ${at}.` };
  },
});

/** Queues the saved letters, one per target, to the signed-in campaigner's own address, never to an official. */
export const sendTestLetterAction = defineAction<[caseId: string], Record<string, never>, TestLetterState, CurrentUser>({
  name: "sendTestLetterAction",
  read: readNothing,
  guard: requireCampaigner,
  refused: ({ message }) => formError({}, message),
  async work({ args: [caseId], user }) {
    const theCase = typeof caseId === "string" && ID.test(caseId) ? getCaseForEditing({ caseId, user }) : null;
    if (!theCase) return formError({}, "This case no longer exists.");
    const result = sendTestLetter({ caseId: theCase.id, user: { id: user.id, email: user.email } });
    if (result.ok) {
      return { values: {}, done: `Sent ${result.queued === 1 ? "1 test letter" : `${result.queued} test letters`} to ${user.email}. ${result.queued === 1 ? "It arrives" : "They arrive"} within a minute, marked [TEST].` };
    }
    switch (result.reason) {
      case "rate_limited":
        return formError({}, result.message);
      case "no_targets":
        return formError({}, "Add a target first: a test shows the letter as each target will receive it.");
      case "no_template":
        return formError({}, "Save a letter first: the test uses the letter as last saved.");
      case "template_error":
        return formError({}, "A saved letter has an unknown merge field. Fix it and save, then send the test.");
      default:
        return formError({}, "This case no longer exists.");
    }
  },
});
