import "server-only";
import { and, like, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases } from "@/db/schema";
import { numberedSlug, slugFromName } from "./slug";

/** The address made from `name` that no other case has: "ilham-tohti", else "ilham-tohti-2", "-3"…. Runs in the
 * caller's write transaction, so the address is still free when the case is written. */
export function uniqueCaseSlug({ db, name, exceptId }: { db: Db; name: string; exceptId?: string }): string {
  const base = slugFromName(name);
  // every candidate starts with the base's first 30 characters (numberedSlug cuts no shorter than half the cap);
  // a slug is only a-z, 0-9 and hyphens, so nothing in it is a LIKE wildcard
  const similar = like(cases.slug, `${base.slice(0, 30)}%`);
  const taken = new Set(
    db
      .select({ slug: cases.slug })
      .from(cases)
      .where(exceptId ? and(similar, ne(cases.id, exceptId)) : similar)
      .all()
      .map((c) => c.slug),
  );
  for (let n = 1; ; n++) {
    const candidate = numberedSlug(base, n);
    if (!taken.has(candidate)) return candidate;
  }
}
