// The print run forms' contract: what "Mark as posted" accepts, and the form state both forms answer with.
import { z } from "zod";
import type { FormState } from "../forms/form-state";

export const MARK_POSTED_FIELDS = ["postedOn"] as const;
export type MarkPostedField = (typeof MARK_POSTED_FIELDS)[number];
export type MarkPostedFormState = FormState<MarkPostedField>;
export type CreatePrintRunFormState = FormState<never>;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day as 'YYYY-MM-DD' (2026-02-30 is refused, not rolled over to March). */
export const PostedOnSchema = z
  .string()
  .trim()
  .min(1, "Enter the day the letters went into the post.")
  .regex(ISO_DAY, "Enter the day as YYYY-MM-DD, for example 2026-12-01.")
  .refine((day) => new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day, "That day does not exist.");
