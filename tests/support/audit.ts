// The audit log as a test reads it: how many rows of one action about one subject. No `server-only` imports:
// Playwright loads this file in plain Node.
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";

export function countAuditRows({ action, subjectId }: { action: string; subjectId: string }): number {
  return getDb()
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)))
    .all().length;
}
