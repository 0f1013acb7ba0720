import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases, letterTemplates, targets } from "@/db/schema";
import { findUnknownFields } from "../letters/render";
import { todayIso } from "./queries";

export type ReadinessCheck = {
  key: "story" | "photo" | "targets" | "letter" | "deadline";
  ok: boolean;
  /** false for advice (a case may go out without a photo, often for the person's safety) */
  blocking: boolean;
  label: string;
};

export type CaseReadiness = { ready: boolean; checks: ReadinessCheck[]; reasons: string[] };

/** What must be true before a case goes public. Runs inside the caller's transaction, so a publish decides on
 * the same rows it changes. */
export function checkCaseReadiness({ db, caseId, now = new Date() }: { db: Db; caseId: string; now?: Date }): CaseReadiness | null {
  const row = db
    .select({ story: cases.story, photoPath: cases.photoPath, photoAlt: cases.photoAlt, actBefore: cases.actBefore })
    .from(cases)
    .where(eq(cases.id, caseId))
    .get();
  if (!row) return null;
  const targetCount = db.select({ id: targets.id }).from(targets).where(eq(targets.caseId, caseId)).all().length;
  const templates = db
    .select({ language: letterTemplates.language, subject: letterTemplates.subject, body: letterTemplates.body })
    .from(letterTemplates)
    .where(eq(letterTemplates.caseId, caseId))
    .all();
  const unknown = [...new Set(templates.flatMap((t) => findUnknownFields(t.subject, t.body)))];
  const today = todayIso(now);

  const checks: ReadinessCheck[] = [
    {
      key: "story",
      ok: row.story.trim().length > 0,
      blocking: true,
      label: row.story.trim().length > 0 ? "The story is written." : "The story is empty: write the person’s story on the Details tab.",
    },
    {
      key: "photo",
      ok: !row.photoPath || Boolean(row.photoAlt),
      blocking: Boolean(row.photoPath),
      label: row.photoPath
        ? row.photoAlt
          ? "A photo with a description is attached."
          : "The photo has no description: add one on the Details tab."
        : "No photo: supporters see the person’s initials. That is often the safer choice.",
    },
    {
      key: "targets",
      ok: targetCount > 0,
      blocking: true,
      label: targetCount > 0 ? `${targetCount} official${targetCount === 1 ? "" : "s"} to write to.` : "There is no official to write to: add at least one target.",
    },
    {
      key: "letter",
      ok: templates.length > 0 && unknown.length === 0,
      blocking: true,
      label:
        templates.length === 0
          ? "There is no model letter: write one on the Letter tab."
          : unknown.length > 0
            ? `The model letter has unknown merge fields: ${unknown.map((f) => `{{${f}}}`).join(", ")}. Fix them on the Letter tab.`
            : `Model letter ready in ${templates.map((t) => t.language).join(", ")}.`,
    },
    {
      key: "deadline",
      ok: row.actBefore >= today,
      blocking: true,
      label: row.actBefore >= today ? `Appeals are taken until ${row.actBefore}.` : `The deadline (${row.actBefore}) has passed: choose a later date on the Details tab.`,
    },
  ];
  const reasons = checks.filter((c) => c.blocking && !c.ok).map((c) => c.label);
  return { ready: reasons.length === 0, checks, reasons };
}
