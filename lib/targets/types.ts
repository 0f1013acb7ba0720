// Row types come from the drizzle schema, so a new column reaches every reader without a list re-typed by hand.
// Type-only: importable from client components and emails without pulling in the schema at run time.
import type { targets } from "@/db/schema";

/** One official of a case, as stored. Pick the fields a caller needs: `Pick<Target, "title" | "name">`. */
export type Target = typeof targets.$inferSelect;
