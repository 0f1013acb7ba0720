import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrors, withErrors } from "./form-state";

describe("form state", () => {
  it("returns every field's errors, not just the first, and the whole form's apart", () => {
    const schema = z.object({ email: z.string().min(3, "Too short").email("Not an email"), role: z.enum(["admin"], { error: "Choose a role" }) });
    const parsed = schema.safeParse({ email: "a", role: "x" });
    expect(parsed.success).toBe(false);
    const state = fieldErrors({ email: "a", role: "x" }, parsed.error!);
    expect(state.values).toEqual({ email: "a", role: "x" });
    expect(state.fieldErrors?.email).toEqual(["Too short", "Not an email"]);
    expect(state.fieldErrors?.role).toEqual(["Choose a role"]);
    expect(state.formError).toBeUndefined();
  });

  it("takes a parser's form error as the form's", () => {
    expect(withErrors<"title">({ title: "t" }, { form: ["Reload the page."] })).toEqual({ values: { title: "t" }, formError: "Reload the page." });
  });
});
