import "server-only";
import { refusalMessage, type AccessErrorCode } from "@/lib/auth/errors";
import { checkAccess } from "@/lib/auth/guards";

type Refusal<Values> = { values: Values; message: string; code: AccessErrorCode };
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
 */
/** A guard always comes with the words (or the redirect) for its refusal; a public action has neither. */
type Guarded<Values, User, Refused> =
  | { guard: () => Promise<User>; refused: (refusal: Refusal<Values>) => Refused }
  | { guard?: undefined; refused?: undefined };

export function defineAction<Args extends unknown[], Values, State, User = null>(
  def: Guarded<Values, User, State> & { read: (formData: FormData) => Values; work: Work<Args, Values, User, State>; form?: "state" },
): (...params: [...Args, State, FormData]) => Promise<State>;
export function defineAction<Args extends unknown[], Values, User = null>(
  def: Guarded<Values, User, never> & { read: (formData: FormData) => Values; work: Work<Args, Values, User, void>; form: "plain" },
): (...params: [...Args, FormData]) => Promise<void>;
export function defineAction<Args extends unknown[], Values, State, User>(def: {
  guard?: () => Promise<User>;
  read: (formData: FormData) => Values;
  refused?: (refusal: Refusal<Values>) => State;
  work: Work<Args, Values, User, State>;
  form?: "state" | "plain";
}) {
  return async (...params: unknown[]): Promise<State> => {
    const last = params[params.length - 1];
    const formData = last instanceof FormData ? last : new FormData();
    const args = params.slice(0, params.length - (def.form === "plain" ? 1 : 2)) as Args;
    const values = def.read(formData);
    let user = null as User;
    if (def.guard) {
      const access = await checkAccess(def.guard);
      if (!access.ok) {
        return def.refused!({ values, message: refusalMessage(access.code), code: access.code });
      }
      user = access.user;
    }
    return def.work({ args, values, formData, user });
  };
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
