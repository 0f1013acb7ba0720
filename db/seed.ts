// The demo seed: fills an empty database with the cases in ./seed-data and the PRC's diplomatic missions from
// ./fixtures/missions-china.csv. Run by scripts/prepare.ts on every start.
import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { importMissions } from "../lib/missions/import-missions";
import { writeTransaction } from "./client";
import { caseUpdates, cases, letterTemplates, missions, targets } from "./schema";
import { DEMO_CASES } from "./seed-data";

export const DEMO_MISSIONS_FILE = path.join(import.meta.dirname, "fixtures", "missions-china.csv");

/** Inserts every demo case, with its updates, targets and letter templates, if the database has no case yet,
 * and the demo missions (real postal addresses, every email an example.org one) if it has no mission yet.
 * Returns how many cases it inserted: 0 when any case already exists. */
export function seedDemoCases(): number {
  // The emptiness check runs inside the write transaction (BEGIN IMMEDIATE): two processes starting at once
  // queue on the lock, and the second sees the first one's cases instead of seeding them twice.
  return writeTransaction((tx) => {
    if (tx.select({ id: cases.id }).from(cases).limit(1).get()) return 0;

    for (const demo of DEMO_CASES) {
      const { updates, targets: caseTargets, letterTemplates: templates, ...row } = demo;
      const caseId = crypto.randomUUID();
      tx.insert(cases).values({ id: caseId, ...row }).run();
      if (updates.length > 0) {
        tx.insert(caseUpdates)
          .values(updates.map((u) => ({ id: crypto.randomUUID(), caseId, ...u, createdAt: new Date(`${u.happenedOn}T12:00:00Z`) })))
          .run();
      }
      if (caseTargets.length > 0) {
        tx.insert(targets)
          .values(caseTargets.map((t) => ({ id: crypto.randomUUID(), caseId, ...t })))
          .run();
      }
      if (templates.length > 0) {
        tx.insert(letterTemplates)
          .values(templates.map((t) => ({ id: crypto.randomUUID(), caseId, ...t, updatedAt: row.updatedAt })))
          .run();
      }
    }
    // Only into an empty table: a demo import over an organisation's own (full, real) import would replace its
    // embassies' emails with example.org ones. Demo mode, because a demo must never mail a real embassy.
    if (!tx.select({ id: missions.id }).from(missions).limit(1).get()) {
      importMissions({ csv: readFileSync(DEMO_MISSIONS_FILE, "utf8"), demo: true, source: path.basename(DEMO_MISSIONS_FILE), tx });
    }
    return DEMO_CASES.length;
  });
}
