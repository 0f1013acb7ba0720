import "server-only";
import { unstable_rethrow } from "next/navigation";
import { refusalMessage, type AccessErrorCode } from "@/lib/auth/errors";
import { checkAccess } from "@/lib/auth/guards";
import { formError } from "@/lib/forms/form-state";
import { logFailure } from "@/lib/logging/log-failure";

/** The words for a failure nobody expected: the cause is in the log (as a code), never on the page. */
export const ACTION_FAILED = "Something went wrong on our side and nothing was saved. Please try again in a moment.";

type Refusal<Values> = { values: Values; message: string; code: AccessErrorCode };
type Failed<Args, Values, Result> = (ctx: { args: Args; values: Values; message: string }) => Result;
type Work<Args, Values, User, Result> = (ctx: { args: Args; values: Values; formData: FormData; user: User }) => Promise<Result>;

/**
 * Every server action, public or staff, is built here so each reads the same: read the form → authorise with the
 * guard named at the definition → do the work. Each action checks the session itself: a page's or layout's check
 * does not protect a POST to the action. A refused caller gets the form back with what they typed and the reason
 * in words (`refused`), never an error page. Public actions have no guard (their credential, a signed token, is
 * checked in the work).
 *
 * `Args` are the values a page binds (`action.bind(null, caseId)`): they arrive from the browser like the form,
 * so the work checks them again. With `form: "plain"` the action is a plain `<form action>` (no previous state)
 * and answers with a redirect.
 *
 * Anything the read, the guard or the work throws, other than Next's own redirect and notFound, is caught here:
 * logged as `[action <name>] failed: <name>/<code>` (lib/logging/log-failure.ts; a database error's message holds
 * the query's values, a supporter's name or letter) and answered with `failed`, by default the form back with
 * what was typed and ACTION_FAILED. A plain form's default is an error with only those words (app/error.tsx).
 */
/** A guard always comes with the words (or the redirect) for its refusal; a public action has neither. */
type Guarded<Values, User, Refused> =
  | { guard: () => Promise<User>; refused: (refusal: Refusal<Values>) => Refused }
  | { guard?: undefined; refused?: undefined };

/** `name` is the action's own name, for the log; `failed` the answer when something throws (see above). */
type Named<Args, Values, Result> = { name: string; failed?: Failed<Args, Values, Result> };

export function defineAction<Args extends unknown[], Values, State extends { formError?: string }, User = null>(
  def: Guarded<Values, User, State> &
    Named<Args, Values, State> & { read: (formData: FormData) => Values; work: Work<Args, Values, User, State>; form?: "state" },
): (...params: [...Args, State, FormData]) => Promise<State>;
export function defineAction<Args extends unknown[], Values, User = null>(
  def: Guarded<Values, User, never> &
    Named<Args, Values, never> & { read: (formData: FormData) => Values; work: Work<Args, Values, User, void>; form: "plain" },
): (...params: [...Args, FormData]) => Promise<void>;
export function defineAction<Args extends unknown[], Values, State, User>(def: {
  name: string;
  guard?: () => Promise<User>;
  read: (formData: FormData) => Values;
  refused?: (refusal: Refusal<Values>) => State;
  work: Work<Args, Values, User, State>;
  failed?: Failed<Args, Values, State>;
  form?: "state" | "plain";
}) {
  return async (...params: unknown[]): Promise<State> => {
    const last = params[params.length - 1];
    const formData = last instanceof FormData ? last : new FormData();
    const args = params.slice(0, params.length - (def.form === "plain" ? 1 : 2)) as Args;
    let values = {} as Values;
    try {
      values = def.read(formData);
      let user = null as User;
      if (def.guard) {
        const access = await checkAccess(def.guard);
        if (!access.ok) {
          return def.refused!({ values, message: refusalMessage(access.code), code: access.code });
        }
        user = access.user;
      }
      return await def.work({ args, values, formData, user });
    } catch (error) {
      // redirect(), notFound() and Next's other control flow are thrown on purpose: they pass through
      unstable_rethrow(error);
      logFailure(`action ${def.name}`, error);
      if (def.failed) return def.failed({ args, values, message: ACTION_FAILED });
      // oxlint-disable-next-line preserve-caught-error -- no cause on purpose: Next logs what an action throws, the cause's message (the query's values) with it
      if (def.form === "plain") throw new Error(ACTION_FAILED);
      return formError(typedText(values), ACTION_FAILED) as State;
    }
  };
}

/** The text fields among what an action read, to give the form back as it was typed. */
function typedText(values: unknown): Record<string, string> {
  if (typeof values !== "object" || values === null) return {};
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** A text field of a form post, "" when absent or a file. */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** The named text fields of a form post, as typed; absent ones are left out. */
export function formTexts<Field extends string>(formData: FormData, names: readonly Field[]): Partial<Record<Field, string>> {
  const values: Partial<Record<Field, string>> = {};
  for (const name of names) {
    const value = formData.get(name);
    if (typeof value === "string") values[name] = value;
  }
  return values;
}

/** No form fields to read (a button with bound values). */
export const readNothing = (): Record<string, never> => ({});
