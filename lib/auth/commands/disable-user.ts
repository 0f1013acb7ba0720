import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import { writeTransaction, type Db } from "@/db/client";
import { sessions, users, verificationTokens } from "@/db/schema";
import { recordAudit } from "../../audit/record-audit";
import { normalizeStaffEmail } from "../schemas";

/** Which account: by address (the command line) or by id (the People page, which lists ids). */
export type UserRef = { email: string } | { userId: string };

export type DisableRefusal = "self" | "last_admin";

/** Thrown when disabling would lock the workspace: an admin disabling themselves, or the last active admin. */
export class DisableUserError extends Error {
  constructor(readonly code: DisableRefusal) {
    super(code === "self" ? "You cannot disable your own account." : "This is the last active admin: make someone else an admin first.");
    this.name = "DisableUserError";
  }
}

export function findUser(tx: Db, ref: UserRef) {
  const where = "userId" in ref ? eq(users.id, ref.userId) : eq(users.email, normalizeStaffEmail(ref.email));
  return tx.select({ id: users.id, email: users.email, role: users.role, disabledAt: users.disabledAt }).from(users).where(where).get();
}

/** Withdraws access: sets disabledAt, deletes every session and unused sign-in link, in one transaction. Only
 * enableUser lets them in again (inviting does not). Returns null when there is no such user. Refuses (throws
 * DisableUserError) to disable the actor themselves or the last active admin, from the web and the shell alike:
 * with no admin left nobody could enable anyone. Callers check that the actor is an admin (null: the shell). */
export function disableUser({ actorId, ...ref }: UserRef & { actorId: string | null }, now = new Date()): { userId: string; sessionsEnded: number; linksDeleted: number } | null {
  return writeTransaction((tx) => {
    const user = findUser(tx, ref);
    if (!user) return null;
    if (actorId !== null && user.id === actorId) throw new DisableUserError("self");
    if (user.role === "admin" && user.disabledAt === null) {
      const otherAdmin = tx.select({ id: users.id }).from(users).where(and(eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, user.id))).get();
      if (!otherAdmin) throw new DisableUserError("last_admin");
    }
    if (user.disabledAt === null) tx.update(users).set({ disabledAt: now }).where(eq(users.id, user.id)).run();
    const sessionsEnded = tx.delete(sessions).where(eq(sessions.userId, user.id)).run().changes;
    const linksDeleted = user.email ? tx.delete(verificationTokens).where(eq(verificationTokens.identifier, user.email)).run().changes : 0;
    recordAudit(tx, { actorUserId: actorId, action: "user.disable", subjectType: "user", subjectId: user.id, details: { sessionsEnded, linksDeleted, via: actorId ? "web" : "cli" } }, now);
    return { userId: user.id, sessionsEnded, linksDeleted };
  });
}
