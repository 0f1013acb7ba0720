// Letters vary (docs/decisions/021-letter-variants.md): a model letter may hold several subjects (one per line) and
// blocks of alternative paragraphs; each supporter's letter takes one of each, picked from a seed that is the same
// wherever the letter is rendered (sign form preview, stored letter, confirmation), so what they read is what goes.
// Pure and isomorphic: the browser's previews and the server's letters run this same code.
import { normalizeEmail } from "../signatures/sign-checks";

export const VARIANTS_OPEN = "[[variants]]";
export const VARIANTS_CLOSE = "[[/variants]]";
export const VARIANTS_OR = "--- or ---";
/** Versions per block, and subject lines: beyond this a campaigner is writing several letters, not varying one. */
export const MAX_VARIANTS = 8;
/** Blocks per letter: enough to vary every paragraph of a long letter. */
export const MAX_BLOCKS = 12;

/** A body as written: plain text, and blocks of alternatives, in order. */
export type BodyPart = { text: string } | { choices: string[] };

export type ParsedBody = { ok: true; parts: BodyPart[] } | { ok: false; problem: string };

type Marker = "open" | "close" | "or" | null;

function markerOf(line: string): Marker {
  const t = line.trim().toLowerCase();
  if (t === VARIANTS_OPEN) return "open";
  if (t === VARIANTS_CLOSE) return "close";
  if (t === VARIANTS_OR) return "or";
  return null;
}

const trimBlankLines = (lines: string[]) => lines.join("\n").replace(/^(?:[ \t]*\n)+/, "").replace(/(?:\n[ \t]*)+$/, "").trimEnd();

/** Splits a letter body into text and blocks of versions, or says (with its line) what is wrong with a block. */
export function parseBody(body: string): ParsedBody {
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  const parts: BodyPart[] = [];
  let text: string[] = [];
  let block: { openedAt: number; choices: string[][] } | null = null;
  let blocks = 0;
  for (const [index, line] of lines.entries()) {
    const n = index + 1;
    const marker = markerOf(line);
    if (marker === "open") {
      if (block) return { ok: false, problem: `Line ${n}: a ${VARIANTS_OPEN} block cannot start inside another one (opened on line ${block.openedAt}). Close the first with ${VARIANTS_CLOSE}.` };
      blocks++;
      if (blocks > MAX_BLOCKS) return { ok: false, problem: `Line ${n}: a letter can have at most ${MAX_BLOCKS} ${VARIANTS_OPEN} blocks.` };
      parts.push({ text: text.join("\n") });
      text = [];
      block = { openedAt: n, choices: [[]] };
    } else if (marker === "or") {
      if (!block) return { ok: false, problem: `Line ${n}: “${VARIANTS_OR}” separates versions inside a ${VARIANTS_OPEN} … ${VARIANTS_CLOSE} block; there is no open block here.` };
      block.choices.push([]);
      if (block.choices.length > MAX_VARIANTS)
        return { ok: false, problem: `Line ${n}: the block opened on line ${block.openedAt} has more than ${MAX_VARIANTS} versions. Keep at most ${MAX_VARIANTS}.` };
    } else if (marker === "close") {
      if (!block) return { ok: false, problem: `Line ${n}: ${VARIANTS_CLOSE} closes a block that was never opened. Start it with a line holding only ${VARIANTS_OPEN}.` };
      const choices = block.choices.map(trimBlankLines);
      const empty = choices.findIndex((c) => c.trim() === "");
      if (empty >= 0) return { ok: false, problem: `Line ${block.openedAt}: version ${empty + 1} of this block is empty. Write it, or remove its “${VARIANTS_OR}” line.` };
      if (choices.length < 2)
        return { ok: false, problem: `Line ${block.openedAt}: this block has only one version. Add another after a line holding only “${VARIANTS_OR}”, or remove the block’s markers.` };
      parts.push({ choices });
      block = null;
    } else if (block) {
      block.choices.at(-1)!.push(line);
    } else {
      text.push(line);
    }
  }
  if (block) return { ok: false, problem: `Line ${block.openedAt}: this ${VARIANTS_OPEN} block is never closed. End it with a line holding only ${VARIANTS_CLOSE}.` };
  parts.push({ text: text.join("\n") });
  return { ok: true, parts };
}

/** The subject's versions: one per non-empty line. */
export function subjectVariants(subject: string): string[] {
  return subject
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

/** What is wrong with the body's blocks, or null. */
export function bodyVariantProblem(body: string): string | null {
  const parsed = parseBody(body);
  return parsed.ok ? null : parsed.problem;
}

/** The seed of one supporter's letter from one model letter: their address (as the form normalises it), the case
 * and the template. The same in the browser (typed address) and on the server (stored address). */
export function letterVariantSeed({ email, caseId, templateId }: { email: string; caseId: string; templateId: string }): string {
  return `${normalizeEmail(email)}\n${caseId}\n${templateId}`;
}

/** 32-bit FNV-1a with a final avalanche (murmur3's fmix32): fast, the same in every JavaScript engine. Not a
 * secret: it only has to spread supporters evenly over the versions. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Which of `count` versions slot `slot` ("subject", "block 1", …) takes for this seed. */
export function pickVariant(seed: string, slot: string, count: number): number {
  if (count <= 1) return 0;
  return hash32(`${seed}\u0000${slot}`) % count;
}

/**
 * The template with one subject and one version of each block chosen for this seed: plain text with merge fields
 * left in, for renderLetter to fill. A malformed body throws (the editor and saving refuse one before it can be
 * stored); callers that show problems check bodyVariantProblem first.
 */
export function resolveVariants(template: { subject: string; body: string }, seed: string): { subject: string; body: string } {
  const subjects = subjectVariants(template.subject);
  const subject = subjects[pickVariant(seed, "subject", subjects.length)] ?? "";
  const parsed = parseBody(template.body);
  if (!parsed.ok) throw new Error(parsed.problem);
  let blockNo = 0;
  const body = parsed.parts
    .map((part) => {
      if ("text" in part) return part.text;
      blockNo++;
      return part.choices[pickVariant(seed, `block ${blockNo}`, part.choices.length)];
    })
    .join("\n");
  return { subject, body };
}

/** How many versions the letter has: subjects, and each block's, and all their combinations. */
export function variantCounts(template: { subject: string; body: string }): { subjects: number; blocks: number[]; combinations: number } | null {
  const parsed = parseBody(template.body);
  if (!parsed.ok) return null;
  const subjects = Math.max(1, subjectVariants(template.subject).length);
  const blocks = parsed.parts.flatMap((p) => ("choices" in p ? [p.choices.length] : []));
  return { subjects, blocks, combinations: blocks.reduce((a, b) => a * b, subjects) };
}

export const SIMULATED_SUPPORTERS = 100;

/** How many different letters (subject and body, personal line aside) an official would receive from
 * `supporters` supporters: the real pick over that many fixed sample seeds, so it is the same figure every time
 * and in every browser. Null when the body's blocks are malformed. */
export function distinctLetters(template: { subject: string; body: string }, supporters = SIMULATED_SUPPORTERS): number | null {
  if (bodyVariantProblem(template.body)) return null;
  const seen = new Set<string>();
  for (let i = 1; i <= supporters; i++) {
    const letter = resolveVariants(template, `simulated supporter ${i}`);
    seen.add(`${letter.subject}\u0000${letter.body}`);
  }
  return seen.size;
}
