// Row types come from the drizzle schema; type-only, so importable anywhere.
import type { caseUpdates } from "@/db/schema";

/** One update on a case, as stored. */
export type CaseUpdate = typeof caseUpdates.$inferSelect;
