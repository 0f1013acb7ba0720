import "server-only";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { newId } from "../security/secret";

export type AuditEntry = {
  /** null when the act came from a shell (npm run invite) or from the configuration (ADMIN_EMAILS) */
  actorUserId: string | null;
  /** dotted verb, e.g. "user.invite", "sessions.end" */
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  /** Ids, roles, counts. Never a supporter's name, address or message: this log is kept longer than they are. */
  details?: Record<string, string | number | boolean | null>;
};

/** Writes one audit row inside the caller's transaction, so the record exists exactly when the act does. */
export function recordAudit(tx: Db, entry: AuditEntry, now = new Date()): string {
  const id = newId();
  tx.insert(auditLog)
    .values({
      id,
      at: now,
      actorUserId: entry.actorUserId,
      action: entry.action,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .run();
  return id;
}
