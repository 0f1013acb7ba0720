// Results of the publishing workflow's commands: a code for tests and callers, and words safe to show staff.
import type { CaseState } from "@/db/schema";

export type WorkflowRefusal = {
  ok: false;
  code: "forbidden" | "not_found" | "wrong_state" | "not_ready" | "invalid" | "changed";
  message: string;
  /** per field, for the forms that have fields (close, schedule) */
  errors?: Partial<Record<string, string[]>>;
};

export type WorkflowResult<T = object> = ({ ok: true; slug: string } & T) | WorkflowRefusal;

export const refuse = (code: WorkflowRefusal["code"], message: string, errors?: WorkflowRefusal["errors"]): WorkflowRefusal => ({
  ok: false,
  code,
  message,
  ...(errors ? { errors } : {}),
});

export const NOT_FOUND = refuse("not_found", "This case does not exist, or you may not see it.");
export const ADMINS_ONLY = refuse("forbidden", "Only an admin can do this. Ask an admin to review the case.");

export function wrongState(state: CaseState, doing: string): WorkflowRefusal {
  const words: Record<CaseState, string> = { draft: "a draft", in_review: "in review", published: "published", closed: "closed" };
  return refuse("wrong_state", `This case is ${words[state]}, so it cannot be ${doing}. Reload the page to see its current state.`);
}
