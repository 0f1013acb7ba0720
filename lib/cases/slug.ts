// A case's web address made from the person's name. Pure and isomorphic, like lib/letters/render.ts: the editor
// suggests the address as the name is typed with the same function the server uses when the field is left empty.
// No "server-only". Transliteration by any-ascii: docs/decisions/004-slug-transliteration.md.
import anyAscii from "any-ascii";
import { LIMITS } from "./case-schemas";

/** The shortest address the slug rule accepts (lib/cases/case-schemas.ts). */
export const SLUG_MIN_LENGTH = 3;

// Each Han character is a syllable; any-ascii runs them together in CamelCase ("李翘楚" → "LiQiaoChu").
const HAN_PAIR = /(\p{Script=Han})(?=\p{Script=Han})/gu;

/** Cut to `max` characters at a hyphen where one is near, never leaving a hyphen at either end. */
function cap(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const lastHyphen = cut.lastIndexOf("-");
  const atWord = slug[max] !== "-" && lastHyphen >= max / 2 ? cut.slice(0, lastHyphen) : cut;
  return atWord.replace(/-+$/, "");
}

/**
 * Lower-case ASCII letters, digits and single hyphens, at most `max` characters: "Tashpolat Tiyip" →
 * "tashpolat-tiyip", "Nguyễn Văn Đài" → "nguyen-van-dai", "李翘楚" → "li-qiao-chu". "" when nothing is left.
 */
export function slugify(text: string, max: number = LIMITS.slug): string {
  const ascii = anyAscii(text.normalize("NFC").replace(HAN_PAIR, "$1 ")).toLowerCase();
  // an apostrophe is inside a word (Il'kham, O'Brien), not between two
  const slug = ascii.replace(/['’`]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return cap(slug, max);
}

/** The address suggested for a person's name: always a valid slug, however short or unusual the name. */
export function slugFromName(name: string): string {
  const slug = slugify(name);
  if (slug.length >= SLUG_MIN_LENGTH) return slug;
  return slug ? `case-${slug}` : "case";
}

/** The `n`th candidate for a taken address: "ilham-tohti", "ilham-tohti-2", "ilham-tohti-3"…, within the length cap. */
export function numberedSlug(base: string, n: number): string {
  if (n <= 1) return base;
  const suffix = `-${n}`;
  return `${cap(base, LIMITS.slug - suffix.length)}${suffix}`;
}
