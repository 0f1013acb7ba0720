// What a campaigner may send when posting an update. Shared by the server (which decides) and the form (which
// shows the same limits). Only the named fields are read: anything else a request carries is never applied.
import { z } from "zod";
import { RISK_STATUSES, UPDATE_KINDS } from "@/db/schema";
import { zodErrors, type FormState } from "../forms/form-state";
import { breaksLine, hasHiddenControls } from "../forms/text-rules";

export const UPDATE_TITLE_MAX = 150;
export const UPDATE_BODY_MAX = 5000;
/** The earliest day an update may be dated: older than this is a typo (a year of 0225, say), not history. */
export const UPDATE_EARLIEST_DAY = "1950-01-01";

export const UPDATE_FIELDS = ["kind", "title", "body", "happenedOn", "riskStatus"] as const;
export type UpdateField = (typeof UPDATE_FIELDS)[number];

const codePoints = (s: string) => [...s].length;
const text = (s: unknown) => (typeof s === "string" ? s.normalize("NFC") : s);

/** The last calendar day that has begun anywhere on Earth (UTC+14): a campaigner in Samoa may date an update
 * "today" while it is still yesterday in UTC. */
export function latestAllowedDay(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

/** A real 'YYYY-MM-DD' calendar day (no 31 February). */
export function isRealDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function postUpdateSchema(now = new Date()) {
  return z.object({
    kind: z.enum(UPDATE_KINDS, { error: "Choose what kind of update this is: further information or an outcome." }),
    title: z.preprocess(
      text,
      z
        .string({ error: "Enter a title." })
        .transform((s) => s.trim())
        .superRefine((s, ctx) => {
          if (s.length === 0) ctx.addIssue({ code: "custom", message: "Enter a title, such as “Released on bail”." });
          else if (breaksLine(s))
            ctx.addIssue({ code: "custom", message: "The title contains a line break or an invisible control character." });
          else if (codePoints(s) > UPDATE_TITLE_MAX)
            ctx.addIssue({ code: "custom", message: `The title can be at most ${UPDATE_TITLE_MAX} characters (it has ${codePoints(s)}).` });
        }),
    ),
    body: z.preprocess(
      text,
      z
        .string({ error: "Write what happened." })
        .transform((s) => s.replace(/\r\n?/g, "\n").trim())
        .superRefine((s, ctx) => {
          if (s.length === 0) ctx.addIssue({ code: "custom", message: "Write what happened." });
          else if (hasHiddenControls(s))
            ctx.addIssue({ code: "custom", message: "The text contains an invisible control character. Please remove it." });
          else if (codePoints(s) > UPDATE_BODY_MAX)
            ctx.addIssue({ code: "custom", message: `The text can be at most ${UPDATE_BODY_MAX.toLocaleString("en-GB")} characters (it has ${codePoints(s).toLocaleString("en-GB")}).` });
        }),
    ),
    happenedOn: z
      .string({ error: "Enter the day it happened." })
      .transform((s) => s.trim())
      .superRefine((s, ctx) => {
        if (s.length === 0) ctx.addIssue({ code: "custom", message: "Enter the day it happened." });
        else if (!isRealDay(s)) ctx.addIssue({ code: "custom", message: "Enter a real date, like 2025-03-14." });
        else if (s > latestAllowedDay(now)) ctx.addIssue({ code: "custom", message: "The date cannot be in the future." });
        else if (s < UPDATE_EARLIEST_DAY) ctx.addIssue({ code: "custom", message: `The date cannot be before ${UPDATE_EARLIEST_DAY}.` });
      }),
    // "" is the form's "leave the status as it is"
    riskStatus: z
      .union([z.literal(""), z.enum(RISK_STATUSES)], { error: "Choose a status from the list, or leave it unchanged." })
      .optional()
      .transform((s) => (s ? s : null)),
  });
}

export type PostUpdateInput = z.infer<ReturnType<typeof postUpdateSchema>>;
export type UpdateFormErrors = Partial<Record<UpdateField | "form", string[]>>;

export type ParsedUpdateForm =
  | { ok: true; data: PostUpdateInput }
  | { ok: false; errors: UpdateFormErrors; values: Partial<Record<UpdateField, string>> };

/** Reads the update form's own fields from `get` (FormData.get or a record) and parses them, returning every
 * field's errors at once and what was typed, so the form can show both. */
export function parseUpdateForm(get: (name: string) => unknown, now = new Date()): ParsedUpdateForm {
  const values: Partial<Record<UpdateField, string>> = {};
  for (const name of UPDATE_FIELDS) {
    const value = get(name);
    if (typeof value === "string") values[name] = value;
  }
  const result = postUpdateSchema(now).safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: zodErrors<UpdateField>(result.error), values };
}

/** The form's state: its fields, and the one-time key of its next submit (a hidden field, lib/updates/post-update). */
export type UpdateFormState = FormState<UpdateField | "formKey">;
