import "server-only";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sessions, users, type UserRole } from "@/db/schema";

export type StaffMember = {
  id: string;
  email: string;
  role: UserRole;
  disabled: boolean;
  /** when access was withdrawn (disableUser), null while enabled */
  disabledAt: Date | null;
  invitedAt: Date | null;
  /** Auth.js sets emailVerified each time a sign-in link is used: the last sign-in */
  lastSignInAt: Date | null;
  activeSessions: number;
};

/** Everyone who may sign in, admins first, then by address. */
export function listUsers(now = new Date()): StaffMember[] {
  const rows = getDb()
    .select({
      id: users.id,
      email: users.email,
      role: users.role,
      disabledAt: users.disabledAt,
      invitedAt: users.invitedAt,
      lastSignInAt: users.emailVerified,
      activeSessions: sql<number>`count(${sessions.sessionToken})`,
    })
    .from(users)
    .leftJoin(sessions, and(eq(sessions.userId, users.id), gt(sessions.expires, now)))
    .groupBy(users.id)
    .orderBy(asc(users.role), asc(users.email))
    .all();
  return rows.map((r) => ({
    id: r.id,
    email: r.email ?? "",
    role: r.role,
    disabled: r.disabledAt !== null,
    disabledAt: r.disabledAt,
    invitedAt: r.invitedAt,
    lastSignInAt: r.lastSignInAt,
    activeSessions: Number(r.activeSessions),
  }));
}
