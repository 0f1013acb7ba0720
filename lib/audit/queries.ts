import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { auditLog, cases, users } from "@/db/schema";

export const AUDIT_PAGE_SIZE = 50;

export type AuditLogEntry = {
  id: string;
  at: Date;
  action: string;
  /** The staff member who acted; null for the shell or the configuration (ADMIN_EMAILS) */
  actorEmail: string | null;
  subjectType: string | null;
  subjectId: string | null;
  /** Words for the subject: a case's reference and person, a staff member's address. Never a supporter's data:
   * the log holds ids only and these are looked up from cases and staff accounts. */
  subjectLabel: string | null;
  details: Record<string, string | number | boolean | null>;
};

export type AuditLogPage = { entries: AuditLogEntry[]; page: number; pageCount: number; total: number };

const subjectUser = alias(users, "subject_user");

function parseDetails(text: string | null): AuditLogEntry["details"] {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as AuditLogEntry["details"]) : {};
  } catch {
    return {};
  }
}

/** One page of the audit log, newest first. A page past the end gives the last page. */
export function listAuditEntries({ page = 1, pageSize = AUDIT_PAGE_SIZE }: { page?: number; pageSize?: number } = {}): AuditLogPage {
  const db = getDb();
  const total = db.select({ n: sql<number>`count(*)` }).from(auditLog).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorEmail: users.email,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      caseReference: cases.reference,
      casePerson: cases.personName,
      subjectUserEmail: subjectUser.email,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(cases, sql`${auditLog.subjectType} = 'case' and ${cases.id} = ${auditLog.subjectId}`)
    .leftJoin(subjectUser, sql`${auditLog.subjectType} = 'user' and ${subjectUser.id} = ${auditLog.subjectId}`)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(pageSize)
    .offset((current - 1) * pageSize)
    .all();
  const entries = rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    actorEmail: r.actorEmail,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    subjectLabel: r.caseReference ? `${r.caseReference} · ${r.casePerson}` : (r.subjectUserEmail ?? null),
    details: parseDetails(r.details),
  }));
  return { entries, page: current, pageCount, total };
}
