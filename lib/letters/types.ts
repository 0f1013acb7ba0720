// Row types come from the drizzle schema; type-only, so importable anywhere.
import type { letterTemplates } from "@/db/schema";

/** One model letter of a case in one language, as stored. */
export type LetterTemplateRow = typeof letterTemplates.$inferSelect;
