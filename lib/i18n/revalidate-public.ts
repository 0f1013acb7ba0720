import { revalidatePath } from "next/cache";
import { LOCALES, localePath } from "./locales";

/** Drops a public page's cached copy in every language: "/cases/x" is cached as /en/cases/x, /fr/cases/x... */
export function revalidatePublicPath(path: string): void {
  for (const locale of LOCALES) revalidatePath(localePath(locale, path));
}
