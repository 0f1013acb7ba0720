// Row types come from the drizzle schema; type-only, so importable anywhere.
import type { cases } from "@/db/schema";

/** One case, as stored. Shapes for callers Pick from it: `Pick<Case, "id" | "slug">`. */
export type Case = typeof cases.$inferSelect;
