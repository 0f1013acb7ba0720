// How an official is named in letters, lists and emails. Pure, for the browser's live preview as for the server.
import type { Target } from "./types";

/** "Wang Xiaohong, Minister of Public Security", or the title alone when the official has no name on record. */
export function officialName(target: Pick<Target, "title" | "name">): string {
  return target.name ? `${target.name}, ${target.title}` : target.title;
}

/** The envelope lines of a letter to this official: the name and title, the office, then the postal address
 * (which carries its own country line). Fixed on the appeal when the supporter confirms. */
export function recipientLines(target: Pick<Target, "title" | "name" | "office" | "postalAddress">): string[] {
  const address = target.postalAddress.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return [officialName(target), ...(target.office ? [target.office] : []), ...address];
}

/** The envelope lines fixed on an appeal (stored joined by "\n"), back as lines: the one reader of that column. */
export function envelopeLines(recipient: string): string[] {
  return recipient
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}
