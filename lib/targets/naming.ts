// How an official is named in letters, lists and emails. Pure, for the browser's live preview as for the server.
import type { Target } from "./types";

/** "Wang Xiaohong, Minister of Public Security", or the title alone when the official has no name on record. */
export function officialName(target: Pick<Target, "title" | "name">): string {
  return target.name ? `${target.name}, ${target.title}` : target.title;
}
