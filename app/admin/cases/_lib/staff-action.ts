import "server-only";
import { isAccessError, refusalMessage } from "@/lib/auth/errors";
import type { CurrentUser } from "@/lib/auth/guards";

/**
 * Every case action has this shape: read the form → authorise with the guard named at the definition (each action
 * checks the session itself; the page's check does not protect a POST) → do the work. A refused caller gets the
 * form back with what they typed and the reason, never an error page.
 */
export function staffAction<State, Values>({
  read,
  guard,
  refused,
  work,
}: {
  read: (formData: FormData) => Values;
  guard: () => Promise<CurrentUser>;
  refused: (values: Values, message: string) => State;
  work: (args: { user: CurrentUser; values: Values; formData: FormData }) => Promise<State>;
}): (state: State, formData: FormData) => Promise<State> {
  return async (_state, formData) => {
    const values = read(formData);
    let user: CurrentUser;
    try {
      user = await guard();
    } catch (error) {
      if (isAccessError(error)) return refused(values, refusalMessage(error.code));
      throw error;
    }
    return work({ user, values, formData });
  };
}

/** A text field of a form post, "" when absent or a file. */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}
