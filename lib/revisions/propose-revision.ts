import "server-only";
import type { Db } from "@/db/client";
import { caseRevisions, type RevisionKind } from "@/db/schema";
import { recordAudit, type AuditEntry } from "../audit/record-audit";
import { caseContentVersion } from "../cases/content-version";
import { newId } from "../security/secret";

/**
 * Stores a campaigner's change to a live case as a pending revision instead of applying it, inside the caller's
 * transaction, and audits it (with whatever the caller adds: a target's old and new address). The live rows are
 * not touched: supporters and officials see the current version until an admin approves.
 */
export function proposeRevision(
  tx: Db,
  {
    caseId,
    kind,
    subjectId,
    before,
    after,
    authorId,
    formKey = null,
    audit = {},
    now = new Date(),
  }: {
    caseId: string;
    kind: RevisionKind;
    subjectId: string | null;
    before: unknown;
    after: unknown;
    authorId: string;
    formKey?: string | null;
    audit?: AuditEntry["details"];
    now?: Date;
  },
): string {
  const id = newId();
  tx.insert(caseRevisions)
    .values({
      id,
      caseId,
      kind,
      subjectId,
      before: before === null || before === undefined ? null : JSON.stringify(before),
      after: JSON.stringify(after),
      baseVersion: caseContentVersion({ db: tx, caseId }),
      authorId,
      status: "pending",
      formKey,
      createdAt: now,
    })
    .run();
  recordAudit(tx, { actorUserId: authorId, action: "revision.create", subjectType: "case", subjectId: caseId, details: { revisionId: id, kind, subjectId, ...audit } }, now);
  return id;
}
